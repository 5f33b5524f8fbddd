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

export function extensionVerbs(ctx: Context): Pick<EntitlementClient, 'resumeRequest' | 'createTemporaryAccessPass' | 'getTemporaryAccessPass' | 'deleteTemporaryAccessPass'> {
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
