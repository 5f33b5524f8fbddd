// Who sees what: the filterByCurrentUser functions, an approver's pending and decided requests, and whether a
// caller may read one request or assignment.
import type { Requirements } from '@entitlement-kit/sdk';
import { wasApprover } from './approvals.ts';
import { isGovernanceAdmin, managerChain } from './directory.ts';
import { badRequest, notPermitted } from './errors.ts';
import { own, table } from './own-keys.ts';
import { packagePolicyIds } from './projections/packages.ts';
import { currentStage, stageApprovers } from './request-records.ts';
import { indexesOf, type IndexName, type Indexes } from './indexes.ts';
import { windowed, type ListWindow } from './list-window.ts';
import { requirementsOf } from './requirements.ts';
import { mayRequestUnder } from './rights.ts';
import type { AssignmentRecord, RequestRecord, State } from './state.ts';

/** filterByCurrentUser(on='allowedRequestor'): packages with a policy the caller can request under; hidden ones left out. */
export function requestablePackageIds(state: State, callerId: string): string[] {
  const ix = indexesOf(state);
  // Kept until the directory, a policy or a package changes: a caller paging through the list pays for it once.
  return ix ? ix.cached(`requestable ${callerId}`, () => requestableScan(state, callerId)) : requestableScan(state, callerId);
}

function requestableScan(state: State, callerId: string): string[] {
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
  const decided = (r: RequestRecord) => wasApprover(r, callerId) && !isPendingFor(r, callerId);
  const ix = indexesOf(state);
  if (!ix) return Object.values(state.requests).filter(decided);
  return ix.ids('requests', 'approver', callerId).map((id) => state.requests[id]).filter(decided);
}

/**
 * Which records a filter keeps: the test a scan applies, and the candidates the indexes give (in key order):
 * exactly the records kept, or a superset that `keep` then narrows when `exact` is false.
 */
interface Filter<T> {
  keep: (state: State, callerId: string, record: T) => boolean;
  candidates: (ix: Indexes, state: State, callerId: string) => string[];
  exact?: false;
  /** The one index key that holds exactly the records kept: a page is then read off it without the rest. */
  key?: (callerId: string) => [index: string, key: string];
}

const reportsOf = (ix: Indexes, managerId: string) => ix.ids('managers', 'manager', managerId);
const targetsOf = (ix: Indexes, table: 'requests' | 'assignments', userIds: string[]) =>
  ix.inKeyOrder(table, new Set(userIds.flatMap((id) => ix.ids(table, 'target', id))));

// Keyed by the client's `on=` value: a null-prototype table read with own(), so on='constructor' is just unsupported.
const REQUEST_FILTERS = table<Filter<RequestRecord>>({
  target: { keep: (_, me, r) => r.targetId === me, candidates: (ix, _, me) => ix.ids('requests', 'target', me), key: (me) => ['target', me] },
  createdBy: { keep: (_, me, r) => r.requestorId === me, candidates: (ix, _, me) => ix.ids('requests', 'requestor', me), key: (me) => ['requestor', me] },
  approver: {
    keep: (_, me, r) => isPendingFor(r, me),
    candidates: (ix, _, me) => ix.ids('requests', 'pendingApprover', me),
    key: (me) => ['pendingApprover', me],
  },
  targetOrRequestor: {
    keep: (_, me, r) => r.targetId === me || r.requestorId === me,
    candidates: (ix, _, me) => ix.inKeyOrder('requests', new Set([...ix.ids('requests', 'target', me), ...ix.ids('requests', 'requestor', me)])),
  },
  targetManager: { keep: (state, me, r) => isDirectReport(state, me, r.targetId), candidates: (ix, _, me) => targetsOf(ix, 'requests', reportsOf(ix, me)) },
  requestForOthers: {
    keep: (_, me, r) => r.requestorId === me && r.targetId !== me,
    candidates: (ix, _, me) => ix.ids('requests', 'requestor', me),
    exact: false,
  },
});

const ASSIGNMENT_FILTERS = table<Filter<AssignmentRecord>>({
  target: { keep: (_, me, a) => a.targetId === me, candidates: (ix, _, me) => ix.ids('assignments', 'target', me), key: (me) => ['target', me] },
  createdBy: { keep: (_, me, a) => a.requestorId === me, candidates: (ix, _, me) => ix.ids('assignments', 'requestor', me), key: (me) => ['requestor', me] },
  targetManager: { keep: (state, me, a) => isDirectReport(state, me, a.targetId), candidates: (ix, _, me) => targetsOf(ix, 'assignments', reportsOf(ix, me)) },
});

function select<T>(state: State, name: 'requests' | 'assignments', filter: Filter<T>, callerId: string, window?: ListWindow): T[] {
  const table = state[name] as unknown as Record<string, T>;
  const ix = indexesOf(state);
  const keep = (record: T) => filter.keep(state, callerId, record);
  if (!ix) return windowed(Object.values(table).filter(keep), window);
  if (window && filter.key) {
    const [index, key] = filter.key(callerId);
    const page = ix.page(name, index as IndexName<typeof name>, key, window.offset, window.limit);
    window.total = page.total;
    return page.ids.map((id) => table[id]);
  }
  const candidates = filter.candidates(ix, state, callerId).map((id) => table[id]);
  return windowed(filter.exact === false ? candidates.filter(keep) : candidates, window);
}

const invalidOption = (on: string, options: object) =>
  badRequest('InvalidFilterOption', `on='${on}' is not supported here; use ${Object.keys(options).join(', ')}.`, 'on');

/** With a window, only that page (and `window.total`). */
export function requestsFor(state: State, callerId: string, on: string, window?: ListWindow): RequestRecord[] {
  const filter = own(REQUEST_FILTERS, on);
  if (!filter) throw invalidOption(on, REQUEST_FILTERS);
  return select(state, 'requests', filter, callerId, window);
}

/** With a window, only that page (and `window.total`). */
export function assignmentsFor(state: State, callerId: string, on: string, window?: ListWindow): AssignmentRecord[] {
  const filter = own(ASSIGNMENT_FILTERS, on);
  if (!filter) throw invalidOption(on, ASSIGNMENT_FILTERS);
  return select(state, 'assignments', filter, callerId, window);
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
