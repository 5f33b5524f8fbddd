// Everything the clock drives. Due moments are read off the state itself (stage deadlines, escalation times,
// scheduled starts, expirations, callback timeouts), so nothing can fall out of step with a separate timer list.
// Moving the clock runs them one at a time in time order, each at its own instant.
import { escalateStage } from './approvals.ts';
import { expireAssignment } from './delivery.ts';
import { fireStage } from './extensions.ts';
import { assignmentEmailsEnabled, notify, packageName } from './notifications.ts';
import { currentStage, isActive } from './request-records.ts';
import type { AssignmentRecord, State } from './state.ts';
import { DAY, instantMs, iso } from './time.ts';
import type { Tx } from './tx.ts';
import { continueRequest, timeOutCallout, timeOutStage } from './workflow.ts';

interface Due {
  at: number;
  /** Tie-break between events at the same instant. */
  order: number;
  run(tx: Tx): void;
}

function remind(tx: Tx, asg: AssignmentRecord, which: 'fourteenDays' | 'oneDay'): void {
  asg.notified[which] = true;
  if (which === 'oneDay') asg.status = 'NearExpiry1DayNotificationTriggered';
  if (assignmentEmailsEnabled(tx, asg.policyId)) {
    notify(tx, 'expiring', [asg.targetId], `Your access to ${packageName(tx, asg.packageId)} expires on ${asg.endDateTime}`, {
      assignmentId: asg.id,
    });
  }
  fireStage(tx, which === 'fourteenDays' ? 'assignmentFourteenDaysBeforeExpiration' : 'assignmentOneDayBeforeExpiration', {
    assignment: asg,
  });
}

function dueEvents(state: State): Due[] {
  const due: Due[] = [];
  for (const req of Object.values(state.requests)) {
    if (req.state === 'scheduled' && req.schedule?.startDateTime) {
      due.push({ at: instantMs(req.schedule.startDateTime) as number, order: 0, run: (tx) => continueRequest(tx, req) });
    }
    const stage = currentStage(req);
    if (stage?.escalateAt && !stage.escalated) {
      due.push({ at: instantMs(stage.escalateAt) as number, order: 1, run: (tx) => escalateStage(tx, req, stage) });
    }
    if (stage) due.push({ at: instantMs(stage.deadline) as number, order: 2, run: (tx) => timeOutStage(tx, req, stage) });
    for (const callout of req.callouts) {
      if (callout.status === 'waitingForCallback' && callout.timeoutAt) {
        due.push({ at: instantMs(callout.timeoutAt) as number, order: 3, run: (tx) => timeOutCallout(tx, req, callout) });
      }
    }
  }
  for (const asg of Object.values(state.assignments)) {
    const end = instantMs(asg.endDateTime);
    if (!isActive(asg) || end === undefined) continue;
    if (!asg.notified.fourteenDays) due.push({ at: end - 14 * DAY, order: 4, run: (tx) => remind(tx, asg, 'fourteenDays') });
    if (!asg.notified.oneDay) due.push({ at: end - DAY, order: 5, run: (tx) => remind(tx, asg, 'oneDay') });
    due.push({ at: end, order: 6, run: (tx) => expireAssignment(tx, asg) });
  }
  return due;
}

/** Whether any event falls due up to `until` (a read then has rules to run before it answers). */
export function hasDue(state: State, until: number): boolean {
  return dueEvents(state).some((e) => e.at <= until);
}

/** Runs every event due up to `until`, earliest first, then leaves the state at `until`. */
export function runDue(tx: Tx, until: number): void {
  for (let guard = 0; ; guard++) {
    if (guard > 100_000) throw new Error('The scheduler did not settle; a timed rule keeps itself due.');
    const next = dueEvents(tx.state)
      .filter((e) => e.at <= until)
      .sort((a, b) => a.at - b.at || a.order - b.order)[0];
    if (!next) break;
    tx.now = Math.max(tx.now, next.at);
    next.run(tx);
  }
  tx.now = Math.max(tx.now, until);
  tx.state.now = iso(tx.now);
}
