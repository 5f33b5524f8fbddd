// Assignment requests: ask for access (for oneself or a report), cancel, resubmit, read one's history.
import { EM } from './context.ts';
import { listQuery, preferUnknownEnumMembers } from './odata.ts';
import type { AccessRequestInput, EntitlementClient, OnBehalfRequestInput } from './api.ts';
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

    async resubmitRequest(previous, overrides = {}) {
      const { targetId, ...input } = { ...resubmission(previous), ...definedOnly(overrides) };
      const { accessPackageId, assignmentPolicyId } = input;
      if (!accessPackageId || !assignmentPolicyId) {
        // Lists expand accessPackage and assignment; a bare request object does not carry them.
        throw new TypeError('resubmitRequest needs the earlier request with its accessPackage and assignment (see getRequest).');
      }
      return create(userAddBody({ ...input, accessPackageId, assignmentPolicyId }, targetId), input.abortSignal);
    },

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

/** The documented userAdd body; `targetId` makes it a request on behalf of that user. */
function userAddBody(input: AccessRequestInput & { bypassApproval?: boolean }, targetId?: string): AssignmentRequest {
  const body: AssignmentRequest = {
    requestType: 'userAdd',
    assignment: {
      accessPackageId: input.accessPackageId,
      assignmentPolicyId: input.assignmentPolicyId,
      ...(targetId === undefined ? {} : { targetId }),
    },
  };
  if (input.answers !== undefined) body.answers = input.answers;
  if (input.justification !== undefined) body.justification = input.justification;
  if (input.schedule !== undefined) body.schedule = input.schedule;
  if (input.bypassApproval !== undefined) body.parameters = { bypassApproval: input.bypassApproval };
  return body;
}

/** The earlier request's package, policy, answers, justification and schedule, and its target when not the requestor. */
function resubmission(previous: AssignmentRequest): Partial<OnBehalfRequestInput> & { targetId?: string } {
  const assignment = previous.assignment ?? {};
  const target = assignment.targetId ?? assignment.target?.objectId ?? undefined;
  const requestor = previous.requestor?.objectId ?? undefined;
  return definedOnly({
    accessPackageId: previous.accessPackage?.id ?? assignment.accessPackageId ?? assignment.accessPackage?.id ?? undefined,
    assignmentPolicyId: assignment.assignmentPolicyId ?? assignment.assignmentPolicy?.id ?? undefined,
    targetId: target !== undefined && target !== requestor ? target : undefined,
    answers: previous.answers,
    justification: previous.justification ?? undefined,
    schedule: previous.schedule ?? undefined,
  });
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
