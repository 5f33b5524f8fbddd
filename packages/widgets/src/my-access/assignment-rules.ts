// What the caller may do with their own assignment, read from its policy: remove it (the policy's
// enableTargetsToSelfRemoveAccess), extend it (enableTargetsToSelfUpdateAccess), and whether it ends soon.
import { policyOf } from '../internal/assignment-policy.ts';
import { settingsOf } from '../internal/graph.ts';
import type { Assignment } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';

/** Reminders go out 14 days before the end (seed 003), so that is when an assignment reads as ending soon. */
export const EXPIRING_WITHIN_MS = 14 * 24 * 60 * 60 * 1000;

export type Check = { allowed: true } | { allowed: false; reason: string } | { allowed: 'checking' };

export { policyOf };

export function endOf(assignment: Assignment): string | undefined {
  return assignment.schedule?.expiration?.endDateTime ?? undefined;
}

export function endsSoon(assignment: Assignment, now: Date): boolean {
  const end = endOf(assignment);
  if (!end) return false;
  const left = new Date(end).getTime() - now.getTime();
  return left >= 0 && left <= EXPIRING_WITHIN_MS;
}

export function selfRemoveCheck(h: ViewHost, assignment: Assignment): Check {
  if (assignment.state !== 'delivered') return { allowed: false, reason: h.t.selfRemoveReasonState };
  const policy = policyOf(h, assignment);
  if (policy === 'checking') return { allowed: 'checking' };
  // A policy the caller cannot read leaves the decision to Graph, which answers with a clear error if it refuses.
  if (!policy) return { allowed: true };
  return settingsOf(policy)?.enableTargetsToSelfRemoveAccess === true ? { allowed: true } : { allowed: false, reason: h.t.selfRemoveReasonPolicy };
}
