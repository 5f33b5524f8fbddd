// Automatic assignment policies (automaticRequestSettings.requestAccessForAllowedTargets): Graph keeps the policy's
// allowed targets (allowedTargetScope, specificAllowedTargets such as attributeRuleMembers rules) assigned. After a
// write that changed users, group memberships, guests' organizations or policies, every such policy is evaluated:
// a user in scope without the package gets an adminAdd request made by the system, and, when
// removeAccessWhenTargetLeavesAllowedTargets, an assignment of the policy whose target left the scope gets an
// adminRemove, at once or when its gracePeriodBeforeAccessRemoval has run out (a due event of the assignment:
// scopeRemovalAt) and the target is still out of scope. Both are ordinary requests, processed like any other
// (submitted, then delivered before the next call).
import type { Root } from './draft.ts';
import { indexesOf } from './indexes.ts';
import { MockGraphError } from './errors.ts';
import { isActive, isOpen, isRemoval } from './request-records.ts';
import { checkCompatible, checkNoOpenAdd, start } from './requests.ts';
import { checkSchedule } from './requirements.ts';
import { inTargetScope } from './rights.ts';
import type { AssignmentRecord, PolicyRecord, RequestRecord } from './state.ts';
import { durationMs, iso, laterOrLast } from './time.ts';
import type { Tx } from './tx.ts';

/** The requestor of requests the service makes itself (Graph names no user); projected with no name. */
export const SYSTEM_REQUESTOR = '00000000-0000-0000-0000-000000000000';

/** The parts of the state a policy's scope is read from. */
const SCOPE_INPUTS = new Set(['users', 'members', 'groups', 'guestOrganizations', 'policies']);

function systemRequest(tx: Tx, fields: Pick<RequestRecord, 'requestType' | 'targetId' | 'packageId' | 'policyId' | 'assignmentId' | 'schedule' | 'customSchedule'>): void {
  start(tx, { id: tx.newId(), justification: null, answers: [], bypassApproval: false, requestorId: SYSTEM_REQUESTOR, ...fields });
}

/** Whether the user may get the package now (no active assignment, no open request, nothing incompatible). */
function canAdd(tx: Tx, userId: string, policy: PolicyRecord): boolean {
  try {
    checkNoOpenAdd(tx, userId, policy.packageId);
    checkCompatible(tx, userId, tx.state.packages[policy.packageId]);
    return true;
  } catch (refusal) {
    if (refusal instanceof MockGraphError) return false;
    throw refusal;
  }
}

function beingRemoved(tx: Tx, asg: AssignmentRecord): boolean {
  const ix = indexesOf(tx.state);
  if (ix) return ix.ids('requests', 'openRemoval', asg.id).length > 0;
  return Object.values(tx.state.requests).some((r) => isRemoval(r) && isOpen(r) && r.assignmentId === asg.id);
}

function follow(tx: Tx, policyId: string, policy: PolicyRecord): void {
  const { state } = tx;
  const settings = policy.data.automaticRequestSettings;
  for (const userId of Object.keys(state.users)) {
    if (!inTargetScope(state, policy, userId) || !canAdd(tx, userId, policy)) continue;
    const { schedule, custom } = checkSchedule(policy, undefined, tx.now, true);
    systemRequest(tx, { requestType: 'adminAdd', targetId: userId, packageId: policy.packageId, policyId, assignmentId: tx.newId(), schedule, customSchedule: custom });
  }
  const grace = durationMs(settings?.gracePeriodBeforeAccessRemoval) ?? 0;
  for (const asg of Object.values(state.assignments)) {
    if (asg.policyId !== policyId || !isActive(asg)) continue;
    if (!settings?.removeAccessWhenTargetLeavesAllowedTargets || inTargetScope(state, policy, asg.targetId)) {
      if (asg.scopeRemovalAt) delete asg.scopeRemovalAt; // back in scope within the grace period: it stays
      continue;
    }
    if (asg.scopeRemovalAt || beingRemoved(tx, asg)) continue;
    if (grace > 0) asg.scopeRemovalAt = iso(laterOrLast(tx.now, grace));
    else requestRemoval(tx, asg);
  }
}

function requestRemoval(tx: Tx, asg: AssignmentRecord): void {
  systemRequest(tx, { requestType: 'adminRemove', targetId: asg.targetId, packageId: asg.packageId, policyId: asg.policyId, assignmentId: asg.id, schedule: null, customSchedule: false });
}

/** The grace period of a target who left the scope ran out: the access is removed if they are still out of it. */
export function graceOver(tx: Tx, asg: AssignmentRecord): void {
  delete asg.scopeRemovalAt;
  const policy = tx.state.policies[asg.policyId];
  const settings = policy?.data.automaticRequestSettings;
  if (!settings?.requestAccessForAllowedTargets || !settings.removeAccessWhenTargetLeavesAllowedTargets) return;
  if (inTargetScope(tx.state, policy, asg.targetId) || beingRemoved(tx, asg)) return;
  requestRemoval(tx, asg);
}

/** Runs after a write's rule, with the records it touched. */
export function followAutomaticPolicies(tx: Tx, touched: readonly Root[]): void {
  if (!touched.some(([key]) => SCOPE_INPUTS.has(key))) return;
  for (const [policyId, policy] of Object.entries(tx.state.policies)) {
    if (policy.data.automaticRequestSettings?.requestAccessForAllowedTargets) follow(tx, policyId, policy);
  }
}

