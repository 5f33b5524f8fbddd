// When a request or an assignment next needs the clock: read off the record alone (its stage deadlines, escalation
// time, scheduled start, callback timeouts, end date), so the scheduler's index can be kept per record.
import { currentStage, isActive } from './request-records.ts';
import type { AssignmentRecord, RequestRecord } from './state.ts';
import { DAY, instantMs } from './time.ts';

/** Kinds in tie-break order. */
export const DueKind = {
  Processing: 0,
  ScheduledStart: 1,
  Escalation: 2,
  StageTimeout: 3,
  CallbackTimeout: 4,
  FourteenDayReminder: 5,
  OneDayReminder: 6,
  Expiry: 7,
  ScopeRemoval: 8,
  GuestRemoval: 9,
} as const;
export type DueKind = (typeof DueKind)[keyof typeof DueKind];

/** `kind` also breaks ties between events at the same instant; `callout` is the index of the callout that waits. */
export interface DueTime {
  at: number;
  kind: DueKind;
  callout?: number;
}

/**
 * Graph answers a new request `submitted` / `Accepted` and processes it afterwards (README, "Request lifecycle"): until then it
 * is due at its creation instant, so it runs before the mock answers any later call.
 */
export const awaitsProcessing = (req: RequestRecord): boolean => req.state === 'submitted' && req.status === 'Accepted';

export function requestDue(req: RequestRecord): DueTime[] {
  const due: DueTime[] = [];
  if (awaitsProcessing(req)) due.push({ at: instantMs(req.createdDateTime) as number, kind: DueKind.Processing });
  if (req.state === 'scheduled' && req.schedule?.startDateTime) {
    due.push({ at: instantMs(req.schedule.startDateTime) as number, kind: DueKind.ScheduledStart });
  }
  const stage = currentStage(req);
  if (stage?.escalateAt && !stage.escalated) due.push({ at: instantMs(stage.escalateAt) as number, kind: DueKind.Escalation });
  if (stage) due.push({ at: instantMs(stage.deadline) as number, kind: DueKind.StageTimeout });
  req.callouts.forEach((callout, index) => {
    if (callout.status === 'waitingForCallback' && callout.timeoutAt) {
      due.push({ at: instantMs(callout.timeoutAt) as number, kind: DueKind.CallbackTimeout, callout: index });
    }
  });
  return due;
}

export function assignmentDue(asg: AssignmentRecord): DueTime[] {
  if (!isActive(asg)) return [];
  const due: DueTime[] = [];
  if (asg.scopeRemovalAt) due.push({ at: instantMs(asg.scopeRemovalAt) as number, kind: DueKind.ScopeRemoval });
  const end = instantMs(asg.endDateTime);
  if (end === undefined) return due;
  if (!asg.notified.fourteenDays) due.push({ at: end - 14 * DAY, kind: DueKind.FourteenDayReminder });
  if (!asg.notified.oneDay) due.push({ at: end - DAY, kind: DueKind.OneDayReminder });
  due.push({ at: end, kind: DueKind.Expiry });
  return due;
}

export const earlier = (a: DueTime, b: DueTime): boolean => a.at < b.at || (a.at === b.at && a.kind < b.kind);

/** The first of a record's events (the first listed among equals). */
export function firstDue(events: readonly DueTime[]): DueTime | undefined {
  let first: DueTime | undefined;
  for (const event of events) if (!first || earlier(event, first)) first = event;
  return first;
}

/** A blocked guest's account deletion (governance-settings.ts). */
export const guestRemovalDue = (removal: { at: string }): DueTime[] => [{ at: instantMs(removal.at) as number, kind: DueKind.GuestRemoval }];
