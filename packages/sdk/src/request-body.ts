// The body of a userAdd request, for a new request and for a resubmission (./request-resubmit.ts).
import type { AccessRequestInput } from './api.ts';
import type { AssignmentRequest } from './models.ts';

/** The documented userAdd body; `targetId` makes it a request on behalf of that user. */
export function userAddBody(input: AccessRequestInput & { bypassApproval?: boolean }, targetId?: string): AssignmentRequest {
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
