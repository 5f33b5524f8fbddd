// The new schedule an update request (userUpdate / adminUpdate) asks for: a new end for an assignment that keeps
// its start. The end is fixed when the request is made (an afterDuration counts from then), so an approver sees the
// date that will be delivered. It must lie after now and within what the assignment's policy allows from now: its
// duration, or its own end date (seed 003: "the extension date in the request must be at or before when
// assignments expire").
import type { ExpirationPattern, Schedule } from '@entitlement-kit/sdk';
import { badRequest } from './errors.ts';
import type { PolicyRecord } from './state.ts';
import { endOf, readExpiration } from './requirements.ts';
import { instantMs, iso } from './time.ts';

const invalid = (message: string) => badRequest('InvalidSchedule', message, 'schedule');

/** null when the request changes no dates (an answers-only update, Microsoft's example 6). */
export function checkUpdateSchedule(policy: PolicyRecord, given: unknown, now: number): Schedule | null {
  if (given === undefined || given === null) return null;
  if (typeof given !== 'object' || Array.isArray(given)) throw invalid('schedule must be an object.');
  const expiration = ((given as Schedule).expiration ?? {}) as ExpirationPattern;
  if (!expiration.type || expiration.type === 'notSpecified') return null;

  const asked = readExpiration(expiration, now);
  if (!asked) throw invalid(`schedule.expiration.type '${String(expiration.type)}' is not one of afterDateTime, afterDuration, noExpiration.`);

  const end = endOf(asked, now);
  if (end !== null && end <= now) throw invalid('The new end date is not in the future.');
  const latest = endOf(policy.data.expiration, now);
  if (latest !== null && (end === null || end > latest)) {
    throw badRequest('ScheduleOutsidePolicyExpiration', `The new end date is later than the policy allows (${iso(latest)}).`, 'schedule');
  }
  return { startDateTime: iso(now), expiration: asked };
}

/** The end an update's schedule delivers (null: no end), counted from when the request was made. */
export function updatedEnd(schedule: Schedule): number | null {
  return endOf(schedule.expiration, instantMs(schedule.startDateTime) ?? 0);
}
