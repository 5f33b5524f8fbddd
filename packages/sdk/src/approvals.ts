// The approver's side: requests waiting for a decision, an approval's stages, and the decision itself.
import { EM } from './context.ts';
import { allOf, listQuery } from './odata.ts';
import { REQUEST_DETAILS } from './requests.ts';
import type { EntitlementClient } from './api.ts';
import type { Context } from './context.ts';

export function approvalVerbs(ctx: Context): Pick<EntitlementClient, 'listPendingApprovals' | 'getApproval' | 'decide'> {
  return {
    listPendingApprovals: (options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/assignmentRequests/filterByCurrentUser(on='{on}')`, {
            ...init,
            params: {
              path: { on: 'approver' },
              // on='approver' also returns requests the caller was approver of and that are decided since.
              query: listQuery({ ...options, filter: allOf("state eq 'pendingApproval'", options.filter) }, { $expand: REQUEST_DETAILS }),
            },
          }),
        options,
      ),

    getApproval: (requestId, options = {}) =>
      ctx.entity(
        ctx.raw.GET(`${EM}/accessPackageAssignmentApprovals/{approval-id}`, {
          params: { path: { 'approval-id': requestId }, query: { $expand: ['stages'] } },
          signal: options.abortSignal,
        }),
      ),

    async decide(requestId, stageId, input) {
      await ctx.raw.PATCH(`${EM}/accessPackageAssignmentApprovals/{approval-id}/stages/{approvalStage-id}`, {
        params: { path: { 'approval-id': requestId, 'approvalStage-id': stageId } },
        body: { reviewResult: input.reviewResult, ...(input.justification === undefined ? {} : { justification: input.justification }) },
        signal: input.abortSignal,
      });
    },
  };
}
