// The life of a request. `continueRequest` takes an open request as far as it can go (extension stages, approval
// stages, a scheduled start, delivery) and stops where it must wait; every event that unblocks a request
// (a decision, a resume, a due time) records what happened and calls it again.
import { own } from './own-keys.ts';
import type { CustomExtensionStage } from '@entitlement-kit/sdk';
import { recordDecision, startStage } from './approvals.ts';
import { deliver, endAssignment, startOf } from './delivery.ts';
import { isGovernanceAdmin, hasAppPermission } from './directory.ts';
import { badRequest, conflict, forbidden, notFound, notPermitted } from './errors.ts';
import { fireStage } from './extensions.ts';
import { indexesOf } from './indexes.ts';
import { notify, packageName } from './notifications.ts';
import { deliverUpdate } from './update-delivery.ts';
import { isUpdate } from './updates.ts';
import {
  CANCELLABLE_STATUSES,
  currentStage,
  finish,
  isActive,
  isOpen,
  isRemoval,
  requireRequest,
  requiredStages,
  stageApprovers,
} from './request-records.ts';
import type { CalloutRecord, NotificationKind, RequestRecord, StageRecord } from './state.ts';
import type { PendingCallout, Tx } from './tx.ts';

export function continueRequest(tx: Tx, req: RequestRecord): void {
  if (!isOpen(req)) return;
  if (isRemoval(req)) {
    continueRemoval(tx, req);
    return;
  }
  if (!passExtension(tx, req, 'assignmentRequestCreated')) return;
  if (!passApprovals(tx, req)) return;
  if (!passExtension(tx, req, 'assignmentRequestApproved')) return;
  if (!passDelivery(tx, req)) return;
  if (!passExtension(tx, req, 'assignmentRequestGranted')) return;
  const asg = tx.state.assignments[req.assignmentId];
  finish(tx, req, asg.state === 'partiallyDelivered' ? 'partiallyDelivered' : 'delivered', asg.status);
}

function continueRemoval(tx: Tx, req: RequestRecord): void {
  const asg = own(tx.state.assignments, req.assignmentId);
  if (asg && isActive(asg)) {
    endAssignment(tx, asg);
    req.state = 'delivering';
    req.status = 'Delivering';
    // A manager who removed a report's access hears about it too; an administrator does not.
    const told = req.requestType === 'userRemove' ? [asg.targetId, req.requestorId] : [asg.targetId];
    notify(tx, 'removed', told, `Your access to ${packageName(tx, asg.packageId)} was removed`, {
      requestId: req.id,
      assignmentId: asg.id,
    });
  }
  if (!passExtension(tx, req, 'assignmentRequestRemoved')) return;
  finish(tx, req, 'delivered', 'Delivered');
}

/** Runs the stage's extension once; false while a launch-and-wait callout awaits its resume. */
function passExtension(tx: Tx, req: RequestRecord, stage: CustomExtensionStage): boolean {
  const earlier = req.callouts.find((c) => c.stage === stage);
  if (earlier) return earlier.status !== 'waitingForCallback';
  const callout = fireStage(tx, stage, { request: req, assignment: own(tx.state.assignments, req.assignmentId) });
  if (callout?.status !== 'waitingForCallback') return true;
  req.status = 'WaitingForCallback';
  return false;
}

/** Starts the next stage until one waits for a decision; true once every stage approved. */
function passApprovals(tx: Tx, req: RequestRecord): boolean {
  const stages = requiredStages(tx, req);
  for (;;) {
    const last = req.stages.at(-1);
    if (last && (last.status === 'InProgress' || last.reviewResult !== 'Approved')) return false;
    const next = last ? last.index + 1 : 0;
    if (next >= stages.length) break;
    if (startStage(tx, req, next).status === 'InProgress') return false;
  }
  const ix = indexesOf(tx.state);
  const alreadyTold = ix
    ? ix.ids('outbox', 'approved', req.id).length > 0
    : tx.state.outbox.some((n) => n.kind === 'approved' && n.requestId === req.id);
  if (stages.length > 0 && !alreadyTold) {
    notify(tx, 'approved', [req.requestorId, req.targetId], `Request approved: ${packageName(tx, req.packageId)}`, {
      requestId: req.id,
    });
  }
  return true;
}

function passDelivery(tx: Tx, req: RequestRecord): boolean {
  if (isUpdate(req)) return req.state === 'delivering' || deliverUpdate(tx, req);
  if (own(tx.state.assignments, req.assignmentId)) return true;
  if (startOf(tx, req) > tx.now) {
    req.state = 'scheduled';
    req.status = 'PendingNotBefore';
    return false;
  }
  const asg = deliver(tx, req);
  if (asg.state === 'deliveryFailed') {
    finish(tx, req, 'deliveryFailed', 'DeliveryFailed');
    return false;
  }
  req.state = 'delivering';
  req.status = 'Delivering';
  return true;
}

function endWithout(tx: Tx, req: RequestRecord, status: string, kind: NotificationKind, subject: string): void {
  finish(tx, req, 'denied', status);
  notify(tx, kind, [req.requestorId, req.targetId], `${subject}: ${packageName(tx, req.packageId)}`, { requestId: req.id });
}

export interface DecisionInput {
  reviewResult?: unknown;
  justification?: unknown;
}

/** PATCH .../accessPackageAssignmentApprovals/{requestId}/stages/{stageId}: the first decision in a stage wins. */
export function decide(tx: Tx, callerId: string, requestId: string, stageId: string, body: DecisionInput): void {
  const req = requireRequest(tx, requestId);
  const stage = req.stages.find((s) => s.id === stageId);
  if (!stage) throw notFound('approvalStage', stageId);
  if (body.reviewResult !== 'Approve' && body.reviewResult !== 'Deny') {
    throw badRequest('InvalidReviewResult', "reviewResult must be 'Approve' or 'Deny'.", 'reviewResult');
  }
  if (callerId === req.targetId || callerId === req.requestorId) {
    throw forbidden('SelfApprovalNotAllowed', 'Nobody can approve a request for themself or one they made.');
  }
  if (!stageApprovers(stage).includes(callerId)) {
    throw forbidden('NotAnApprover', 'The caller is not an approver of this stage.');
  }
  // A stage also stops being in progress when the request is canceled or times out: either way, too late.
  if (stage.status !== 'InProgress') {
    throw conflict('ApprovalStageAlreadyDecided', 'A decision for this stage was already recorded.');
  }
  const justification = typeof body.justification === 'string' && body.justification.trim() ? body.justification : null;
  if (!justification && requiredStages(tx, req)[stage.index]?.isApproverJustificationRequired) {
    throw badRequest('ApproverJustificationRequired', 'This stage requires a justification for the decision.', 'justification');
  }
  recordDecision(tx, stage, callerId, body.reviewResult === 'Approve' ? 'Approved' : 'Denied', justification);
  if (body.reviewResult === 'Deny') endWithout(tx, req, 'Denied', 'denied', 'Request denied');
  else continueRequest(tx, req);
}

/** POST .../assignmentRequests/{id}/cancel, by whoever made the request or the person it is for. */
export function cancel(tx: Tx, callerId: string, requestId: string): void {
  const req = requireRequest(tx, requestId);
  if (callerId !== req.requestorId && callerId !== req.targetId && !isGovernanceAdmin(tx.state, callerId)) {
    throw notPermitted('Only the requestor or the target can cancel a request.');
  }
  if (!CANCELLABLE_STATUSES.includes(req.status)) {
    throw conflict('RequestNotCancelable', `A request with status '${req.status}' cannot be canceled.`);
  }
  const stage = currentStage(req);
  finish(tx, req, 'canceled', 'Canceled');
  if (stage) {
    stage.status = 'Completed';
    notify(tx, 'canceled', stageApprovers(stage), `Request canceled: ${packageName(tx, req.packageId)}`, { requestId: req.id });
  }
}

export function timeOutStage(tx: Tx, req: RequestRecord, stage: StageRecord): void {
  stage.status = 'Expired';
  endWithout(tx, req, 'TimedOut', 'timedOut', 'Request timed out');
}

/** A launch-and-wait callout that will never be answered: before approval ends the request, after it lets it finish. */
function stopWaiting(tx: Tx, req: RequestRecord, callout: CalloutRecord, status: 'TimedOut' | 'CalloutFailed'): void {
  if (!isOpen(req)) return;
  if (callout.stage === 'assignmentRequestCreated' || callout.stage === 'assignmentRequestApproved') {
    endWithout(tx, req, status, status === 'TimedOut' ? 'timedOut' : 'denied', 'Request could not be processed');
  } else {
    continueRequest(tx, req);
  }
}

export function timeOutCallout(tx: Tx, req: RequestRecord, callout: CalloutRecord): void {
  callout.status = 'callbackTimedOut';
  stopWaiting(tx, req, callout, 'TimedOut');
}

/** The callout port could not reach the endpoint. */
export function calloutFailed(tx: Tx, sent: PendingCallout): void {
  const owner = sent.requestId ? own(tx.state.requests, sent.requestId) : own(tx.state.assignments, sent.assignmentId ?? '');
  const callout = owner?.callouts.find((c) => c.id === sent.calloutId);
  if (!callout || (callout.status !== 'calloutSent' && callout.status !== 'waitingForCallback')) return;
  const wasWaiting = callout.status === 'waitingForCallback';
  callout.status = 'calloutFailed';
  if (wasWaiting && sent.requestId) stopWaiting(tx, owner as RequestRecord, callout, 'CalloutFailed');
}

export interface ResumeInput {
  source?: unknown;
  type?: unknown;
  data?: {
    stage?: unknown;
    customExtensionStageInstanceId?: unknown;
    customExtensionStageInstanceDetail?: unknown;
    state?: unknown;
  } | null;
}

const sameStage = (given: unknown, stage: string) =>
  typeof given === 'string' && given.replace(/^microsoft\.graph\.accessPackageCustomExtensionStage\./, '').toLowerCase() === stage.toLowerCase();

/** POST .../assignmentRequests/{id}/resume, from the app behind a launch-and-wait extension. */
export function resume(tx: Tx, callerId: string, requestId: string, body: ResumeInput): void {
  if (!isGovernanceAdmin(tx.state, callerId) && !hasAppPermission(tx.state, callerId, 'EntitlementManagement.ReadWrite.All')) {
    throw notPermitted();
  }
  const req = requireRequest(tx, requestId);
  const data = body?.data ?? {};
  const instanceId = data.customExtensionStageInstanceId;
  const callout =
    typeof instanceId === 'string'
      ? req.callouts.find((c) => c.id === instanceId)
      : req.callouts.find((c) => c.status === 'waitingForCallback');
  if (typeof instanceId === 'string' && !callout) throw notFound('customExtensionCalloutInstance', instanceId);
  if (!callout || callout.status !== 'waitingForCallback' || !isOpen(req)) {
    throw conflict('RequestNotWaitingForCallback', 'The request is not waiting for a custom extension callback.');
  }
  for (const given of [data.stage, body?.type]) {
    if (given !== undefined && given !== null && !sameStage(given, callout.stage)) {
      throw badRequest('CallbackStageMismatch', `The request waits at stage '${callout.stage}'.`, 'data.stage');
    }
  }
  const newState = typeof data.state === 'string' && data.state ? data.state.toLowerCase() : null;
  if (newState && newState !== 'denied' && newState !== 'canceled') {
    throw badRequest('InvalidCallbackState', "data.state may only be 'Denied' or 'Canceled'.", 'data.state');
  }
  if (newState && callout.stage !== 'assignmentRequestCreated') {
    throw badRequest('CallbackStateNotAllowed', 'Only the assignmentRequestCreated stage can deny or cancel a request.', 'data.state');
  }
  callout.status = 'callbackReceived';
  callout.detail = typeof data.customExtensionStageInstanceDetail === 'string' ? data.customExtensionStageInstanceDetail : null;
  if (newState === 'denied') endWithout(tx, req, 'Denied', 'denied', 'Request denied');
  else if (newState === 'canceled') finish(tx, req, 'canceled', 'Canceled');
  else continueRequest(tx, req);
}
