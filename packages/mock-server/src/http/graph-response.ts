// Graph-shaped responses. Every response carries a `request-id` header (and echoes `client-request-id`), as
// Graph's do; errors repeat them in `innerError` so a client can quote either.
import { MockGraphError } from '../core/errors.ts';
import type { CollectionResult } from '../odata/query-types.ts';

/** Graph's own content type for JSON payloads. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface RequestContext {
  requestId: string;
  clientRequestId?: string;
}

/** What requestContext reads of a request: a fetch Request, or the HTTP server's own view of one. */
export interface HasHeaders {
  headers: { get(name: string): string | null };
}

export function requestContext(request?: HasHeaders): RequestContext {
  const clientRequestId = request?.headers.get('client-request-id') ?? undefined;
  return { requestId: globalThis.crypto.randomUUID(), ...(clientRequestId ? { clientRequestId } : {}) };
}

export interface GraphResponseInit extends ResponseInit {
  context?: RequestContext;
}

function headersFor(init: GraphResponseInit, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extra)) if (!headers.has(name)) headers.set(name, value);
  const context = init.context ?? requestContext();
  headers.set('request-id', context.requestId);
  if (context.clientRequestId) headers.set('client-request-id', context.clientRequestId);
  return headers;
}

export function graphJson(body: unknown, init: GraphResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    statusText: init.statusText,
    headers: headersFor(init, { 'content-type': GRAPH_JSON }),
  });
}

export function noContent(init: GraphResponseInit = {}): Response {
  return new Response(null, { status: 204, statusText: init.statusText, headers: headersFor(init) });
}

export interface CollectionBody<T> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Partial<T>[];
}

export function collectionBody<T>(result: CollectionResult<T>, contextUrl: string): CollectionBody<T> {
  return {
    '@odata.context': contextUrl,
    ...(result.count !== undefined ? { '@odata.count': result.count } : {}),
    ...(result.nextLink ? { '@odata.nextLink': result.nextLink } : {}),
    value: result.value,
  };
}

/** `contextUrl` is the full `@odata.context`, e.g. `${ctx.versionUrl}/$metadata#users`. */
export function graphCollection<T>(result: CollectionResult<T>, contextUrl: string, init: GraphResponseInit = {}): Response {
  return graphJson(collectionBody(result, contextUrl), init);
}

/** Graph's error body for a MockGraphError; anything else is a 500 that reveals nothing of the mock's internals. */
export function graphErrorResponse(error: unknown, context: RequestContext = requestContext()): Response {
  const { status, body } = graphErrorBody(error, context);
  return graphJson(body, { status, context });
}

export function graphErrorBody(error: unknown, context: RequestContext): { status: number; body: unknown } {
  const known = error instanceof MockGraphError;
  const status = known ? error.status : 500;
  const body = {
    error: {
      code: known ? error.code : 'InternalServerError',
      message: known ? error.message : 'The mock Graph service hit an unexpected error.',
      ...(known && error.target ? { target: error.target } : {}),
      innerError: {
        'request-id': context.requestId,
        date: new Date().toISOString(),
        ...(context.clientRequestId ? { 'client-request-id': context.clientRequestId } : {}),
      },
    },
  };
  return { status, body };
}

/**
 * What a request nothing serves gets. Under the version root Graph's router answers 400 BadRequest "Resource not
 * found for the segment 'x'.", naming the first segment it cannot follow (`where.unknownSegment`, from the route
 * table; the last segment when no table is at hand); a path some route has, asked with a method none serves, is 405.
 * Ids of known collections are not path segments to the router: the engine answers 404 for them. Elsewhere (a
 * `/_mock` path that does not exist, a path outside the base URL) 404 `UnknownPath`.
 */
export function unknownPath(
  request: { method: string; url: string },
  where: { underVersionRoot: boolean; unknownSegment?: (path: string) => string | undefined; path?: string } = { underVersionRoot: true },
): MockGraphError {
  const { pathname } = new URL(request.url);
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  if (!where.underVersionRoot) return new MockGraphError(404, 'UnknownPath', `Resource not found for the segment '${last}' (${request.method} ${pathname}).`);
  const segment = where.unknownSegment && where.path !== undefined ? where.unknownSegment(where.path) : last;
  if (segment === undefined) {
    return new MockGraphError(405, 'MethodNotAllowed', `The HTTP method '${request.method}' is not supported on ${pathname}.`);
  }
  return new MockGraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}
