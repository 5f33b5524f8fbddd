// The outbox: the emails Graph would have sent, kept so tests and demos can see who was told what.
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
  // Built field by field in one order, not spread: a spread object gets a hidden class of its own (requests.ts, start).
  const email = { id: tx.newId(), at: nowIso(tx), kind, to: recipients } as Notification;
  if (refs.requestId !== undefined) email.requestId = refs.requestId;
  if (refs.assignmentId !== undefined) email.assignmentId = refs.assignmentId;
  if (refs.daysBeforeExpiry !== undefined) email.daysBeforeExpiry = refs.daysBeforeExpiry;
  if (refs.canExtend !== undefined) email.canExtend = refs.canExtend;
  if (accessPackageId) email.accessPackageId = accessPackageId;
  email.subject = subject;
  tx.state.outbox.push(email);
}

/** Assignment emails (delivered, expiring, expired) honour the policy's notificationSettings. */
export function assignmentEmailsEnabled(tx: Tx, policyId: string): boolean {
  return !own(tx.state.policies, policyId)?.data.notificationSettings?.isAssignmentNotificationDisabled;
}

export const packageName = (tx: Tx, packageId: string): string =>
  own(tx.state.packages, packageId)?.data.displayName ?? 'an access package';

export const userName = (tx: Tx, userId: string): string => own(tx.state.users, userId)?.displayName ?? userId;
