// What every route goes through, whichever adapter serves it: injected faults and the caller from the bearer token
// (Graph routes), the JSON body, then the handler; whatever it throws becomes Graph's error body, and errors that
// are not Graph errors (bugs) are also reported.
import { MockGraphError } from '../core/errors.ts';
import { readBearerClaims, type BearerClaims } from '../identity/token.ts';
import type { FaultInjector } from './faults.ts';
import type { RequestContext } from './graph-response.ts';
import { withEntityContext } from './entity-context.ts';
import { readJsonBody } from './json-body.ts';
import { errorReply, fromResponse, type Reply } from './reply.ts';
import type { RouteMatch } from './route-table.ts';
import type { UnexpectedErrorReporter } from './unexpected.ts';

/** A request as the routes see it. */
export interface Incoming {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  /** The parsed JSON body (undefined when empty); a MockGraphError 400 when it is not JSON. Read once. */
  json(): Promise<unknown>;
}

export interface PipelineOptions {
  /** Claims -> user id; throws `unauthorized(...)` for a user the directory does not know. */
  resolveCaller: (claims: BearerClaims) => string | Promise<string>;
  faults?: FaultInjector;
  /** The version root the request came in under, for `@odata.context`. */
  versionUrl: (url: URL) => string;
  onUnexpectedError: UnexpectedErrorReporter;
  /** The service's time (ms), sent as every Graph response's `Date` header, as Graph sends its own; the computer's by default. */
  now?: () => number;
}

// HTTP dates have whole seconds: the text is made once per second, not once per answer.
let lastSecond = Number.NaN;
let lastText = '';

/** The `Date` header value of an answer given now. */
export function dateHeader(options: Pick<PipelineOptions, 'now'>): string {
  const ms = options.now?.() ?? Date.now();
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(ms).toUTCString();
    lastSecond = second;
  }
  return lastText;
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fetch Request (msw, a $batch item) as the routes see it. */
export const incomingOf = (request: Request): Incoming => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  json: () => readJsonBody(request),
});

export async function runRoute({ route, params }: RouteMatch, incoming: Incoming, context: RequestContext, options: PipelineOptions): Promise<Reply> {
  const { url } = incoming;
  try {
    const body = () => (BODY_METHODS.has(incoming.method.toUpperCase()) ? incoming.json() : undefined);
    if (route.scope === 'control') return await route.handle({ url, params, body: await body() });
    if (options.faults) {
      const { delayMs, response } = options.faults.next(context);
      if (delayMs) await sleep(delayMs);
      if (response) return await fromResponse(response);
    }
    const callerId = await options.resolveCaller(readBearerClaims(incoming));
    const versionUrl = options.versionUrl(url);
    const reply = await route.handle({ url, params, callerId, body: await body(), versionUrl });
    return withEntityContext(reply, route.template, params, url, versionUrl);
  } catch (error) {
    if (!(error instanceof MockGraphError)) options.onUnexpectedError(error, `${incoming.method} ${route.template}`);
    return errorReply(error, context);
  }
}
