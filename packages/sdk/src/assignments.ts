// Assignments: one's own access, one's team's, and removing one.
import { EM } from './context.ts';
import { listQuery, preferUnknownEnumMembers } from './odata.ts';
import type { EntitlementClient } from './api.ts';
import type { Context } from './context.ts';
import type { AssignmentFilterOn } from './models.ts';

/** What an access row shows: the package, whose it is, and the policy (expiry, whether on-behalf removal is allowed). */
const ASSIGNMENT_DETAILS = ['accessPackage', 'assignmentPolicy', 'target'];

/** The `on` values Graph documents (before unknownFutureValue). */
const DOCUMENTED_ON: readonly AssignmentFilterOn[] = ['target', 'createdBy'];

type AssignmentVerbs = Pick<EntitlementClient, 'listMyAssignments' | 'listTeamAssignments' | 'listAssignments' | 'removeAssignment'>;

export function assignmentVerbs(ctx: Context): AssignmentVerbs {
  const listAssignments: AssignmentVerbs['listAssignments'] = (on, options = {}) =>
    ctx.list(
      (init) =>
        ctx.raw.GET(`${EM}/assignments/filterByCurrentUser(on='{on}')`, {
          ...init,
          params: { path: { on }, query: listQuery(options, { $expand: ASSIGNMENT_DETAILS }) },
        }),
      { ...options, headers: preferUnknownEnumMembers(on, DOCUMENTED_ON) },
    );

  return {
    listAssignments,
    listMyAssignments: (options) => listAssignments('target', options),
    listTeamAssignments: (options) => listAssignments('targetManager', options),
    removeAssignment: (assignmentId, options = {}) =>
      ctx.entity(
        ctx.raw.POST(`${EM}/assignmentRequests`, {
          body: {
            requestType: 'userRemove',
            assignment: { id: assignmentId },
            ...(options.justification === undefined ? {} : { justification: options.justification }),
          },
          signal: options.abortSignal,
        }),
      ),
  };
}
