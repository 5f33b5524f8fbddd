// POST .../assignmentRequests: every check a new request must pass, then the request itself.
import { own } from './own-keys.ts';
import { assignmentsOfTarget, groupUsers, isGovernanceAdmin, requireUser } from './directory.ts';
import { indexesOf, openAddKey } from './indexes.ts';
import { badRequest, conflict, forbidden, missingProperty, notFound, notPermitted } from './errors.ts';
import { checkAddRight, checkRemoveRight } from './rights.ts';
import { checkAnswers, checkJustification, checkSchedule } from './requirements.ts';
import { isActive, isOpen, isRemoval, requireAssignment } from './request-records.ts';
import type { PackageRecord, RequestRecord } from './state.ts';
import { nowIso, type Tx } from './tx.ts';
import { update } from './updates.ts';

export interface RequestInput {
  requestType?: unknown;
  assignment?: { id?: unknown; targetId?: unknown; accessPackageId?: unknown; assignmentPolicyId?: unknown } | null;
  answers?: unknown;
  justification?: unknown;
  schedule?: unknown;
  parameters?: { bypassApproval?: unknown } | null;
}

export function createRequest(tx: Tx, callerId: string, body: RequestInput): RequestRecord {
  switch (body?.requestType) {
    case 'userAdd':
    case 'adminAdd':
      return add(tx, callerId, body, body.requestType);
    case 'userRemove':
    case 'adminRemove':
      return remove(tx, callerId, body, body.requestType);
    case 'userUpdate':
    case 'adminUpdate':
      return update(tx, callerId, body, body.requestType);
    case undefined:
    case null:
      throw missingProperty('requestType');
    default:
      throw badRequest(
        'UnsupportedRequestType',
        `requestType '${String(body.requestType)}' is not supported; use userAdd, userUpdate, userRemove, adminAdd, adminUpdate or adminRemove.`,
        'requestType',
      );
  }
}

/** The caller must be a person for user requests and an Identity Governance Administrator for admin ones. */
export function checkRequestor(tx: Tx, callerId: string, admin: boolean): void {
  if (admin ? !isGovernanceAdmin(tx.state, callerId) : !own(tx.state.users, callerId)) throw notPermitted();
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function add(tx: Tx, callerId: string, body: RequestInput, requestType: 'userAdd' | 'adminAdd'): RequestRecord {
  const admin = requestType === 'adminAdd';
  checkRequestor(tx, callerId, admin);
  const { state } = tx;
  const packageId = text(body.assignment?.accessPackageId);
  if (!packageId) throw missingProperty('assignment.accessPackageId');
  const pkg = own(state.packages, packageId);
  if (!pkg) throw notFound('accessPackage', packageId);
  const askedTarget = text(body.assignment?.targetId);
  if (admin && !askedTarget) throw missingProperty('assignment.targetId');
  const targetId = requireUser(state, askedTarget ?? callerId).id;
  const policyId = text(body.assignment?.assignmentPolicyId) ?? (admin ? undefined : onlyRequestablePolicy(tx, packageId, callerId, targetId));
  if (!policyId) throw missingProperty('assignment.assignmentPolicyId');
  const policy = own(state.policies, policyId);
  if (!policy) throw notFound('accessPackageAssignmentPolicy', policyId);
  if (policy.packageId !== packageId) {
    throw badRequest('PolicyNotForAccessPackage', 'The policy does not belong to this access package.', 'assignment.assignmentPolicyId');
  }

  if (!admin) checkAddRight(state, policy, callerId, targetId);
  checkNoOpenAdd(tx, targetId, packageId);
  checkCompatible(tx, targetId, pkg);
  const justification = admin ? (text(body.justification) ?? null) : checkJustification(policy, body.justification);
  const answers = admin ? [] : checkAnswers(policy, body.answers);
  const { schedule, custom } = checkSchedule(policy, body.schedule, tx.now, admin);

  return start(tx, {
    id: tx.newId(),
    requestType,
    justification,
    answers,
    schedule,
    customSchedule: custom,
    bypassApproval: body.parameters?.bypassApproval === true,
    requestorId: callerId,
    targetId,
    packageId,
    policyId,
    assignmentId: tx.newId(),
  });
}

/**
 * A userAdd may leave out the policy (Microsoft's example 3 and 4 send only accessPackageId): the one policy of the
 * package that lets the caller request for this target. None: the first policy's refusal says why. Several: the
 * caller must choose, and the error names the choices.
 */
function onlyRequestablePolicy(tx: Tx, packageId: string, callerId: string, targetId: string): string {
  const policies = Object.entries(tx.state.policies).filter(([, p]) => p.packageId === packageId);
  const refusals: unknown[] = [];
  const open = policies.filter(([, p]) => {
    try {
      checkAddRight(tx.state, p, callerId, targetId);
      return true;
    } catch (refusal) {
      refusals.push(refusal);
      return false;
    }
  });
  if (open.length === 1) return open[0][0];
  if (!open.length) throw refusals[0] ?? notPermitted();
  const choices = open.map(([id, p]) => `${id} (${p.data.displayName})`).join(', ');
  throw badRequest('AssignmentPolicyRequired', `More than one policy of this access package lets you request it; name one in assignment.assignmentPolicyId: ${choices}.`, 'assignment.assignmentPolicyId');
}

export function checkNoOpenAdd(tx: Tx, targetId: string, packageId: string): void {
  const same = (r: { targetId: string; packageId: string }) => r.targetId === targetId && r.packageId === packageId;
  const ix = indexesOf(tx.state);
  const open = ix
    ? ix.ids('requests', 'openAdd', openAddKey(targetId, packageId)).length > 0
    : Object.values(tx.state.requests).some((r) => same(r) && isOpen(r) && !isRemoval(r));
  if (open) {
    throw conflict('ExistingOpenRequest', 'There is already an open request for this user and access package.');
  }
  if (assignmentsOfTarget(tx.state, targetId).some((a) => same(a) && isActive(a))) {
    throw conflict('ExistingAssignment', 'The user already has this access package.');
  }
}

/** Separation of duties: incompatibility holds whichever of the two packages names the other. */
export function checkCompatible(tx: Tx, targetId: string, pkg: PackageRecord): void {
  const { state } = tx;
  const id = pkg.data.id as string;
  for (const held of assignmentsOfTarget(state, targetId)) {
    if (!isActive(held)) continue;
    const other = own(state.packages, held.packageId);
    if (pkg.incompatiblePackageIds.includes(held.packageId) || other?.incompatiblePackageIds.includes(id)) {
      throw forbidden(
        'IncompatibleAccessPackage',
        `The user has '${other?.data.displayName ?? held.packageId}', which is incompatible with this access package.`,
      );
    }
  }
  for (const groupId of pkg.incompatibleGroupIds) {
    if (groupUsers(state, groupId).includes(targetId)) {
      throw forbidden(
        'IncompatibleGroupMembership',
        `Members of '${own(state.groups, groupId)?.displayName ?? groupId}' cannot be assigned this access package.`,
      );
    }
  }
}

function remove(tx: Tx, callerId: string, body: RequestInput, requestType: 'userRemove' | 'adminRemove'): RequestRecord {
  const admin = requestType === 'adminRemove';
  checkRequestor(tx, callerId, admin);
  const assignmentId = text(body.assignment?.id);
  if (!assignmentId) throw missingProperty('assignment.id');
  const asg = requireAssignment(tx, assignmentId);
  if (!isActive(asg)) throw conflict('AssignmentNotActive', 'The assignment has already ended.');
  if (!admin) checkRemoveRight(tx.state, tx.state.policies[asg.policyId], callerId, asg.targetId);
  const ix = indexesOf(tx.state);
  const removing = ix
    ? ix.ids('requests', 'openRemoval', asg.id).length > 0
    : Object.values(tx.state.requests).some((r) => isRemoval(r) && isOpen(r) && r.assignmentId === asg.id);
  if (removing) {
    throw conflict('ExistingOpenRequest', 'A removal of this assignment is already in progress.');
  }
  return start(tx, {
    id: tx.newId(),
    requestType,
    justification: text(body.justification) ?? null,
    answers: [],
    schedule: null,
    customSchedule: false,
    bypassApproval: false,
    requestorId: callerId,
    targetId: asg.targetId,
    packageId: asg.packageId,
    policyId: asg.policyId,
    assignmentId: asg.id,
  });
}

/**
 * Files a new request: submitted, Accepted, as Graph answers it. It is processed afterwards, before the mock answers
 * the next call (due.ts: awaitsProcessing). The answer is the write's recording view of the record, not the object
 * just built: changes made to that object directly would be neither undone on failure nor seen by the indexes.
 */
export function start(tx: Tx, fields: Omit<RequestRecord, 'state' | 'status' | 'createdDateTime' | 'completedDateTime' | 'stages' | 'callouts'>): RequestRecord {
  // Every field named, in one order, rather than spread: V8 gives an object built by spreading another a hidden
  // class of its own once the spread site has seen a few, about 0.7 KB per request at scale (map, descriptors, and
  // the enum cache the snapshot writer's Object.entries adds); a literal shares one hidden class among all requests.
  // Required<>: a field added to RequestRecord later must be named here too, or it would be dropped.
  const built: Required<RequestRecord> = {
    id: fields.id,
    requestType: fields.requestType,
    justification: fields.justification,
    answers: fields.answers,
    schedule: fields.schedule,
    customSchedule: fields.customSchedule,
    bypassApproval: fields.bypassApproval,
    requestorId: fields.requestorId,
    targetId: fields.targetId,
    packageId: fields.packageId,
    policyId: fields.policyId,
    assignmentId: fields.assignmentId,
    state: 'submitted',
    status: 'Accepted',
    createdDateTime: nowIso(tx),
    completedDateTime: null,
    stages: [],
    callouts: [],
  };
  tx.state.requests[built.id] = built;
  return tx.state.requests[built.id];
}

/** DELETE .../assignmentRequests/{id}: admins remove finished requests whose assignment is gone. */
export function deleteRequest(tx: Tx, callerId: string, id: string): void {
  checkRequestor(tx, callerId, true);
  const req = own(tx.state.requests, id);
  if (!req) throw notFound('accessPackageAssignmentRequest', id);
  const asg = own(tx.state.assignments, req.assignmentId);
  if (isOpen(req) || (!isRemoval(req) && asg && isActive(asg))) {
    throw conflict('RequestStillInEffect', 'Only finished requests without an active assignment can be deleted.');
  }
  delete tx.state.requests[id];
}
