// The outbox: the emails Graph would have sent, kept so tests and demos can see who was told what.
import { keptList } from './kept-list.ts';
import { own } from './own-keys.ts';
import type { Notification, NotificationKind } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

export function notify(
  tx: Tx,
  kind: NotificationKind,
  to: readonly string[],
  subject: string,
  refs: Pick<Notification, 'requestId' | 'assignmentId' | 'daysBeforeExpiry' | 'canExtend'> = {},
): void {
  const recipients = [...new Set(to)].filter((id) => own(tx.state.users, id));
  if (recipients.length === 0) return;
  // Every email about a request or an assignment names its access package, so a page can link to it.
  const about = refs.assignmentId ? own(tx.state.assignments, refs.assignmentId) : refs.requestId ? own(tx.state.requests, refs.requestId) : undefined;
  const accessPackageId = about?.packageId;
  tx.state.outbox.push({ id: tx.newId(), at: nowIso(tx), kind, to: keptList(recipients), ...refs, ...(accessPackageId && { accessPackageId }), subject });
}

/** Assignment emails (delivered, expiring, expired) honour the policy's notificationSettings. */
export function assignmentEmailsEnabled(tx: Tx, policyId: string): boolean {
  return !own(tx.state.policies, policyId)?.data.notificationSettings?.isAssignmentNotificationDisabled;
}

export const packageName = (tx: Tx, packageId: string): string =>
  own(tx.state.packages, packageId)?.data.displayName ?? 'an access package';

export const userName = (tx: Tx, userId: string): string => own(tx.state.users, userId)?.displayName ?? userId;
