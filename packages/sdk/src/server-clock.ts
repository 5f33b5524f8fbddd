// "Now" as Graph says it: the `Date` header of the last response, moved on by the time since it arrived. A page whose
// computer clock is wrong (or a mock whose clock is not the computer's) still agrees with the service on "today".
import type { Send } from './transport.ts';

/** Wraps the network fetch so every response's `Date` is noted; `now()` is the server's time (the computer's before any). */
export function createServerClock(send: Send): { send: Send; now: () => Date } {
  // Server time minus the computer's, at the last response with a readable Date (a cross-origin response shows it
  // only when the server exposes it).
  let offset = 0;
  return {
    send: async (request) => {
      const response = await send(request);
      const date = Date.parse(response.headers.get('date') as string);
      if (date) offset = date - Date.now();
      return response;
    },
    now: () => new Date(Date.now() + offset),
  };
}
