// Declares Graph routes as msw handlers. Each route: injected faults, the caller from the bearer token, the JSON
// body, then the handler; whatever it throws becomes Graph's error body. Handlers stay thin adapters over the domain.
import { HttpHandler, getResponse } from 'msw';
import { MockGraphError } from '../core/errors.ts';
import { readBearerClaims, type BearerClaims } from '../identity/token.ts';
import { executeBatch } from './batch.ts';
import type { FaultInjector } from './faults.ts';
import { graphErrorResponse, requestContext, unknownPath, withRequestIds, type RequestContext } from './graph-response.ts';
import { readJsonBody } from './json-body.ts';
import { compilePathTemplate, parseMountPoint, type PathParams } from './path-template.ts';

export interface RouteContext {
  /** The request; its body has already been read into `body`. */
  request: Request;
  url: URL;
  params: PathParams;
  /** Directory id of the signed-in user. */
  callerId: string;
  /** Parsed JSON body of a POST, PATCH or PUT; undefined when empty. */
  body: unknown;
  /** The version root this request came in under, e.g. `http://127.0.0.1:4010/v1.0` (for `@odata.context`). */
  versionUrl: string;
}

export type ControlContext = Omit<RouteContext, 'callerId' | 'versionUrl'>;

export interface GraphRoutesOptions {
  baseUrl: string;
  /** Claims -> user id; throws `unauthorized(...)` for a user the directory does not know. */
  resolveCaller: (claims: BearerClaims) => string | Promise<string>;
  faults?: FaultInjector;
  /** Told about errors that are not MockGraphErrors (bugs: the client only sees a bare 500). console.error by default. */
  onUnexpectedError?: (error: unknown, request: Request) => void;
  /** The service's time (ms), sent as every Graph response's `Date` header, as Graph sends its own; the computer's by default. */
  now?: () => number;
}

export interface GraphRoutes {
  /** A Graph route; `pathTemplate` is relative to `baseUrl`, with `:name` params (also inside quotes). */
  route(method: string, pathTemplate: string, handler: (ctx: RouteContext) => Response | Promise<Response>): HttpHandler;
  /** A `/_mock/...` route at the origin of `baseUrl`: no token, no faults. */
  control(method: string, path: string, handler: (ctx: ControlContext) => Response | Promise<Response>): HttpHandler;
  /** `POST {baseUrl}/$batch`, dispatching each sub-request through the handlers given (read at each batch). */
  batchHandler(getHandlers: () => HttpHandler[]): HttpHandler;
  /** Anything else under `baseUrl`: 404 `UnknownPath` (register it last) instead of falling through to the network. */
  fallback(): HttpHandler;
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGraphRoutes(options: GraphRoutesOptions): GraphRoutes {
  const mount = parseMountPoint(options.baseUrl);
  const report =
    options.onUnexpectedError ?? ((error, request) => console.error(`mock Graph: ${request.method} ${request.url} failed`, error));

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
          response = withRequestIds(await run(request, params as PathParams, context), context);
        } catch (error) {
          if (!(error instanceof MockGraphError)) report(error, request);
          response = graphErrorResponse(error, context);
        }
        response.headers.set('date', new Date(options.now?.() ?? Date.now()).toUTCString());
        return response;
      },
    );
  }

  const underBase = (template: string) => {
    const matchPath = compilePathTemplate(template);
    return (url: URL) => {
      const rest = mount.rest(url);
      return rest === undefined ? undefined : matchPath(rest);
    };
  };

  const bodyOf = (request: Request) => (BODY_METHODS.has(request.method.toUpperCase()) ? readJsonBody(request) : undefined);

  return {
    route(method, pathTemplate, handle) {
      return handler(method, underBase(pathTemplate), async (request, params, context) => {
        if (options.faults) {
          const { delayMs, response } = options.faults.next(context);
          if (delayMs) await sleep(delayMs);
          if (response) return response;
        }
        const callerId = await options.resolveCaller(readBearerClaims(request));
        const body = await bodyOf(request);
        const url = new URL(request.url);
        return handle({ request, url, params, callerId, body, versionUrl: mount.versionUrl(url) });
      });
    },

    control(method, path, handle) {
      const matchPath = compilePathTemplate(path);
      return handler(
        method,
        (url) => (mount.matchesOrigin(url) ? matchPath(url.pathname) : undefined),
        async (request, params) => handle({ request, url: new URL(request.url), params, body: await bodyOf(request) }),
      );
    },

    batchHandler(getHandlers) {
      return handler('POST', underBase('/$batch'), async (request, _params, context) => {
        await options.resolveCaller(readBearerClaims(request));
        const dispatch = async (sub: Request) => (await getResponse(getHandlers(), sub)) ?? graphErrorResponse(unknownPath(sub));
        return executeBatch(request, dispatch, mount.versionUrl(new URL(request.url)), context);
      });
    },

    fallback() {
      return handler(/.+/, (url) => (mount.rest(url) === undefined ? undefined : {}), async (request) => {
        throw unknownPath(request);
      });
    },
  };
}
