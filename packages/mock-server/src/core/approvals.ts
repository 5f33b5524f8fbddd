// Approval stages: who is asked, what a decision records, time-outs and escalation.
import { keptList } from './kept-list.ts';
import { notify, packageName, userName } from './notifications.ts';
import { requiredStages, stageApprovers } from './request-records.ts';
import type { RequestRecord, StageRecord } from './state.ts';
import { escalationDelay, timeoutMs } from './escalation.ts';
import { resolveApprovers, type AnySubjectSet } from './subject-sets.ts';
import { iso, laterOrLast } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

/**
 * The approvers of a set of subject sets, leaving out the person the access is for and the one who asked (nobody
 * approves a request for themself); the fallback sets when that leaves nobody.
 */
function approversOf(tx: Tx, req: RequestRecord, resolved: string[], fallback: unknown): string[] {
  const others = (ids: string[]) => ids.filter((id) => id !== req.targetId && id !== req.requestorId);
  const primary = others(resolved);
  return keptList(primary.length ? primary : others(resolveApprovers(tx.state, fallback as AnySubjectSet[], req.targetId)));
}

/**
 * Starts stage `index`. A manager asking for a report who is the stage's only approver approves it on the spot
 * when the request carries parameters.bypassApproval; otherwise they are skipped like any self-approver.
 */
export function startStage(tx: Tx, req: RequestRecord, index: number): StageRecord {
  const settings = requiredStages(tx, req)[index];
  const start = tx.now;
  const delay = escalationDelay(settings);
  const stage: StageRecord = {
    id: tx.newId(),
    index,
    startedDateTime: iso(start),
    deadline: iso(laterOrLast(start, timeoutMs(settings))),
    escalateAt: typeof delay === 'number' ? iso(laterOrLast(start, delay)) : null,
    escalated: false,
    approverIds: [],
    escalationApproverIds: [],
    status: 'InProgress',
    reviewResult: 'NotReviewed',
    reviewedById: null,
    reviewedDateTime: null,
    justification: null,
  };
  // A new list rather than a push: see kept-list.ts.
  req.stages = [...req.stages, stage];

  const resolved = resolveApprovers(tx.state, settings.primaryApprovers as AnySubjectSet[], req.targetId).filter(
    (id) => id !== req.targetId,
  );
  const onBehalf = req.requestorId !== req.targetId;
  if (onBehalf && req.bypassApproval && resolved.length === 1 && resolved[0] === req.requestorId) {
    stage.approverIds = [req.requestorId];
    recordDecision(tx, stage, req.requestorId, 'Approved', null);
    return stage;
  }

  stage.approverIds = approversOf(tx, req, resolved, settings.fallbackPrimaryApprovers);
  req.state = 'pendingApproval';
  req.status = 'PendingApproval';
  notify(
    tx,
    'approverAsked',
    stage.approverIds,
    `Action required: approve or deny ${userName(tx, req.targetId)}'s request ${req.requestType === 'userUpdate' ? 'to extend' : 'for'} ${packageName(tx, req.packageId)} by ${stage.deadline}`,
    { requestId: req.id },
  );
  return stage;
}

export function recordDecision(
  tx: Tx,
  stage: StageRecord,
  reviewerId: string,
  result: 'Approved' | 'Denied',
  justification: string | null,
): void {
  stage.status = 'Completed';
  stage.reviewResult = result;
  stage.reviewedById = reviewerId;
  stage.reviewedDateTime = nowIso(tx);
  stage.justification = justification;
}

/** Forwards an undecided stage to its escalation approvers (or their fallback). */
export function escalateStage(tx: Tx, req: RequestRecord, stage: StageRecord): void {
  const settings = requiredStages(tx, req)[stage.index];
  stage.escalated = true;
  const resolved = resolveApprovers(tx.state, settings.escalationApprovers as AnySubjectSet[], req.targetId);
  stage.escalationApproverIds = approversOf(tx, req, resolved, settings.fallbackEscalationApprovers);
  req.status = 'PendingApprovalEscalated';
  notify(
    tx,
    'escalated',
    stage.escalationApproverIds,
    `Escalated: ${userName(tx, req.targetId)}'s request for ${packageName(tx, req.packageId)} awaits your decision`,
    { requestId: req.id },
  );
}

/** Whether the user was asked to decide any stage of the request. */
export const wasApprover = (req: RequestRecord, userId: string): boolean =>
  req.stages.some((stage) => stageApprovers(stage).includes(userId));
