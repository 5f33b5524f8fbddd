// Who am I, my reports, someone's manager.
import { listQuery, quoted } from './odata.ts';
import type { EntitlementClient, ListOptions } from './api.ts';
import type { Context } from './context.ts';
import type { User } from './models.ts';
import type { CollectionBody } from './paging.ts';

export function userVerbs(ctx: Context): Pick<EntitlementClient, 'getMe' | 'listDirectReports' | 'getManager' | 'getUser'> {
  return {
    getMe: (options = {}) => ctx.entity(ctx.raw.GET('/me', { signal: options.abortSignal })),

    listDirectReports(options = {}) {
      const advanced = directoryQuery(options);
      return ctx.list(
        async (init) =>
          // Graph types directReports as directoryObjects; a person's reports are users (@odata.type #microsoft.graph.user).
          (await ctx.raw.GET('/me/directReports', { ...init, params: { query: advanced.query } })) as {
            data?: CollectionBody<User>;
          },
        { abortSignal: options.abortSignal, headers: advanced.header },
      );
    },

    getManager: (userId, options = {}) =>
      ctx.entity(ctx.raw.GET('/users/{user-id}/manager', { params: { path: { 'user-id': userId } }, signal: options.abortSignal })) as Promise<User>,

    getUser: (userId, options = {}) =>
      ctx.entity(ctx.raw.GET('/users/{user-id}', { params: { path: { 'user-id': userId } }, signal: options.abortSignal })),
  };
}

/**
 * What the team view shows and searches. Graph answers a user with its default properties only (user-get.md), and
 * department is not among them.
 */
const REPORT_FIELDS = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department'];

/**
 * Directory objects take `$search="displayName:..."`, and $search/$count there are advanced queries that Graph
 * serves only with `ConsistencyLevel: eventual`.
 */
function directoryQuery(options: ListOptions) {
  const query = { ...listQuery(options, { $select: REPORT_FIELDS }), $search: options.search === undefined ? undefined : quoted(`displayName:${options.search}`) };
  const advanced = options.search !== undefined || !!options.count;
  return { query, header: advanced ? { ConsistencyLevel: 'eventual' } : undefined };
}
