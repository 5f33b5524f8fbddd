// Reading and deleting a Temporary Access Pass once made (making one, createTemporaryAccessPass, is in the client: a
// custom extension's flow needs it). A separate entry, like ./admin.ts, over the transport of a client from
// createClient():
//   const passes = createTemporaryAccessPasses(graph); await passes.deleteTemporaryAccessPass('me', id);
// so that no page pays for verbs no widget uses.
import { contextOf } from './context-of.ts';
import type { EntitlementClient, TemporaryAccessPassVerbs } from './api.ts';

export type { TemporaryAccessPassVerbs } from './api.ts';

export function createTemporaryAccessPasses(client: EntitlementClient): TemporaryAccessPassVerbs {
  const ctx = contextOf(client);
  return {
    getTemporaryAccessPass: (userId, methodId, options = {}) =>
      ctx.entity(
        userId === 'me'
          ? ctx.raw.GET('/me/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}', {
              params: { path: { 'temporaryAccessPassAuthenticationMethod-id': methodId } },
              signal: options.abortSignal,
            })
          : ctx.raw.GET('/users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}', {
              params: { path: { 'user-id': userId, 'temporaryAccessPassAuthenticationMethod-id': methodId } },
              signal: options.abortSignal,
            }),
      ),

    async deleteTemporaryAccessPass(userId, methodId, options = {}) {
      if (userId === 'me') {
        await ctx.raw.DELETE('/me/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}', {
          params: { path: { 'temporaryAccessPassAuthenticationMethod-id': methodId } },
          signal: options.abortSignal,
        });
      } else {
        await ctx.raw.DELETE('/users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}', {
          params: { path: { 'user-id': userId, 'temporaryAccessPassAuthenticationMethod-id': methodId } },
          signal: options.abortSignal,
        });
      }
    },
  };
}
