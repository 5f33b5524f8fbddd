// EntitlementClient.resubmitRequest's body: a new userAdd from an earlier request (its package, policy, answers,
// justification, schedule and target), with overrides. Loaded on demand: only a history's Resubmit needs it.
import type { OnBehalfRequestInput } from './api.ts';
import type { AssignmentRequest } from './models.ts';
import { userAddBody } from './request-body.ts';

export function resubmission(previous: AssignmentRequest, overrides: Partial<OnBehalfRequestInput>): { body: AssignmentRequest; signal?: AbortSignal } {
  const { targetId, ...input } = { ...earlier(previous), ...definedOnly(overrides) };
  const { accessPackageId, assignmentPolicyId } = input;
  if (!accessPackageId || !assignmentPolicyId) {
    // Lists expand accessPackage and assignment; a bare request object does not carry them.
    throw new TypeError('resubmitRequest needs the earlier request with its accessPackage and assignment (see getRequest).');
  }
  return { body: userAddBody({ ...input, accessPackageId, assignmentPolicyId }, targetId), signal: input.abortSignal };
}

/** The earlier request's package, policy, answers, justification and schedule, and its target when not the requestor. */
function earlier(previous: AssignmentRequest): Partial<OnBehalfRequestInput> & { targetId?: string } {
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
