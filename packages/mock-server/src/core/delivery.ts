// Giving and taking away access: an assignment's resources, its start and end, the emails about it.
import { assignmentsOfTarget } from './directory.ts';
import { own } from './own-keys.ts';
import { assignmentEmailsEnabled, notify, packageName } from './notifications.ts';
import { endOf } from './requirements.ts';
import { applyExternalUserLifecycle } from './governance-settings.ts';
import { isActive } from './request-records.ts';
import type { AssignmentRecord, RequestRecord } from './state.ts';
import { DAY, instantMs, iso } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

/**
 * Adds the target to the groups the package's roles grant. A role on a group that no longer exists cannot be
 * delivered: some failures make the assignment partiallyDelivered, all of them deliveryFailed.
 */
export function grantResources(tx: Tx, asg: AssignmentRecord): 'delivered' | 'partiallyDelivered' | 'deliveryFailed' {
  const { state } = tx;
  let failed = 0;
  const scopes = own(state.packages, asg.packageId)?.roleScopes ?? [];
  for (const { roleId } of scopes) {
    const role = own(state.resourceRoles, roleId);
    const resource = role && own(state.resources, role.resourceId)?.data;
    if (!role || !resource) {
      failed++;
      continue;
    }
    if (resource.originSystem !== 'AadGroup') continue;
    const groupId = resource.originId ?? '';
    if (!own(state.groups, groupId)) {
      failed++;
      continue;
    }
    if (!role.data.originId?.startsWith('Member')) continue;
    const members = (state.members[groupId] ??= []);
    if (!members.includes(asg.targetId)) members.push(asg.targetId);
    if (!asg.grantedGroupIds.includes(groupId)) asg.grantedGroupIds.push(groupId);
  }
  if (failed === 0) return 'delivered';
  return failed === scopes.length ? 'deliveryFailed' : 'partiallyDelivered';
}

export const STATUS = { delivered: 'Delivered', partiallyDelivered: 'PartiallyDelivered', deliveryFailed: 'DeliveryFailed' };

/** Creates the assignment a request asked for, starting now. */
export function deliver(tx: Tx, req: RequestRecord): AssignmentRecord {
  const start = tx.now;
  const end = endOf(req.schedule?.expiration, start);
  const built: AssignmentRecord = {
    id: req.assignmentId,
    targetId: req.targetId,
    packageId: req.packageId,
    policyId: req.policyId,
    requestId: req.id,
    requestorId: req.requestorId,
    state: 'delivering',
    status: 'Delivering',
    startDateTime: iso(start),
    endDateTime: end === null ? null : iso(end),
    expiredDateTime: null,
    // Reminders whose moment lies before the start never fire (an 8-hour assignment gets no 14-day reminder).
    notified: { fourteenDays: end !== null && end - 14 * DAY < start, oneDay: end !== null && end - DAY < start },
    grantedGroupIds: [],
    callouts: [],
  };
  tx.state.assignments[built.id] = built;
  // On through the recording view, so the indexes (its due times) and the undo log see every change.
  const asg = tx.state.assignments[built.id];
  const outcome = grantResources(tx, asg);
  asg.state = outcome;
  asg.status = STATUS[outcome];
  if (outcome !== 'deliveryFailed' && assignmentEmailsEnabled(tx, asg.policyId)) {
    notify(tx, 'delivered', [asg.targetId], `You now have access to ${packageName(tx, asg.packageId)}`, {
      assignmentId: asg.id,
      requestId: req.id,
    });
  }
  return asg;
}

/** Ends an assignment (expiry or removal) and takes back the group memberships no other assignment still gives. */
export function endAssignment(tx: Tx, asg: AssignmentRecord): void {
  asg.state = 'expired';
  asg.status = 'Expired';
  asg.expiredDateTime = nowIso(tx);
  for (const groupId of asg.grantedGroupIds) {
    const stillGranted = assignmentsOfTarget(tx.state, asg.targetId).some(
      (other) => other.id !== asg.id && isActive(other) && other.grantedGroupIds.includes(groupId),
    );
    if (!stillGranted) tx.state.members[groupId] = (own(tx.state.members, groupId) ?? []).filter((id) => id !== asg.targetId);
  }
  applyExternalUserLifecycle(tx, asg.targetId);
}

export function expireAssignment(tx: Tx, asg: AssignmentRecord): void {
  endAssignment(tx, asg);
  if (assignmentEmailsEnabled(tx, asg.policyId)) {
    notify(tx, 'expired', [asg.targetId], `Your access to ${packageName(tx, asg.packageId)} has expired`, {
      assignmentId: asg.id,
    });
  }
}

/** The start a request's schedule asks for, never earlier than now. */
export function startOf(tx: Tx, req: RequestRecord): number {
  return Math.max(tx.now, instantMs(req.schedule?.startDateTime) ?? tx.now);
}
