// The one path every request takes: plain fetch with a token per attempt, a timeout per attempt and retry of
// idempotent calls after Graph's transient answers (what ky did here, in the few lines this client needs), over the
// batcher or the plain fetch, with every failure turned into a GraphError.
import { createBatcher } from './batch.ts';
import { GraphError } from './errors.ts';
import type { ClientOptions } from './api.ts';

export type Send = (request: Request) => Promise<Response>;

/** A POST or PATCH is never sent twice: only these are retried. */
const IDEMPOTENT_METHODS = ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'];
/** Throttled, unavailable, gateway timeout: Graph's transient answers. */
const TRANSIENT_STATUSES = [429, 503, 504];
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
/** Headers that say when to try again, in the order they are read. */
const RETRY_AFTER_HEADERS = ['Retry-After', 'RateLimit-Reset', 'X-RateLimit-Retry-After', 'X-RateLimit-Reset', 'X-Rate-Limit-Reset'];

export function createTransport(options: ClientOptions & { baseUrl: string }): Send {
  // Late-bound, so a fetch patched after creation (MSW, test doubles) is the one used.
  const network: Send = options.fetch ?? ((request) => globalThis.fetch(request));
  const viaBatch = options.batching === false ? network : createBatcher({ baseUrl: options.baseUrl, fetch: network });
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const limit = options.retries ?? DEFAULT_RETRIES;

  return async function send(request: Request): Promise<Response> {
    const { signal } = request;
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      // A fresh copy per attempt (a body is read once), carrying a fresh token and the timeout's signal. A token error
      // is the caller's to handle: it passes as it is.
      const headers = new Headers(request.headers);
      headers.set('authorization', `Bearer ${await options.getAccessToken()}`);
      const timer = new AbortController();
      const sent = new Request(request.clone(), { headers, signal: AbortSignal.any([signal, timer.signal]) });
      const timeoutId = timeout === false ? undefined : setTimeout(() => timer.abort(), timeout);
      let response: Response;
      try {
        response = await reportNetworkFailure(viaBatch, sent);
      } catch (error) {
        if (!timer.signal.aborted || signal.aborted) throw error;
        throw new GraphError({ status: 0, code: 'timeout', message: `No response within ${String(timeout)} ms.`, method: request.method, url: request.url });
      } finally {
        clearTimeout(timeoutId);
      }
      if (response.ok) return response;
      if (attempt > limit || !IDEMPOTENT_METHODS.includes(request.method.toUpperCase()) || !TRANSIENT_STATUSES.includes(response.status)) {
        throw await GraphError.fromResponse(response, request);
      }
      void response.body?.cancel().catch(() => undefined);
      await wait(retryDelay(response, attempt), signal);
    }
  };
}

/** What the answer asks for (seconds, an HTTP date or a timestamp), else 0.3 s doubling with every attempt. */
function retryDelay(response: Response, attempt: number): number {
  const header = RETRY_AFTER_HEADERS.map((name) => response.headers.get(name)).find((value) => value != null);
  if (!header) return 0.3 * 2 ** (attempt - 1) * 1000;
  const after = Number(header) * 1000;
  if (Number.isNaN(after)) return Date.parse(header) - Date.now();
  // A large number is a timestamp.
  return after >= Date.parse('2024-01-01') ? after - Date.now() : after;
}

/** Waits `ms` (at most setTimeout's limit); the caller's abort ends the wait with its reason. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(id);
      reject(signal.reason as Error);
    };
    const id = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, Math.min(ms, 2_147_483_647));
    signal.addEventListener('abort', abort, { once: true });
  });
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
