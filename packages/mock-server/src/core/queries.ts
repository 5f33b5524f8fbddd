// Who sees what: the filterByCurrentUser functions, an approver's pending and decided requests, and whether a
// caller may read one request or assignment.
import type { Requirements } from '@entitlement-kit/sdk';
import { wasApprover } from './approvals.ts';
import { isGovernanceAdmin, managerChain } from './directory.ts';
import { badRequest, notPermitted } from './errors.ts';
import { own, table } from './own-keys.ts';
import { packagePolicyIds } from './projections/packages.ts';
import { currentStage, stageApprovers } from './request-records.ts';
import { requirementsOf } from './requirements.ts';
import { mayRequestUnder } from './rights.ts';
import type { AssignmentRecord, RequestRecord, State } from './state.ts';

/** filterByCurrentUser(on='allowedRequestor'): packages with a policy the caller can request under; hidden ones left out. */
export function requestablePackageIds(state: State, callerId: string): string[] {
  // One pass over the policies rather than a scan of them per package: a tenant with thousands of packages answers
  // in milliseconds instead of seconds.
  const requestable = new Set<string>();
  for (const policy of Object.values(state.policies)) {
    if (!requestable.has(policy.packageId) && mayRequestUnder(state, policy, callerId)) requestable.add(policy.packageId);
  }
  return Object.keys(state.packages).filter((id) => !state.packages[id].data.isHidden && requestable.has(id));
}

/** One requirements object per policy of the package the caller can request under (for themself or a report). */
export function applicableRequirements(state: State, callerId: string, packageId: string): Requirements[] {
  return packagePolicyIds(state, packageId)
    .map((id) => state.policies[id])
    .filter((policy) => mayRequestUnder(state, policy, callerId))
    .map(requirementsOf);
}

const isDirectReport = (state: State, managerId: string, userId: string) => state.managers[userId] === managerId;

export function isPendingFor(req: RequestRecord, callerId: string): boolean {
  const stage = currentStage(req);
  return !!stage && stageApprovers(stage).includes(callerId);
}

/** Requests the caller was asked to decide and no longer has to: the approver's History tab. */
export function decidedRequests(state: State, callerId: string): RequestRecord[] {
  return Object.values(state.requests).filter((r) => wasApprover(r, callerId) && !isPendingFor(r, callerId));
}

// Keyed by the client's `on=` value: a null-prototype table read with own(), so on='constructor' is just unsupported.
const REQUEST_FILTERS = table<(state: State, callerId: string, req: RequestRecord) => boolean>({
  target: (_, me, r) => r.targetId === me,
  createdBy: (_, me, r) => r.requestorId === me,
  approver: (_, me, r) => isPendingFor(r, me),
  targetOrRequestor: (_, me, r) => r.targetId === me || r.requestorId === me,
  targetManager: (state, me, r) => isDirectReport(state, me, r.targetId),
  requestForOthers: (_, me, r) => r.requestorId === me && r.targetId !== me,
});

const ASSIGNMENT_FILTERS = table<(state: State, callerId: string, asg: AssignmentRecord) => boolean>({
  target: (_, me, a) => a.targetId === me,
  createdBy: (_, me, a) => a.requestorId === me,
  targetManager: (state, me, a) => isDirectReport(state, me, a.targetId),
});

const invalidOption = (on: string, options: object) =>
  badRequest('InvalidFilterOption', `on='${on}' is not supported here; use ${Object.keys(options).join(', ')}.`, 'on');

export function requestsFor(state: State, callerId: string, on: string): RequestRecord[] {
  const filter = own(REQUEST_FILTERS, on);
  if (!filter) throw invalidOption(on, REQUEST_FILTERS);
  return Object.values(state.requests).filter((r) => filter(state, callerId, r));
}

export function assignmentsFor(state: State, callerId: string, on: string): AssignmentRecord[] {
  const filter = own(ASSIGNMENT_FILTERS, on);
  if (!filter) throw invalidOption(on, ASSIGNMENT_FILTERS);
  return Object.values(state.assignments).filter((a) => filter(state, callerId, a));
}

/** Admins, the two people on the request, its approvers and the target's managers may read a request. */
export function checkCanSeeRequest(state: State, callerId: string, req: RequestRecord): void {
  const visible =
    isGovernanceAdmin(state, callerId) ||
    req.requestorId === callerId ||
    req.targetId === callerId ||
    wasApprover(req, callerId) ||
    managerChain(state, req.targetId).includes(callerId);
  if (!visible) throw notPermitted();
}

export function checkCanSeeAssignment(state: State, callerId: string, asg: AssignmentRecord): void {
  const visible =
    isGovernanceAdmin(state, callerId) ||
    asg.targetId === callerId ||
    asg.requestorId === callerId ||
    managerChain(state, asg.targetId).includes(callerId);
  if (!visible) throw notPermitted();
}

/** The approval of a request is for its approvers (and admins). */
export function checkCanSeeApproval(state: State, callerId: string, req: RequestRecord): void {
  if (!isGovernanceAdmin(state, callerId) && !wasApprover(req, callerId)) throw notPermitted();
}
