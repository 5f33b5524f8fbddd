// Calls a custom-extension endpoint or a helpdesk flow makes: resume a paused request, issue a Temporary Access Pass.
import { EM } from './context.ts';
import type { EntitlementClient } from './api.ts';
import type { Context } from './context.ts';
import type { paths } from './generated/graph.ts';
import type { TemporaryAccessPass } from './models.ts';

// openapi-typescript turns the action's `additionalProperties: { type: object }` into an index signature that its own
// declared properties (source, type) contradict, so no value satisfies the generated type as is.
type ResumeBody = NonNullable<
  paths['/identityGovernance/entitlementManagement/assignmentRequests/{accessPackageAssignmentRequest-id}/resume']['post']['requestBody']
>['content']['application/json'];

export function extensionVerbs(ctx: Context): Pick<EntitlementClient, 'resumeRequest' | 'createTemporaryAccessPass'> {
  return {
    async resumeRequest(requestId, body, options = {}) {
      await ctx.raw.POST(`${EM}/assignmentRequests/{accessPackageAssignmentRequest-id}/resume`, {
        params: { path: { 'accessPackageAssignmentRequest-id': requestId } },
        body: body as unknown as ResumeBody,
        signal: options.abortSignal,
      });
    },

    createTemporaryAccessPass: (userId, body, options = {}) =>
      ctx.entity(
        ctx.raw.POST('/users/{user-id}/authentication/temporaryAccessPassMethods', {
          params: { path: { 'user-id': userId } },
          // The generator marks `@odata.type` required on this derived type; Graph needs it only for other types.
          body: body as TemporaryAccessPass,
          signal: options.abortSignal,
        }),
      ),
  };
}
