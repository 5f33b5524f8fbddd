// One mock Graph: an engine, the fault injector, and the msw handlers over them. The same handlers serve the
// browser worker, setupServer in Node tests and the loopback HTTP server; only the base URL differs.
import type { HttpHandler } from 'msw';
import { Engine, type EngineOptions } from '../core/engine.ts';
import { FaultInjector } from '../http/faults.ts';
import { createGraphRoutes } from '../http/route.ts';
import { tableDispatch, type Dispatch } from '../http/table-dispatch.ts';
import { logOncePerCause, type UnexpectedErrorReporter } from '../http/unexpected.ts';
import type { BearerClaims } from '../identity/token.ts';
import { controlRoutes } from './control-routes.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { graphRoutes } from './graph-routes.ts';
import { governanceRoutes } from './governance-routes.ts';
import { maintenanceRoutes } from './maintenance-routes.ts';

export interface MockGraphOptions extends EngineOptions {
  /**
   * Where Graph is mounted: `*\/v1.0` (any origin: the default, for a browser worker or setupServer), or an absolute
   * URL such as `https://graph.microsoft.com/v1.0`. `/_mock` routes answer at the same origin.
   */
  baseUrl?: string;
  /** An engine to serve instead of a new one (options other than baseUrl are then ignored). */
  engine?: Engine;
  /** Told about errors that are bugs (not Graph errors); the client sees a bare 500. One short line per cause by default. */
  onUnexpectedError?: UnexpectedErrorReporter;
  /**
   * The handlers `$batch` dispatches its sub-requests through; these handlers by default. A worker or server passes
   * its current list, so that runtime overrides (`worker.use(...)`) reach batched calls as they reach single ones.
   */
  batchHandlers?: () => readonly HttpHandler[];
}

export interface MockGraph {
  engine: Engine;
  faults: FaultInjector;
  /** Graph routes, `/_mock` routes, `$batch`, then a 400 for any other path under the base URL. */
  handlers: HttpHandler[];
  /** The same routes served without msw (what the HTTP server uses): a table lookup, answers as plain replies. */
  dispatch: Dispatch;
}

export function createMockGraph(options: MockGraphOptions = {}): MockGraph {
  const engine = options.engine ?? new Engine(options);
  const faults = new FaultInjector();
  const baseUrl = options.baseUrl ?? '*/v1.0';
  const pipeline = {
    baseUrl,
    faults,
    resolveCaller: (claims: BearerClaims) => engine.callerFromClaims(claims),
    onUnexpectedError: options.onUnexpectedError ?? logOncePerCause(),
    // Graph's Date header tells clients what "today" is: here it is the mock clock's.
    now: () => Date.parse(engine.now()),
  };
  const table = [...controlRoutes(engine, faults), ...catalogRoutes(engine), ...graphRoutes(engine), ...maintenanceRoutes(engine), ...governanceRoutes(engine)];
  const routes = createGraphRoutes(pipeline);
  const handlers: HttpHandler[] = routes.handlersFor(table);
  const batchHandlers = options.batchHandlers;
  handlers.push(routes.batchHandler(batchHandlers ? () => [...batchHandlers()] : () => handlers, table), routes.fallback(table));
  return { engine, faults, handlers, dispatch: tableDispatch(table, pipeline) };
}
