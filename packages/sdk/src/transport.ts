// The one path every request takes: ky (token per attempt, timeout, retry of idempotent calls) over the batcher or
// the plain fetch, with every failure turned into a GraphError.
import ky, { isHTTPError, isTimeoutError } from 'ky';
import { createBatcher } from './batch.ts';
import { GraphError } from './errors.ts';
import type { ClientOptions } from './api.ts';

export type Send = (request: Request) => Promise<Response>;

/** A POST or PATCH is never sent twice: only these are retried. */
const IDEMPOTENT_METHODS = ['get', 'put', 'delete', 'head', 'options'];
/** Throttled, unavailable, gateway timeout: Graph's transient answers. */
const TRANSIENT_STATUSES = [429, 503, 504];
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** A successful body as JSON; GraphError `invalidResponseBody` (with the status) when it is not (a proxy's page). */
export function parseBody(response: Response, text: string, request: Request): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new GraphError({
      status: response.status,
      code: 'invalidResponseBody',
      message: `The ${String(response.status)} answer is not JSON.`,
      requestId: response.headers.get('request-id') ?? undefined,
      method: request.method,
      url: request.url,
      cause,
    });
  }
}

export function createTransport(options: ClientOptions & { baseUrl: string }): Send {
  // Late-bound, so a fetch patched after creation (MSW, test doubles) is the one used.
  const network: Send = options.fetch ?? ((request) => globalThis.fetch(request));
  const viaBatch = options.batching === false ? network : createBatcher({ baseUrl: options.baseUrl, fetch: network });
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS;
  // The token goes to the baseUrl's origin only: an @odata.nextLink or a continuationToken naming another host
  // (a compromised or buggy server, a tampered link) must not receive it. Microsoft's Graph SDKs keep tokens to
  // Graph hosts the same way.
  const trustedOrigin = new URL(options.baseUrl).origin;

  const http = ky.create({
    fetch: (input) => reportNetworkFailure(viaBatch, input as Request),
    timeout,
    throwHttpErrors: true,
    retry: {
      limit: options.retries ?? DEFAULT_RETRIES,
      methods: IDEMPOTENT_METHODS,
      statusCodes: TRANSIENT_STATUSES,
      afterStatusCodes: TRANSIENT_STATUSES,
      maxRetryAfter,
      // Only an HTTP answer can be transient here; a network failure or a token error is the caller's to handle.
      // A Retry-After (in seconds, as Graph sends it) longer than the cap fails the call now rather than holding it
      // and its caller for hours; ky's maxRetryAfter caps an HTTP-date Retry-After's wait.
      shouldRetry: ({ error }) => (isHTTPError(error) ? (Number(error.response.headers.get('retry-after')) * 1000 > maxRetryAfter ? false : undefined) : false),
    },
    hooks: {
      beforeRequest: [
        // Runs before every attempt, so a retry carries a fresh token.
        async (request) => {
          request.headers.set('authorization', `Bearer ${await options.getAccessToken()}`);
        },
      ],
    },
  });

  return async function send(request: Request): Promise<Response> {
    request.signal.throwIfAborted();
    const origin = new URL(request.url).origin;
    if (origin !== trustedOrigin) {
      throw new GraphError({
        status: 0,
        code: 'untrustedOrigin',
        message: `Not sending the token to ${origin}: not the client's origin.`,
        method: request.method,
        url: request.url,
      });
    }
    try {
      return await http(request);
    } catch (error) {
      if (isHTTPError(error)) throw await GraphError.fromResponse(error.response, request);
      if (isTimeoutError(error)) {
        throw new GraphError({
          status: 0,
          code: 'timeout',
          message: `No response within ${String(timeout)} ms.`,
          method: request.method,
          url: request.url,
        });
      }
      throw error;
    }
  };
}

async function reportNetworkFailure(fetch: Send, request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    // An abort (the caller's, or ky's on timeout) and our own errors pass as they are.
    if (request.signal.aborted || error instanceof GraphError) throw error;
    throw new GraphError({
      status: 0,
      code: 'networkError',
      message: `The request did not reach Graph: ${error instanceof Error ? error.message : String(error)}`,
      method: request.method,
      url: request.url,
      cause: error,
    });
  }
}
