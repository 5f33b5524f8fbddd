// Graph answers a new request `submitted` (status `Accepted`) and processes it afterwards: approval, delivery or a
// removal follow within seconds. waitForRequest reads the request again, backing off, until it has moved on.
import type { EntitlementClient, WaitForRequestOptions } from './api.ts';
import type { AssignmentRequest } from './models.ts';

/** Still being processed: Graph has accepted it and not yet routed it to approval or delivery. */
export const isProcessing = (request: AssignmentRequest): boolean => request.state === 'submitted';

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** EntitlementClient.waitForRequest over `getRequest`; loaded on demand (a page pays for it after its first create). */
export async function waitForRequest(
  getRequest: EntitlementClient['getRequest'],
  request: string | AssignmentRequest,
  options: WaitForRequestOptions = {},
): Promise<AssignmentRequest> {
  const { abortSignal, expand, until = (r: AssignmentRequest) => !isProcessing(r) } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 4_000;
  const id = typeof request === 'string' ? request : request.id;
  if (!id) throw new TypeError('waitForRequest needs a request id.');
  let latest = typeof request === 'string' ? undefined : request;
  if (latest && until(latest)) return latest;
  const started = Date.now();
  for (let delay = options.firstDelayMs ?? 250; ; delay = Math.min(delay * 2, maxDelayMs)) {
    const left = timeoutMs - (Date.now() - started);
    // Bounded: past the time allowed, the caller gets the request as last read (still processing).
    if (left <= 0 && latest) return latest;
    await pause(Math.max(0, Math.min(delay, left)), abortSignal);
    latest = await getRequest(id, { abortSignal, ...(expand && { expand }) });
    if (until(latest)) return latest;
  }
}
