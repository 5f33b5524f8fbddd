// The context of a client made by createClient(), for the verbs of the separate entries (admin, assignment updates,
// suggestions, ...). Not in ./context.ts: a page that loads one of those entries on demand then loads this with it.
import { contexts, type Context } from './context.ts';

export function contextOf(client: object): Context {
  const ctx = contexts.get(client);
  if (!ctx) throw new TypeError('Expected a client made by createClient() of @entitlement-kit/sdk.');
  return ctx;
}
