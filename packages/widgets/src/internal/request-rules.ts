// What Graph lets the caller do with a request, and what a policy asks of requestors and approvers.
import { othersMayAct, settingsOf } from './graph.ts';
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
