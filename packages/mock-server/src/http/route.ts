// The msw adapter: each route of a route table (route-table.ts) as an msw handler, for the browser worker and
// setupServer, plus `$batch` and a 404 for anything else under the base URL. Matching is msw's (one handler after
// another); the pipeline a matched route runs through is the same as the HTTP server's (run-route.ts).
import { HttpHandler, getResponse } from 'msw';
import { MockGraphError } from '../core/errors.ts';
import { readBearerClaims } from '../identity/token.ts';
import { executeBatch } from './batch.ts';
import { graphErrorResponse, requestContext, unknownPath, type RequestContext } from './graph-response.ts';
import { compilePathTemplate, parseMountPoint, type PathParams } from './path-template.ts';
import { fromResponse, toResponse, type Reply } from './reply.ts';
import { compileRouteTable, controlRoute, graphRoute, type ControlContext, type RouteContext, type RouteDef } from './route-table.ts';
import { dateHeader, incomingOf, runRoute, type PipelineOptions } from './run-route.ts';
import { logOncePerCause, type UnexpectedErrorReporter } from './unexpected.ts';

export type { ControlContext, RouteContext } from './route-table.ts';

export interface GraphRoutesOptions extends Omit<PipelineOptions, 'versionUrl' | 'onUnexpectedError'> {
  baseUrl: string;
  /** Told about errors that are not MockGraphErrors (bugs: the client only sees a bare 500). One short line per cause on stderr by default. */
  onUnexpectedError?: UnexpectedErrorReporter;
}

type Answer = Reply | Response;

export interface GraphRoutes {
  /** A Graph route; `pathTemplate` is relative to `baseUrl`, with `:name` params (also inside quotes). */
  route(method: string, pathTemplate: string, handler: (ctx: RouteContext) => Answer | Promise<Answer>): HttpHandler;
  /** A `/_mock/...` route at the origin of `baseUrl`: no token, no faults. */
  control(method: string, path: string, handler: (ctx: ControlContext) => Answer | Promise<Answer>): HttpHandler;
  /** One handler per route of a route table, in its order. */
  handlersFor(routes: readonly RouteDef[]): HttpHandler[];
  /** `POST {baseUrl}/$batch`, dispatching each sub-request through the handlers given (read at each batch). */
  batchHandler(getHandlers: () => HttpHandler[], routes?: readonly RouteDef[]): HttpHandler;
  /**
   * Anything else under `baseUrl` (register it last) instead of falling through to the network: 400 naming the first
   * segment none of `routes` knows (405 for a known path asked with another method; see `unknownPath`).
   */
  fallback(routes?: readonly RouteDef[]): HttpHandler;
}

const asReply = async (answer: Answer): Promise<Reply> => (answer instanceof Response ? fromResponse(answer) : answer);

export function createGraphRoutes(options: GraphRoutesOptions): GraphRoutes {
  const mount = parseMountPoint(options.baseUrl);
  const report = options.onUnexpectedError ?? logOncePerCause();
  const pipeline: PipelineOptions = { ...options, versionUrl: (url) => mount.versionUrl(url), onUnexpectedError: report };

  function handler(
    method: string | RegExp,
    match: (url: URL) => PathParams | undefined,
    run: (request: Request, params: PathParams, context: RequestContext) => Promise<Response>,
  ): HttpHandler {
    return new HttpHandler(
      method,
      ({ request }) => {
        const params = match(new URL(request.url));
        return params ? { matches: true, params } : false;
      },
      async ({ request, params }) => {
        const context = requestContext(request);
        let response: Response;
        try {
          response = await run(request, params as PathParams, context);
        } catch (error) {
          if (!(error instanceof MockGraphError)) report(error, `${request.method} ${new URL(request.url).pathname}`);
          response = graphErrorResponse(error, context);
        }
        response.headers.set('date', dateHeader(options));
        return response;
      },
    );
  }

  /** The error for a request under the base URL that no handler took, naming what `routes` do not know. */
  const unmatchedUnder = (routes: readonly RouteDef[] = []) => {
    const table = compileRouteTable(routes);
    return (request: Request) => {
      const path = mount.rest(new URL(request.url));
      return unknownPath(request, { underVersionRoot: path !== undefined, path, unknownSegment: routes.length ? (p) => table.unknownSegment('graph', p) : undefined });
    };
  };

  const underBase = (template: string) => {
    const matchPath = compilePathTemplate(template);
    return (url: URL) => {
      const rest = mount.rest(url);
      return rest === undefined ? undefined : matchPath(rest);
    };
  };

  function toHandler(route: RouteDef): HttpHandler {
    const matchPath = compilePathTemplate(route.template);
    const match =
      route.scope === 'graph' ? underBase(route.template) : (url: URL) => (mount.matchesOrigin(url) ? matchPath(url.pathname) : undefined);
    return handler(route.method, match, async (request, params, context) =>
      toResponse(await runRoute({ route, params }, incomingOf(request), context, pipeline), context),
    );
  }

  return {
    route: (method, pathTemplate, handle) => toHandler(graphRoute(method, pathTemplate, async (ctx) => asReply(await handle(ctx)))),
    control: (method, path, handle) => toHandler(controlRoute(method, path, async (ctx) => asReply(await handle(ctx)))),
    handlersFor: (routes) => routes.map(toHandler),

    batchHandler(getHandlers, routes) {
      const unmatched = unmatchedUnder(routes);
      return handler('POST', underBase('/$batch'), async (request, _params, context) => {
        await options.resolveCaller(readBearerClaims(request));
        const dispatch = async (sub: Request) => (await getResponse(getHandlers(), sub)) ?? graphErrorResponse(unmatched(sub));
        return executeBatch(request, dispatch, mount.versionUrl(new URL(request.url)), context);
      });
    },

    fallback(routes) {
      const unmatched = unmatchedUnder(routes);
      return handler(/.+/, (url) => (mount.rest(url) === undefined ? undefined : {}), async (request) => {
        throw unmatched(request);
      });
    },
  };
}
