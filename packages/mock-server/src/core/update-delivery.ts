// Delivering an update request: the assignment keeps its id and start; a new schedule moves its end (and so its
// reminders and expiry), new answers are the request's own. An assignment that ended while the update waited for
// approval cannot be changed any more: the request fails and the assignment stays as it is.
import { assignmentEmailsEnabled, notify, packageName } from './notifications.ts';
import { isActive, finish } from './request-records.ts';
import type { RequestRecord } from './state.ts';
import { DAY, iso } from './time.ts';
import type { Tx } from './tx.ts';
import { updatedEnd } from './update-schedule.ts';
import { own } from './own-keys.ts';

/** True once the change is delivered; false (the request finished as deliveryFailed) when the assignment has ended. */
export function deliverUpdate(tx: Tx, req: RequestRecord): boolean {
  const asg = own(tx.state.assignments, req.assignmentId);
  if (!asg || !isActive(asg)) {
    finish(tx, req, 'deliveryFailed', 'DeliveryFailed');
    return false;
  }
  if (req.schedule) {
    const end = updatedEnd(req.schedule);
    asg.endDateTime = end === null ? null : iso(end);
    // Reminders are due again before the new end (none whose moment has already passed).
    asg.notified = { fourteenDays: end !== null && end - 14 * DAY <= tx.now, oneDay: end !== null && end - DAY <= tx.now };
    if (asg.status === 'NearExpiry1DayNotificationTriggered') asg.status = asg.state === 'partiallyDelivered' ? 'PartiallyDelivered' : 'Delivered';
    if (assignmentEmailsEnabled(tx, asg.policyId)) {
      const until = asg.endDateTime ? `until ${asg.endDateTime}` : 'with no end date';
      notify(tx, 'updated', [asg.targetId], `Your access to ${packageName(tx, asg.packageId)} was extended ${until}`, {
        requestId: req.id,
        assignmentId: asg.id,
      });
    }
  }
  req.state = 'delivering';
  req.status = 'Delivering';
  return true;
}
