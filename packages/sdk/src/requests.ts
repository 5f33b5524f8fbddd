// Assignment requests: ask for access (for oneself or a report), cancel, resubmit, read one's history.
import { EM } from './context.ts';
import { listQuery, preferUnknownEnumMembers } from './odata.ts';
import type { EntitlementClient } from './api.ts';
import { userAddBody } from './request-body.ts';
import type { Context } from './context.ts';
import type { AssignmentRequest, RequestFilterOn } from './models.ts';

/** What a request list row shows: the package, the assignment (target, policy, schedule), who asked. */
export const REQUEST_DETAILS = ['accessPackage', 'assignment', 'requestor'];

/** The `on` values Graph documents (before unknownFutureValue). */
const DOCUMENTED_ON: readonly RequestFilterOn[] = ['target', 'createdBy', 'approver'];

type RequestVerbs = Pick<
  EntitlementClient,
  'requestAccess' | 'requestAccessFor' | 'resubmitRequest' | 'cancelRequest' | 'getRequest' | 'waitForRequest' | 'listMyRequests'
>;

export function requestVerbs(ctx: Context): RequestVerbs {
  const create = (body: AssignmentRequest, signal: AbortSignal | undefined) =>
    ctx.entity(ctx.raw.POST(`${EM}/assignmentRequests`, { body, signal }));

  const requestAccessFor: RequestVerbs['requestAccessFor'] = (targetUserId, input) =>
    create(userAddBody(input, targetUserId), input.abortSignal);

  const getRequest: RequestVerbs['getRequest'] = (requestId, options = {}) =>
    ctx.entity(
      ctx.raw.GET(`${EM}/assignmentRequests/{accessPackageAssignmentRequest-id}`, {
        params: { path: { 'accessPackageAssignmentRequest-id': requestId }, query: { $expand: options.expand ?? REQUEST_DETAILS } },
        signal: options.abortSignal,
      }),
    );

  return {
    requestAccess: (input) => create(userAddBody(input), input.abortSignal),

    requestAccessFor,

    // Only the history's Resubmit needs it: the code loads with the first resubmission.
    resubmitRequest: (previous, overrides = {}) =>
      import('./request-resubmit.ts').then((m) => {
        const { body, signal } = m.resubmission(previous, overrides);
        return create(body, signal);
      }),

    async cancelRequest(requestId, options = {}) {
      await ctx.raw.POST(`${EM}/assignmentRequests/{accessPackageAssignmentRequest-id}/cancel`, {
        params: { path: { 'accessPackageAssignmentRequest-id': requestId } },
        signal: options.abortSignal,
      });
    },

    getRequest,

    // Only a page that creates requests follows them: the code loads with the first wait.
    waitForRequest: (...args) => import('./request-wait.ts').then((m) => m.waitForRequest(getRequest, ...args)),

    listMyRequests(on = 'target', options = {}) {
      const headers = preferUnknownEnumMembers(on, DOCUMENTED_ON);
      return ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/assignmentRequests/filterByCurrentUser(on='{on}')`, {
            ...init,
            params: { path: { on }, query: listQuery(options, { $expand: REQUEST_DETAILS }) },
          }),
        { ...options, headers },
      );
    },
  };
}
