// Extending an assignment (Graph's userUpdate with a new end date), as plain functions: who may, up to when, and what
// the form must hold. Seed 003: "Allow users to extend access"; extension dates at or before the policy's own end
// date; the new end is bounded by the policy's expiration counted from now.
import { addDuration } from '../internal/duration.ts';
import { othersMayAct, settingsOf } from '../internal/graph.ts';
import { sortedQuestions } from '../internal/questions.ts';
import type { Assignment, AssignmentPolicy, AssignmentRequest, Question, Requirements } from '../internal/sdk.ts';
import type { Draft, FieldError } from '../request-access-pane/request-draft.ts';
import { fromDateInput, toDateInput, validateDraft } from '../request-access-pane/request-draft.ts';
import type { MessageKey } from '../i18n/index.ts';

export type ExtendCheck = { allowed: true } | { allowed: false; reason: MessageKey };

/** Whether the caller may extend: their own (`self`) under enableTargetsToSelfUpdateAccess, a report's under the on-behalf flag. */
export function extendCheck(assignment: Assignment, policy: AssignmentPolicy | undefined, who: 'self' | 'report'): ExtendCheck {
  if (assignment.state !== 'delivered') return { allowed: false, reason: 'extendReasonState' };
  if (!assignment.schedule?.expiration?.endDateTime) return { allowed: false, reason: 'extendReasonNoEnd' };
  // A policy the caller cannot read leaves the decision to Graph.
  if (!policy) return { allowed: true };
  const settings = settingsOf(policy);
  const allowed =
    who === 'self'
      ? settings?.enableTargetsToSelfUpdateAccess === true
      : settings?.enableOnBehalfRequestorsToUpdateAccess === true && othersMayAct(settings);
  return allowed ? { allowed: true } : { allowed: false, reason: who === 'self' ? 'extendReasonPolicy' : 'extendReasonPolicyReport' };
}

/** The latest end the policy allows from `now`: its fixed end date, or its duration from now; undefined without a limit. */
export function latestExtension(policy: AssignmentPolicy | undefined, now: Date): Date | undefined {
  const expiration = policy?.expiration;
  if (expiration?.type === 'afterDateTime' && expiration.endDateTime) return new Date(expiration.endDateTime);
  if (expiration?.type === 'afterDuration') return addDuration(now, expiration.duration);
  return undefined;
}

/** The policy's questions and justification rule in the shape the request form's validation reads. */
export function requirementOf(policy: AssignmentPolicy | undefined): Requirements {
  return {
    policyId: policy?.id,
    questions: policy?.questions ?? [],
    isRequestorJustificationRequired: policy?.requestApprovalSettings?.isRequestorJustificationRequired ?? false,
    allowCustomAssignmentSchedule: false,
  };
}

/**
 * Questions an update may answer: those whose answer may change (isAnswerEditable) and those not answered before;
 * the others are shown as answered before.
 */
export function editableQuestions(policy: AssignmentPolicy | undefined, earlier: AssignmentRequest | undefined): Question[] {
  const answered = new Set((earlier?.answers ?? []).map((a) => a.answeredQuestion?.id));
  return sortedQuestions(policy?.questions).filter((q) => q.isAnswerEditable === true || !answered.has(q.id));
}

/** The form's problems: a new end after the current one and today, within the policy's limit; required answers; justification. */
export function validateExtension(
  draft: Draft,
  policy: AssignmentPolicy | undefined,
  earlier: AssignmentRequest | undefined,
  currentEnd: string | undefined,
  formatDate: (d: Date) => string,
  now: Date,
): Record<string, FieldError> {
  const requirement = requirementOf(policy);
  const errors = validateDraft(draft, { ...requirement, questions: editableQuestions(policy, earlier) }, formatDate, now);
  const end = fromDateInput(draft.endDate, true);
  const latest = latestExtension(policy, now);
  if (!end) errors.end = { key: 'errorEndRequired' };
  else if (end <= now || (currentEnd && toDateInput(end) <= toDateInput(new Date(currentEnd)))) {
    errors.end = { key: 'errorExtendAfter', params: { date: formatDate(new Date(currentEnd ?? now)) } };
  } else if (latest && draft.endDate > toDateInput(latest)) errors.end = { key: 'errorEndTooLate', params: { date: formatDate(latest) } };
  return errors;
}

/** The end Graph gets: the end of the chosen day, or the policy's exact limit when that day is its last. */
export function extensionEnd(draft: Draft, policy: AssignmentPolicy | undefined, now: Date): Date | undefined {
  const end = fromDateInput(draft.endDate, true);
  const latest = latestExtension(policy, now);
  return end && latest && latest < end ? latest : end;
}

