// A request's state and status in words, for the views read on demand (history, the submit result, an approval's
// details). Graph's `status` is finer than `state`: a time-out is state `denied` with status `TimedOut`, which My
// Access shows as expired, not as a denial nobody made.
import type { MessageKey } from '../i18n/index.ts';
import type { AssignmentRequest } from './sdk.ts';
import type { ViewHost } from './view-host.ts';

/** Statuses whose words differ from their state's (others read as the state of the same name). */
const STATUS_KEYS: Partial<Record<string, MessageKey>> = {
  Accepted: 'stateSubmitted',
  PendingApprovalEscalated: 'statusEscalated',
  PendingNotBefore: 'stateScheduled',
  WaitingForCallback: 'statusWaitingForCallback',
  CalloutFailed: 'statusCalloutFailed',
};

const timedOut = (request: AssignmentRequest) => request.status === 'TimedOut';

/** A request to add access that is still open (Graph refuses another one for the same person and package). */
export function isOpenAdd(request: AssignmentRequest): boolean {
  return (
    request.requestType !== 'userRemove' &&
    request.requestType !== 'adminRemove' &&
    ['submitted', 'pendingApproval', 'scheduled', 'delivering'].includes(String(request.state))
  );
}

/** The badge of a request: its state, except that a time-out reads as expired, with the day, in a neutral tone. */
export function requestBadge(h: ViewHost, request: AssignmentRequest): { label: string; tone: string } {
  if (timedOut(request)) return { label: h.msg('expiredOn', { date: h.formatDate(request.completedDateTime) }), tone: '' };
  return { label: h.stateLabel(request.state), tone: h.stateTone(request.state) };
}

/** The status in a sentence, for a request's details. */
export function statusText(h: ViewHost, request: AssignmentRequest): string {
  const status = request.status ?? '';
  if (timedOut(request)) return h.msg('statusTimedOut', { date: h.formatDate(request.completedDateTime) });
  const key = STATUS_KEYS[status];
  if (key) return h.t[key];
  const asState = h.stateLabel(status.charAt(0).toLowerCase() + status.slice(1));
  return asState === h.t.stateUnknown ? h.stateLabel(request.state) : asState;
}
