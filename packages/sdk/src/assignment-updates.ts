// Changing an assignment one has: extend it (a new end date) or update the answers given for it. Graph models both
// as an assignment request (requestType userUpdate; adminUpdate for administrators, in ./admin.ts) naming the
// assignment; the assignment keeps its id, and the change is delivered after approval when the policy requires
// approval for updates (isApprovalRequiredForUpdate). A separate entry, like ./admin.ts, over the transport of a
// client from createClient():
//   const updates = createAssignmentUpdates(graph); await updates.extendAssignment(id, { endDateTime });
// so that the size of a page without an extend form does not grow.
import { contextOf } from './context-of.ts';
import { EM } from './context.ts';
import type { AssignmentUpdateInput, AssignmentUpdateVerbs, EntitlementClient } from './api.ts';
import type { Context } from './context.ts';
import type { AssignmentRequest } from './models.ts';

export type { AssignmentUpdateInput, AssignmentUpdateVerbs } from './api.ts';

export function createAssignmentUpdates(client: EntitlementClient): AssignmentUpdateVerbs {
  return assignmentUpdateVerbs(contextOf(client));
}

/** What an extend form shows: the package, the policy (its expiration bounds the new end date), whose it is. */
const ASSIGNMENT_DETAILS = ['accessPackage', 'assignmentPolicy', 'target'];

function assignmentUpdateVerbs(ctx: Context): AssignmentUpdateVerbs {
  return {
    extendAssignment: (assignmentId, input = {}) =>
      ctx.entity(ctx.raw.POST(`${EM}/assignmentRequests`, { body: updateBody('userUpdate', assignmentId, input), signal: input.abortSignal })),

    getAssignment: (assignmentId, options = {}) =>
      ctx.entity(
        ctx.raw.GET(`${EM}/assignments/{accessPackageAssignment-id}`, {
          params: { path: { 'accessPackageAssignment-id': assignmentId }, query: { $expand: options.expand ?? ASSIGNMENT_DETAILS } },
          signal: options.abortSignal,
        }),
      ),
  };
}

/** The documented update body: the assignment by id, the new schedule (an end date is an afterDateTime expiration). */
export function updateBody(requestType: 'userUpdate' | 'adminUpdate', assignmentId: string, input: AssignmentUpdateInput): AssignmentRequest {
  const body: AssignmentRequest = { requestType, assignment: { id: assignmentId } };
  const end = input.endDateTime instanceof Date ? input.endDateTime.toISOString() : input.endDateTime;
  if (input.schedule !== undefined) body.schedule = input.schedule;
  else if (end !== undefined) body.schedule = { expiration: { type: 'afterDateTime', endDateTime: end } };
  if (input.answers !== undefined) body.answers = input.answers;
  if (input.justification !== undefined) body.justification = input.justification;
  return body;
}
