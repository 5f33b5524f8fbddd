// Everything the clock drives. Due moments are read off the records themselves (due.ts: stage deadlines, escalation
// times, scheduled starts, expirations, callback timeouts), so nothing can fall out of step with a separate timer
// list; the engine's indexes keep the earliest per record in a heap. Moving the clock runs them one at a time in
// time order, each at its own instant.
import { escalateStage } from './approvals.ts';
import { graceOver } from './auto-assignment.ts';
import { expireAssignment } from './delivery.ts';
import { fireStage } from './extensions.ts';
import { assignmentEmailsEnabled, notify, packageName } from './notifications.ts';
import { mayExtend } from './updates.ts';
import { assignmentDue, DueKind, earlier, guestRemovalDue, requestDue, type DueTime } from './due.ts';
import { removeBlockedGuest } from './governance-settings.ts';
import { indexesOf } from './indexes.ts';
import { currentStage } from './request-records.ts';
import type { AssignmentRecord, RequestRecord, StageRecord, State } from './state.ts';
import { iso } from './time.ts';
import type { Tx } from './tx.ts';
import { continueRequest, timeOutCallout, timeOutStage } from './workflow.ts';

function remind(tx: Tx, asg: AssignmentRecord, which: 'fourteenDays' | 'oneDay'): void {
  asg.notified[which] = true;
  if (which === 'oneDay') asg.status = 'NearExpiry1DayNotificationTriggered';
  if (assignmentEmailsEnabled(tx, asg.policyId)) {
    notify(tx, 'expiring', [asg.targetId], `Your access to ${packageName(tx, asg.packageId)} expires on ${asg.endDateTime}`, {
      assignmentId: asg.id,
      daysBeforeExpiry: which === 'fourteenDays' ? 14 : 1,
      canExtend: mayExtend(tx, asg),
    });
  }
  fireStage(tx, which === 'fourteenDays' ? 'assignmentFourteenDaysBeforeExpiration' : 'assignmentOneDayBeforeExpiration', {
    assignment: asg,
  });
}

type Run = (tx: Tx) => void;

type DueTable = 'requests' | 'assignments' | 'guestRemovals';

/** What an event of a request, an assignment or a guest's removal does when it falls due. */
function runnerFor(table: DueTable, id: string, record: RequestRecord | AssignmentRecord | { at: string }, due: DueTime): Run {
  if (table === 'guestRemovals') return (tx) => removeBlockedGuest(tx, id);
  if (table === 'assignments') {
    const asg = record as AssignmentRecord;
    if (due.kind === DueKind.FourteenDayReminder) return (tx) => remind(tx, asg, 'fourteenDays');
    if (due.kind === DueKind.OneDayReminder) return (tx) => remind(tx, asg, 'oneDay');
    if (due.kind === DueKind.ScopeRemoval) return (tx) => graceOver(tx, asg);
    return (tx) => expireAssignment(tx, asg);
  }
  const req = record as RequestRecord;
  const stage = currentStage(req) as StageRecord;
  if (due.kind === DueKind.Processing || due.kind === DueKind.ScheduledStart) return (tx) => continueRequest(tx, req);
  if (due.kind === DueKind.Escalation) return (tx) => escalateStage(tx, req, stage);
  if (due.kind === DueKind.StageTimeout) return (tx) => timeOutStage(tx, req, stage);
  const callout = req.callouts[due.callout as number];
  return (tx) => timeOutCallout(tx, req, callout);
}

interface Next {
  due: DueTime;
  run: Run;
}

/** Without indexes (a seed being built): every event of every record, earliest first as they were listed. */
function scanNext(state: State, until: number): Next | undefined {
  let next: Next | undefined;
  const consider = (table: DueTable, id: string, record: RequestRecord | AssignmentRecord | { at: string }, events: DueTime[]) => {
    for (const due of events) if (due.at <= until && (!next || earlier(due, next.due))) next = { due, run: runnerFor(table, id, record, due) };
  };
  for (const req of Object.values(state.requests)) consider('requests', req.id, req, requestDue(req));
  for (const asg of Object.values(state.assignments)) consider('assignments', asg.id, asg, assignmentDue(asg));
  for (const [id, removal] of Object.entries(state.guestRemovals ?? {})) consider('guestRemovals', id, removal, guestRemovalDue(removal));
  return next;
}

function nextDue(state: State, until: number): Next | undefined {
  const ix = indexesOf(state);
  if (!ix) return scanNext(state, until);
  const found = ix.nextDue(until);
  if (!found) return undefined;
  const table = found.table as DueTable;
  return { due: found.due, run: runnerFor(table, found.id, state[table][found.id], found.due) };
}

/** Whether any event falls due up to `until` (a read then has rules to run before it answers). */
export function hasDue(state: State, until: number): boolean {
  return nextDue(state, until) !== undefined;
}

/** Runs every event due up to `until`, earliest first, then leaves the state at `until`. */
export function runDue(tx: Tx, until: number): void {
  for (let guard = 0; ; guard++) {
    if (guard > 100_000) throw new Error('The scheduler did not settle; a timed rule keeps itself due.');
    const next = nextDue(tx.state, until);
    if (!next) break;
    tx.now = Math.max(tx.now, next.due.at);
    next.run(tx);
  }
  tx.now = Math.max(tx.now, until);
  if (tx.state.now !== iso(tx.now)) tx.state.now = iso(tx.now);
}
