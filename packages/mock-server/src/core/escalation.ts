// When a stage may be forwarded to its escalation (alternate) approvers. Entitlement management forwards no
// earlier than the day after half the time-out and never on the last day, so a time-out under four days leaves
// no room to escalate at all.
import type { ApprovalStageSettings } from '@entitlement-kit/sdk';
import { DAY, durationMs } from './time.ts';

/** Graph's default decision window when a stage names none. */
export const DEFAULT_TIMEOUT = 'P14D';

export const timeoutMs = (stage: ApprovalStageSettings): number =>
  durationMs(stage.durationBeforeAutomaticDenial ?? DEFAULT_TIMEOUT) ?? (durationMs(DEFAULT_TIMEOUT) as number);

/** Milliseconds after the stage starts when it escalates; null when it does not; a message when the settings break the rules. */
export function escalationDelay(stage: ApprovalStageSettings): number | null | { invalid: string } {
  if (!stage.isEscalationEnabled) return null;
  const timeout = timeoutMs(stage);
  if (timeout < 4 * DAY) return { invalid: 'Requests that time out in under 4 days cannot be escalated.' };
  const delay = durationMs(stage.durationBeforeEscalation);
  if (delay === undefined) return { invalid: 'durationBeforeEscalation must be an ISO 8601 duration.' };
  if (delay < timeout / 2 + DAY) {
    return { invalid: 'A request can be escalated no earlier than the day after half its time-out.' };
  }
  if (delay > timeout - DAY) return { invalid: 'A request cannot be escalated on the last day of its time-out.' };
  return delay;
}
