// The mock as a Graph-compatible HTTP server on loopback: Graph under /v1.0, the control API under /_mock.
import { Engine } from '../core/engine.ts';
import type { SeedName } from '../seed/index.ts';
import { createMockGraph, type MockGraph } from '../msw/mock-graph.ts';
import { httpCallout } from './callout.ts';
import { startHttpServer } from './http-server.ts';
import { loadState, stateFileJournal, type StateFileJournal } from './state-file.ts';
import { makeLoopbackCertificate } from './tls.ts';

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: SeedName;
  /** Keep the state in this file (and FILE.journal): read at start when it exists, saved with every change. */
  stateFile?: string;
  /** Let custom extension callouts reach hosts other than loopback. */
  allowRemoteCallouts?: boolean;
  /** Serve https with a certificate for 127.0.0.1/localhost made at start; its PEM file is `caFile`. */
  https?: boolean | { caFile?: string };
  onUnexpectedError?: (error: unknown, where?: string) => void;
  /**
   * How requests reach the routes: `direct` (the default) looks them up in the route table and writes the reply;
   * `msw` serves the msw handlers the browser worker and setupServer use, through msw's getResponse. Both serve
   * the same routes; the HTTP test suites run against both (MOCK_ADAPTER=msw).
   */
  adapter?: 'direct' | 'msw';
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

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const engine = new Engine({ seed: options.seed, callout: httpCallout({ allowRemote: options.allowRemoteCallouts }) });
  let journal: StateFileJournal | undefined;
  if (options.stateFile) {
    loadState(engine, options.stateFile);
    // Every write is saved inside its own transaction, before the reply: a client told "done" can rely on it.
    journal = stateFileJournal(options.stateFile, options.onUnexpectedError);
    engine.setJournal(journal);
  }
  const mock = createMockGraph({ engine, onUnexpectedError: options.onUnexpectedError });

  const certificate = options.https ? await makeLoopbackCertificate(typeof options.https === 'object' ? options.https.caFile : undefined) : undefined;
  const server = await startHttpServer({
    port: options.port ?? 0,
    tls: certificate,
    ...(options.adapter === 'msw' ? { handlers: () => mock.handlers } : { dispatch: mock.dispatch }),
    onUnexpectedError: options.onUnexpectedError,
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
      journal?.compact();
      journal?.close();
    },
  };
}

export { startHttpServer } from './http-server.ts';
export { httpCallout } from './callout.ts';
