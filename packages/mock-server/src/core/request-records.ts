// Small facts about requests and assignments that several rules share.
import { own } from './own-keys.ts';
import type { ApprovalStageSettings, RequestState } from '@entitlement-kit/sdk';
import { notFound } from './errors.ts';
import type { AssignmentRecord, PolicyRecord, RequestRecord, StageRecord } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

const OPEN_STATES: readonly RequestState[] = ['submitted', 'pendingApproval', 'scheduled', 'delivering'];

/** Graph lets a request be canceled while its status is one of these. */
export const CANCELLABLE_STATUSES = ['Accepted', 'PendingApproval', 'PendingApprovalEscalated', 'PendingNotBefore'];

export const isOpen = (req: RequestRecord): boolean => OPEN_STATES.includes(req.state as RequestState);

export const isRemoval = (req: RequestRecord): boolean =>
  req.requestType === 'userRemove' || req.requestType === 'adminRemove';

/** Assignments that still give (or are about to give) access. */
export const isActive = (asg: AssignmentRecord): boolean =>
  asg.state === 'delivered' || asg.state === 'partiallyDelivered' || asg.state === 'delivering';

export function requireRequest(tx: Tx, id: string): RequestRecord {
  const req = own(tx.state.requests, id);
  if (!req) throw notFound('accessPackageAssignmentRequest', id);
  return req;
}

export function requireAssignment(tx: Tx, id: string): AssignmentRecord {
  const asg = own(tx.state.assignments, id);
  if (!asg) throw notFound('accessPackageAssignment', id);
  return asg;
}

export const policyOf = (tx: Tx, req: { policyId: string }): PolicyRecord => tx.state.policies[req.policyId];

export function stageSettings(policy: PolicyRecord | undefined): ApprovalStageSettings[] {
  return policy?.data.requestApprovalSettings?.stages ?? [];
}

/** The approval stages a request must pass: none for admin requests, or when the policy needs none for adds (updates). */
export function requiredStages(tx: Tx, req: RequestRecord): ApprovalStageSettings[] {
  const approval = policyOf(tx, req)?.data.requestApprovalSettings;
  const required =
    req.requestType === 'userAdd' ? approval?.isApprovalRequiredForAdd : req.requestType === 'userUpdate' && approval?.isApprovalRequiredForUpdate;
  return required ? stageSettings(policyOf(tx, req)) : [];
}

export const currentStage = (req: RequestRecord): StageRecord | undefined =>
  req.state === 'pendingApproval' ? req.stages.find((s) => s.status === 'InProgress') : undefined;

/** Who may decide a stage now: its approvers, plus the escalation approvers once it has escalated. */
export const stageApprovers = (stage: StageRecord): string[] =>
  stage.escalated ? [...new Set([...stage.approverIds, ...stage.escalationApproverIds])] : stage.approverIds;

export function finish(tx: Tx, req: RequestRecord, state: RequestState, status: string): void {
  req.state = state;
  req.status = status;
  req.completedDateTime = nowIso(tx);
}
