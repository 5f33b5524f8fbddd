// Custom extension callouts over real HTTP. Loopback only unless the operator allows more: a mock that accepts
// unsigned tokens must not become a way to make requests to arbitrary hosts.
import type { CalloutPort } from '../core/engine.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i;

export interface HttpCalloutOptions {
  /** Allow targetUrls on hosts other than loopback. */
  allowRemote?: boolean;
  /** Give up on an endpoint after this long; 10 s by default. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function httpCallout(options: HttpCalloutOptions = {}): CalloutPort {
  const send = options.fetch ?? fetch;
  return async (url, payload) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`Callout to ${url}: only http and https.`);
    if (!options.allowRemote && !LOOPBACK.test(target.hostname)) {
      throw new Error(`Callout to ${url} refused: only loopback targets unless --allow-remote-callouts is given.`);
    }
    const response = await send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    // Graph treats anything but a 2xx from the endpoint as a failed callout.
    if (!response.ok) throw new Error(`Callout to ${url} answered ${response.status}.`);
  };
}
