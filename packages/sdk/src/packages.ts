// Access packages a person may request, one package's details, and what a request for it needs.
import { EM } from './context.ts';
import { listQuery } from './odata.ts';
import type { EntitlementClient } from './api.ts';
import type { Context } from './context.ts';
import type { SuggestionFilterOn } from './models.ts';

/** The package's resources, as the request form shows them; the role's resource names them (a scope is often "Root"). */
const PACKAGE_DETAILS = ['resourceRoleScopes($expand=role($expand=resource),scope)'];

export function packageVerbs(ctx: Context): Pick<EntitlementClient, 'listRequestablePackages' | 'getPackage' | 'getRequirements' | 'listSuggestions'> {
  return {
    listRequestablePackages: (options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/accessPackages/filterByCurrentUser(on='{on}')`, {
            ...init,
            params: { path: { on: 'allowedRequestor' }, query: listQuery(options) },
          }),
        options,
      ),

    getPackage: (accessPackageId, options = {}) =>
      ctx.entity(
        ctx.raw.GET(`${EM}/accessPackages/{accessPackage-id}`, {
          params: { path: { 'accessPackage-id': accessPackageId }, query: { $expand: PACKAGE_DETAILS } },
          signal: options.abortSignal,
        }),
      ),

    listSuggestions: (on = ['relatedPeopleAssignments', 'assignmentHistory'], options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/accessPackageSuggestions/filterByCurrentUser(on='{on}')`, {
            ...init,
            // A flags enum: Graph takes its members comma-joined, where the generated type names one member.
            params: { path: { on: on.join(',') as SuggestionFilterOn }, query: listQuery(options, { $expand: ['accessPackage'] }) },
          }),
        options,
      ),

    async getRequirements(accessPackageId, options = {}) {
      const body = await ctx.entity(
        ctx.raw.POST(`${EM}/accessPackages/{accessPackage-id}/getApplicablePolicyRequirements`, {
          params: { path: { 'accessPackage-id': accessPackageId } },
          signal: options.abortSignal,
        }),
      );
      return body.value ?? [];
    },
  };
}
