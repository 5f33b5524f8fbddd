// "Now" as Graph says it: the `Date` header of the last response, moved on by the time since it arrived. A page whose
// computer clock is wrong (or a mock whose clock is not the computer's) still agrees with the service on "today".
import type { Send } from './transport.ts';

export interface ServerClock {
  /** Wraps the network fetch so every response's `Date` is noted. */
  observe(send: Send): Send;
  /** The server's time now; the computer's until a response with a `Date` header has arrived. */
  now(): Date;
}

export function createServerClock(): ServerClock {
  // Server time minus the computer's, at the last response that carried a readable Date.
  let offset = 0;
  return {
    observe: (send) => async (request) => {
      const response = await send(request);
      // A cross-origin response shows Date only when the server exposes it (Access-Control-Expose-Headers).
      const date = Date.parse(response.headers.get('date') ?? '');
      if (!Number.isNaN(date)) offset = date - Date.now();
      return response;
    },
    now: () => new Date(Date.now() + offset),
  };
}
