// A Node MSW server for one test file: Graph under BASE, a $batch endpoint over the test's handlers, and a log of
// what crossed the wire.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { batchHandler } from './graph-handlers.ts';
import type { BatchRequestBody } from '../../src/batch.ts';

export const BASE = 'https://graph.example/v1.0';
export const EM_PATH = '/identityGovernance/entitlementManagement';

/** What left the client (its headers are read in handlers: MSW's request:start copy of them is not faithful). */
export interface WireRequest {
  method: string;
  /** Path and query under BASE, decoded for legibility. */
  path: string;
  at: number;
}

export function useGraphServer() {
  const wire: WireRequest[] = [];
  const batches: BatchRequestBody[] = [];
  const server = setupServer(batchHandler(BASE, () => server.listHandlers(), (body) => batches.push(body)));
  server.events.on('request:start', ({ request }) => {
    wire.push({ method: request.method, path: decodeURIComponent(request.url.slice(BASE.length)), at: Date.now() });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    wire.length = 0;
    batches.length = 0;
  });
  afterAll(() => server.close());
  return { server, wire, batches };
}
