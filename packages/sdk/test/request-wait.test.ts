// waitForRequest against a Graph that keeps a request `submitted` (Graph may take seconds to process one; the mock
// processes it before its next answer, see packages/mock-server/test/http/request-lifecycle.test.ts): it backs off,
// stops at its bound with the request as last read, and stops at once when aborted.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server, wire } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 't', batching: false });
const REQUEST = `${BASE}${EM_PATH}/assignmentRequests/r1`;

/** Answers `submitted` for the first `processingReads` reads, then `pendingApproval`. */
function graphProcessing(processingReads: number) {
  let reads = 0;
  server.use(
    http.get(REQUEST, () =>
      HttpResponse.json({ id: 'r1', state: ++reads > processingReads ? 'pendingApproval' : 'submitted', status: reads > processingReads ? 'PendingApproval' : 'Accepted' }),
    ),
  );
}

describe('waitForRequest', () => {
  it('reads again with doubling pauses until the request leaves submitted', async () => {
    graphProcessing(3);
    const started = Date.now();
    const settled = await sdk.waitForRequest({ id: 'r1', state: 'submitted' }, { firstDelayMs: 20, maxDelayMs: 1000 });
    expect(settled).toMatchObject({ id: 'r1', state: 'pendingApproval' });
    expect(wire.map((w) => w.path)).toEqual(Array(4).fill(`${EM_PATH}/assignmentRequests/r1?$expand=accessPackage,assignment,requestor`));
    // Lower bounds only (a loaded machine makes pauses longer, never shorter): four fixed 20 ms pauses would be 80.
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40 + 80 + 160 - 10);
  });

  it('answers at once, without a read, when the request given has already moved on', async () => {
    graphProcessing(0);
    expect(await sdk.waitForRequest({ id: 'r1', state: 'delivered' })).toMatchObject({ state: 'delivered' });
    expect(wire).toHaveLength(0);
  });

  it('is bounded: after timeoutMs it resolves with the request as last read, still submitted', async () => {
    graphProcessing(Infinity);
    const started = Date.now();
    const last = await sdk.waitForRequest('r1', { firstDelayMs: 10, maxDelayMs: 40, timeoutMs: 300 });
    expect(last).toMatchObject({ state: 'submitted', status: 'Accepted' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(wire.length).toBeGreaterThan(1);
  });

  it('stops waiting at once when aborted, and reads nothing more', async () => {
    graphProcessing(Infinity);
    const controller = new AbortController();
    const waiting = sdk.waitForRequest('r1', { firstDelayMs: 5_000, abortSignal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('left the page', 'AbortError')), 20);
    const started = Date.now();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(wire).toHaveLength(0);
  });

  it('waits for what `until` says', async () => {
    let reads = 0;
    server.use(http.get(REQUEST, () => HttpResponse.json({ id: 'r1', state: ++reads < 3 ? 'pendingApproval' : 'delivered' })));
    const done = await sdk.waitForRequest('r1', { firstDelayMs: 5, until: (r) => r.state === 'delivered' });
    expect(done.state).toBe('delivered');
    expect(reads).toBe(3);
  });
});
