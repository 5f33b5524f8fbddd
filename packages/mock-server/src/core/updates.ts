// POST .../assignmentRequests with requestType userUpdate or adminUpdate: change an existing assignment (extend it,
// or update the answers to the policy's questions). The assignment keeps its id; what changes is delivered when the
// request completes (update-delivery.ts), after approval when the policy says isApprovalRequiredForUpdate.
import type { AnswerString } from '@entitlement-kit/sdk';
import { assignmentsOfTarget, requireUser } from './directory.ts';
import { conflict, forbidden, missingProperty, badRequest, MockGraphError } from './errors.ts';
import { indexesOf, openAddKey } from './indexes.ts';
import { own } from './own-keys.ts';
import { checkAnswers, checkJustification } from './requirements.ts';
import { isActive, isOpen, isRemoval, requireAssignment } from './request-records.ts';
import { checkRequestor, start, text, type RequestInput } from './requests.ts';
import { checkChangeRight, inTargetScope } from './rights.ts';
import type { AssignmentRecord, PolicyRecord, RequestRecord, State } from './state.ts';
import { checkUpdateSchedule } from './update-schedule.ts';
import type { Tx } from './tx.ts';

export const isUpdate = (req: { requestType: string }): boolean => req.requestType === 'userUpdate' || req.requestType === 'adminUpdate';

export function update(tx: Tx, callerId: string, body: RequestInput, requestType: 'userUpdate' | 'adminUpdate'): RequestRecord {
  const admin = requestType === 'adminUpdate';
  checkRequestor(tx, callerId, admin);
  const asg = findAssignment(tx, callerId, body, admin);
  const policy = tx.state.policies[asg.policyId];
  if (!policy) throw conflict('AssignmentPolicyGone', 'The policy of this assignment no longer exists; only a new assignment can change it.');
  if (!admin) checkUpdateRight(tx.state, policy, callerId, asg.targetId);
  checkNothingOpen(tx, asg);

  const justification = admin ? (text(body.justification) ?? null) : checkJustification(policy, body.justification);
  // Answers to questions the policy no longer asks are not carried over.
  const earlier = earlierAnswers(tx.state, asg).filter((a) => policy.questions.some((q) => q.id === a.answeredQuestion?.id));
  const given = body.answers === undefined || body.answers === null ? undefined : body.answers;
  // Questions the request does not mention keep their earlier answers; an administrator's update without answers
  // is not held to questions the policy gained since.
  const answers = admin && !given ? earlier : checkAnswers(policy, given ? withEarlier(given, earlier) : earlier);
  if (!admin) checkEditable(policy, earlier, answers);
  const schedule = checkUpdateSchedule(policy, body.schedule, tx.now);

  return start(tx, {
    id: tx.newId(),
    requestType,
    justification,
    answers,
    schedule,
    customSchedule: schedule !== null,
    bypassApproval: body.parameters?.bypassApproval === true,
    requestorId: callerId,
    targetId: asg.targetId,
    packageId: asg.packageId,
    policyId: asg.policyId,
    assignmentId: asg.id,
  });
}

/**
 * The assignment to change: by `assignment.id` (Microsoft's example 6), or, as the page describes userUpdate, by
 * the target (the caller unless named), the access package and optionally the policy.
 */
function findAssignment(tx: Tx, callerId: string, body: RequestInput, admin: boolean): AssignmentRecord {
  const given = body.assignment ?? {};
  const packageId = text(given.accessPackageId);
  const policyId = text(given.assignmentPolicyId);
  const id = text(given.id);
  let asg: AssignmentRecord;
  if (id) {
    asg = requireAssignment(tx, id);
  } else {
    if (!packageId) throw missingProperty('assignment.id');
    const targetId = requireUser(tx.state, text(given.targetId) ?? (admin ? '' : callerId)).id;
    const found = assignmentsOfTarget(tx.state, targetId).find((a) => a.packageId === packageId && isActive(a) && (!policyId || a.policyId === policyId));
    if (!found) throw new MockGraphError(404, 'ResourceNotFound', 'The target has no active assignment of this access package to update.');
    asg = found;
  }
  if (packageId && packageId !== asg.packageId) {
    throw badRequest('AccessPackageMismatch', 'The assignment is not of this access package.', 'assignment.accessPackageId');
  }
  if (policyId && policyId !== asg.policyId) {
    throw badRequest('PolicyNotForAssignment', 'The assignment was given under another policy; an update keeps its policy.', 'assignment.assignmentPolicyId');
  }
  if (!isActive(asg)) {
    throw conflict('AssignmentNotActive', `Only an active assignment can be updated; this one is ${asg.state}.`);
  }
  return asg;
}

/** Who may send a userUpdate: the target where the policy lets targets update, or an on-behalf requestor where it lets them. */
export function checkUpdateRight(state: State, policy: PolicyRecord, callerId: string, targetId: string): void {
  const s = policy.data.requestorSettings ?? {};
  checkChangeRight(state, policy, callerId, targetId, { self: s.enableTargetsToSelfUpdateAccess, onBehalf: s.enableOnBehalfRequestorsToUpdateAccess }, {
    self: ['SelfUpdateNotAllowed', 'This policy does not let users extend or update their own access.'],
    onBehalf: ['OnBehalfUpdateDisabled', 'This policy does not let managers extend or update access on behalf of users.'],
  });
  // Seed 003: "The user must still be in the scope of the policy at the time that they request an extension."
  if (!inTargetScope(state, policy, targetId)) {
    throw forbidden('TargetNotInPolicyScope', 'The target is no longer among the users this policy can assign.');
  }
}

/** Whether the target could extend the assignment themself now (what an expiry reminder prompts). */
export function mayExtend(tx: Tx, asg: AssignmentRecord): boolean {
  const policy = own(tx.state.policies, asg.policyId);
  try {
    if (!policy) return false;
    checkUpdateRight(tx.state, policy, asg.targetId, asg.targetId);
    return true;
  } catch {
    return false;
  }
}

/** One change at a time: no open update of the assignment (nor an open add for its target and package), no removal under way. */
function checkNothingOpen(tx: Tx, asg: AssignmentRecord): void {
  const ix = indexesOf(tx.state);
  const requests = Object.values(tx.state.requests);
  const updating = ix
    ? ix.ids('requests', 'openAdd', openAddKey(asg.targetId, asg.packageId)).length > 0
    : requests.some((r) => isOpen(r) && !isRemoval(r) && r.targetId === asg.targetId && r.packageId === asg.packageId);
  if (updating) throw conflict('ExistingOpenRequest', 'A request to update this assignment is already in progress.');
  const removing = ix
    ? ix.ids('requests', 'openRemoval', asg.id).length > 0
    : requests.some((r) => isRemoval(r) && isOpen(r) && r.assignmentId === asg.id);
  if (removing) throw conflict('ExistingOpenRequest', 'A removal of this assignment is already in progress.');
}

/** The answers the assignment was last given with: those of its latest delivered add or update request. */
export function earlierAnswers(state: State, asg: AssignmentRecord): AnswerString[] {
  const ix = indexesOf(state);
  const candidates = ix ? ix.ids('requests', 'target', asg.targetId).map((id) => state.requests[id]) : Object.values(state.requests);
  let latest: RequestRecord | undefined;
  for (const r of candidates) {
    if (r.assignmentId !== asg.id || isRemoval(r) || (r.state !== 'delivered' && r.state !== 'partiallyDelivered')) continue;
    if (!latest || (r.completedDateTime ?? '') >= (latest.completedDateTime ?? '')) latest = r;
  }
  return latest ? latest.answers : [];
}

function withEarlier(given: unknown, earlier: AnswerString[]): unknown {
  if (!Array.isArray(given)) return given;
  const mentioned = new Set(given.map((a) => a?.answeredQuestion?.id));
  return [...given, ...earlier.filter((a) => !mentioned.has(a.answeredQuestion?.id))];
}

/** A requestor may change an earlier answer only to a question whose isAnswerEditable is true. */
function checkEditable(policy: PolicyRecord, earlier: AnswerString[], answers: AnswerString[]): void {
  const values = (list: AnswerString[], id: string) =>
    list.filter((a) => a.answeredQuestion?.id === id).map((a) => a.value).sort().join('\n');
  for (const question of policy.questions) {
    const id = question.id as string;
    if (question.isAnswerEditable || !earlier.some((a) => a.answeredQuestion?.id === id)) continue;
    if (values(earlier, id) !== values(answers, id)) {
      throw badRequest('AnswerNotEditable', `The answer to '${question.text}' cannot be changed.`, id);
    }
  }
}
