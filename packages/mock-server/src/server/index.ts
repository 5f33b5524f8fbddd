// The mock as a Graph-compatible HTTP server on loopback: Graph under /v1.0, the control API under /_mock.
import { Engine } from '../core/engine.ts';
import type { SeedName } from '../seed/index.ts';
import { createMockGraph, type MockGraph } from '../msw/mock-graph.ts';
import { httpCallout } from './callout.ts';
import { startHttpServer } from './http-server.ts';
import { loadState, stateSaver } from './state-file.ts';
import { makeLoopbackCertificate } from './tls.ts';

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: SeedName;
  /** Keep the state in this file: read at start when it exists, rewritten after every change. */
  stateFile?: string;
  /** Let custom extension callouts reach hosts other than loopback. */
  allowRemoteCallouts?: boolean;
  onUnexpectedError?: (error: unknown) => void;
  /** Serve https with a certificate for 127.0.0.1/localhost made at start; its PEM file is `caFile`. */
  https?: boolean | { caFile?: string };
}

export interface MockServer extends MockGraph {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/v1.0`: the base URL to give the SDK. */
  graphUrl: string;
  port: number;
  /** With `https`: the certificate to trust (NODE_EXTRA_CA_CERTS=caFile, or a client's `ca` option). */
  caFile?: string;
  close(): Promise<void>;
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const engine = new Engine({ seed: options.seed, callout: httpCallout({ allowRemote: options.allowRemoteCallouts }) });
  if (options.stateFile) loadState(engine, options.stateFile);
  const mock = createMockGraph({ engine, onUnexpectedError: options.onUnexpectedError });
  const saver = options.stateFile ? stateSaver(engine, options.stateFile) : undefined;

  const certificate = options.https ? await makeLoopbackCertificate(typeof options.https === 'object' ? options.https.caFile : undefined) : undefined;
  const server = await startHttpServer({
    port: options.port ?? 0,
    tls: certificate,
    handlers: () => mock.handlers,
    onUnexpectedError: options.onUnexpectedError,
    // The reply waits for the save, so a client that saw its change succeed can rely on it surviving a restart.
    onResponse: saver && ((request, response) => (CHANGES.has(request.method) && response.status < 400 ? saver.save() : undefined)),
  });
  return {
    ...mock,
    url: server.url,
    graphUrl: `${server.url}/v1.0`,
    port: server.port,
    caFile: certificate?.caFile,
    close: async () => {
      await server.close();
      await engine.whenIdle();
      await saver?.save();
    },
  };
}

export { startHttpServer } from './http-server.ts';
export { httpCallout } from './callout.ts';
