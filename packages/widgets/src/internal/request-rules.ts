// What Graph lets the caller do with a request, and what a policy asks of requestors and approvers.
import { othersMayAct, settingsOf } from './graph.ts';
import type { SubjectSet } from './sdk.ts';
import type { AssignmentPolicy, AssignmentRequest } from './sdk.ts';

/** Graph lets a requestor cancel while the request still waits (submitted, pending approval). */
export function canCancel(request: AssignmentRequest): boolean {
  return request.state === 'submitted' || request.state === 'pendingApproval';
}

/**
 * Denied (which includes timed-out approvals, as Graph has no expired request state) and canceled requests can be
 * asked for again with the same answers.
 */
export function canResubmit(request: AssignmentRequest): boolean {
  const expired = request.status?.toLowerCase().includes('expired') === true;
  return request.requestType !== 'userRemove' && (request.state === 'denied' || request.state === 'canceled' || expired);
}

export function allowsOnBehalfAdd(policy: AssignmentPolicy): boolean {
  const settings = settingsOf(policy);
  return settings?.enableOnBehalfRequestorsToAddAccess === true && othersMayAct(settings);
}

export function allowsSelfAdd(policy: AssignmentPolicy): boolean {
  return settingsOf(policy)?.enableTargetsToSelfAddAccess === true;
}

/** Whether the approver of stage `index` (0-based) must justify their decision. */
export function approverJustificationRequired(policy: AssignmentPolicy | undefined, index: number): boolean {
  return policy?.requestApprovalSettings?.stages?.[index]?.isApproverJustificationRequired === true;
}

export function stageTimeout(policy: AssignmentPolicy | undefined, index: number): string | undefined {
  return policy?.requestApprovalSettings?.stages?.[index]?.durationBeforeAutomaticDenial ?? undefined;
}

/**
 * Whether a manager asking for one of their direct reports is the only approver of one of the policy's stages:
 * every approver set of that stage is the target's (first-level) manager. Graph then skips the stage when the request
 * carries `parameters.bypassApproval`.
 */
export function approvedByCaller(policy: AssignmentPolicy): boolean {
  const approval = policy.requestApprovalSettings;
  const stages = approval?.isApprovalRequiredForAdd === false ? [] : (approval?.stages ?? []);
  return stages.some((stage) => {
    const sets = (stage.primaryApprovers ?? []) as (SubjectSet & { managerLevel?: number | null })[];
    return sets.length > 0 && sets.every((set) => set['@odata.type']?.endsWith('requestorManager') && (set.managerLevel ?? 1) === 1);
  });
}
