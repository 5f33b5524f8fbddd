// The request form as data: what the user typed, checked against one policy's requirements, and turned into the
// body Graph expects. Kept apart from the element so the form survives a failed submit untouched.
import { addDuration } from '../internal/duration.ts';
import { isChoiceQuestion, localizedText, questionKind, regexOf, sortedQuestions } from '../internal/questions.ts';
import type { Answer, AnswerString, AssignmentRequest, Question, Requirements, Schedule } from '../internal/sdk.ts';
import type { MessageKey } from '../i18n/index.ts';

export type Target = 'self' | 'other';

export interface Draft {
  policyId?: string;
  target: Target;
  /** The direct report, when target is 'other'. */
  targetUserId: string;
  /** Question id to the typed text or the chosen choices' actual values. */
  answers: Record<string, string[]>;
  justification: string;
  specificPeriod: boolean;
  /** For a report whose manager (the caller) is a stage's only approver: approve that stage on submit (bypass). */
  bypass: boolean;
  /** yyyy-mm-dd, as date inputs give it. */
  startDate: string;
  endDate: string;
}

/** An error to show beside a field: a catalogue key and its placeholders. */
export interface FieldError {
  key: MessageKey;
  params?: Record<string, string>;
}

export const questionField = (question: Question) => `q-${question.id ?? ''}`;

/** The earlier request's answers by question, for a resubmit. */
export function answersOf(request: AssignmentRequest): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const answer of request.answers ?? []) {
    const id = answer.answeredQuestion?.id;
    const value = (answer as Partial<AnswerString>).value;
    if (id && value) (answers[id] ??= []).push(value);
  }
  return answers;
}

/**
 * The specific period an earlier request asked for, as date-field values, for a resubmit: from its start (or today,
 * when that has passed) to its end. Undefined when it had none or it has already ended.
 */
export function periodOf(request: AssignmentRequest, now = new Date()): { startDate: string; endDate: string } | undefined {
  const start = request.schedule?.startDateTime;
  const end = request.schedule?.expiration?.endDateTime;
  if (!start || !end || request.schedule?.expiration?.type !== 'afterDateTime') return undefined;
  const startDate = new Date(start);
  const endDate = new Date(end);
  if (Number.isNaN(startDate.getTime()) || Number.isNaN(endDate.getTime()) || endDate <= now) return undefined;
  return { startDate: toDateInput(startDate < now ? now : startDate), endDate: toDateInput(endDate) };
}

export function toDateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromDateInput(value: string, endOfDay = false): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  return endOfDay ? new Date(year, month - 1, day, 23, 59, 59) : new Date(year, month - 1, day);
}

/** When access would start: the chosen day, or now when that day is today (Graph starts a past time now). */
export function effectiveStart(draft: Draft, now = new Date()): Date | undefined {
  const start = fromDateInput(draft.startDate);
  return start && start.getTime() < now.getTime() ? now : start;
}

/** The latest end the policy allows for a period starting at `start`, if it limits one. */
export function latestEnd(requirement: Requirements, start: Date | undefined): Date | undefined {
  const expiration = requirement.schedule?.expiration;
  if (!expiration) return undefined;
  if (expiration.type === 'afterDateTime' && expiration.endDateTime) return new Date(expiration.endDateTime);
  if (expiration.type === 'afterDuration' && start) return addDuration(start, expiration.duration);
  return undefined;
}

export function validateDraft(draft: Draft, requirement: Requirements, formatDate: (d: Date) => string, now = new Date()): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (draft.target === 'other' && !draft.targetUserId) errors.target = { key: 'errorChoosePerson' };
  for (const question of sortedQuestions(requirement.questions)) {
    const values = (draft.answers[question.id ?? ''] ?? []).map((v) => v.trim()).filter(Boolean);
    if (question.isRequired && values.length === 0) {
      errors[questionField(question)] = { key: isChoiceQuestion(question) ? 'errorChooseAnswer' : 'errorAnswerRequired' };
      continue;
    }
    const pattern = isChoiceQuestion(question) ? undefined : regexOf(question);
    if (pattern && values.length > 0 && !pattern.test(values[0])) errors[questionField(question)] = { key: 'errorAnswerFormat' };
  }
  if (requirement.isRequestorJustificationRequired && !draft.justification.trim()) errors.justification = { key: 'errorJustificationRequired' };
  if (requirement.allowCustomAssignmentSchedule && draft.specificPeriod) {
    const start = fromDateInput(draft.startDate);
    const end = fromDateInput(draft.endDate, true);
    const today = fromDateInput(toDateInput(now));
    if (!start) errors.start = { key: 'errorStartRequired' };
    else if (today && start < today) errors.start = { key: 'errorStartInPast' };
    if (!end) errors.end = { key: 'errorEndRequired' };
    else if (start && end < start) errors.end = { key: 'errorEndBeforeStart' };
    else {
      // Compared as days: buildSchedule ends a last allowed day at the policy's exact limit.
      const latest = latestEnd(requirement, effectiveStart(draft, now));
      if (latest && draft.endDate > toDateInput(latest)) errors.end = { key: 'errorEndTooLate', params: { date: formatDate(latest) } };
    }
  }
  return errors;
}

/** Every answer is an accessPackageAnswerString; a multiple-selection question gets one per chosen value. */
export function buildAnswers(requirement: Requirements, draft: Draft, locale: string): Answer[] {
  const answers: Answer[] = [];
  for (const question of sortedQuestions(requirement.questions)) {
    const values = (draft.answers[question.id ?? ''] ?? []).map((v) => v.trim()).filter(Boolean);
    const kind = questionKind(question);
    const chosen = kind === 'shortText' || kind === 'longText' ? values.slice(0, 1) : values;
    for (const value of chosen) {
      const choice = isChoiceQuestion(question) ? question.choices?.find((c) => c.actualValue === value) : undefined;
      const answer: AnswerString = {
        '@odata.type': '#microsoft.graph.accessPackageAnswerString',
        value,
        displayValue: choice ? localizedText(choice.localizations, choice.text, locale) : value,
        answeredQuestion: { id: question.id, '@odata.type': question['@odata.type'] },
      };
      answers.push(answer);
    }
  }
  return answers;
}

/** The period as Graph takes it: from the start day (or now) to the end of the end day, within the policy's limit. */
export function buildSchedule(requirement: Requirements, draft: Draft, now = new Date()): Schedule | undefined {
  if (!requirement.allowCustomAssignmentSchedule || !draft.specificPeriod) return undefined;
  const start = effectiveStart(draft, now);
  const endOfDay = fromDateInput(draft.endDate, true);
  if (!start || !endOfDay) return undefined;
  const latest = latestEnd(requirement, start);
  const end = latest && latest < endOfDay ? latest : endOfDay;
  return { startDateTime: start.toISOString(), expiration: { type: 'afterDateTime', endDateTime: end.toISOString() } };
}
