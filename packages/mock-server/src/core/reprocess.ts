// POST .../assignmentRequests/{id}/reprocess and .../assignments/{id}/reprocess: an administrator (or an app with
// EntitlementManagement.ReadWrite.All) retries a delivery that failed in whole or in part, say after fixing the
// package's resources. A request can be retried within 14 days of its completion (accesspackageassignmentrequest-
// reprocess.md); an assignment is re-enforced (its group memberships granted again) whether it was delivered
// (accesspackageassignment-reprocess.md) or its delivery failed in whole or in part.
import { grantResources, STATUS } from './delivery.ts';
import { hasAppPermission, isGovernanceAdmin } from './directory.ts';
import { conflict, notPermitted } from './errors.ts';
import { assignmentEmailsEnabled, notify, packageName } from './notifications.ts';
import { own } from './own-keys.ts';
import { requireAssignment, requireRequest } from './request-records.ts';
import type { AssignmentRecord, RequestRecord } from './state.ts';
import { DAY, instantMs } from './time.ts';
import type { Tx } from './tx.ts';
import { deliverUpdate } from './update-delivery.ts';
import { isUpdate } from './updates.ts';
import { continueRequest } from './workflow.ts';

const REPROCESS_WINDOW = 14 * DAY;
const FAILED = ['deliveryFailed', 'partiallyDelivered'];

function requireMaintainer(tx: Tx, callerId: string): void {
  if (!isGovernanceAdmin(tx.state, callerId) && !hasAppPermission(tx.state, callerId, 'EntitlementManagement.ReadWrite.All')) {
    throw notPermitted('Only an access package assignment manager or an administrator can reprocess.');
  }
}

/** Grants the package's resources again; the assignment's state follows. Tells the target when it now has access. */
function redeliver(tx: Tx, asg: AssignmentRecord): void {
  const before = asg.state;
  const outcome = grantResources(tx, asg);
  asg.state = outcome;
  asg.status = STATUS[outcome];
  if (before === 'deliveryFailed' && outcome !== 'deliveryFailed' && assignmentEmailsEnabled(tx, asg.policyId)) {
    notify(tx, 'delivered', [asg.targetId], `You now have access to ${packageName(tx, asg.packageId)}`, { assignmentId: asg.id, requestId: asg.requestId });
  }
}

export function reprocessRequest(tx: Tx, callerId: string, id: string): void {
  requireMaintainer(tx, callerId);
  const req = requireRequest(tx, id);
  if (!FAILED.includes(req.state as string)) {
    throw conflict('RequestNotReprocessable', `Only a request in deliveryFailed or partiallyDelivered can be reprocessed; this one is ${req.state}.`);
  }
  const completed = instantMs(req.completedDateTime) ?? tx.now;
  if (tx.now > completed + REPROCESS_WINDOW) {
    throw conflict('ReprocessWindowPassed', `A request can be reprocessed within 14 days of its completion (${req.completedDateTime}); make a new request instead.`);
  }
  if (isUpdate(req)) {
    // An update fails only when its assignment has ended: retrying cannot help until that changes.
    if (!deliverUpdate(tx, req)) throw conflict('AssignmentNotActive', 'The assignment this update was for has ended.');
  } else {
    const asg = requireAssignment(tx, req.assignmentId);
    redeliver(tx, asg);
    if (asg.state === 'deliveryFailed') return;
    req.state = 'delivering';
    req.status = 'Delivering';
  }
  // On from delivery as a new request would go: the granted extension stage runs once, then the request completes.
  continueRequest(tx, req);
}

export function reprocessAssignment(tx: Tx, callerId: string, id: string): void {
  requireMaintainer(tx, callerId);
  const asg = requireAssignment(tx, id);
  if (asg.state !== 'delivered' && !FAILED.includes(asg.state as string)) {
    throw conflict('AssignmentNotReprocessable', `Only a delivered assignment, or one whose delivery failed, can be reprocessed; this one is ${asg.state}.`);
  }
  redeliver(tx, asg);
  // The request that made it follows, while it still shows the failure.
  const req: RequestRecord | undefined = own(tx.state.requests, asg.requestId);
  if (req && FAILED.includes(req.state as string) && asg.state !== req.state) {
    req.state = asg.state === 'delivered' ? 'delivered' : asg.state === 'partiallyDelivered' ? 'partiallyDelivered' : 'deliveryFailed';
    req.status = asg.status;
  }
}
