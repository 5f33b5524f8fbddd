// What a request under a policy must carry: answers to its questions, a justification when asked for, and a
// schedule only when the policy allows one and within the policy's expiration.
import type { AnswerString, ExpirationPattern, Requirements, Schedule } from '@entitlement-kit/sdk';
import { clone } from './clone.ts';
import { answerMatches } from './answer-pattern.ts';
import { badRequest, missingProperty } from './errors.ts';
import type { PolicyQuestion, PolicyRecord } from './state.ts';
import { durationMs, instantMs, iso, later, laterOrLast, MAX_INSTANT } from './time.ts';

const ANSWER_TYPE = '#microsoft.graph.accessPackageAnswerString';

export function requirementsOf(policy: PolicyRecord): Requirements {
  const d = policy.data;
  const approval = d.requestApprovalSettings ?? {};
  return {
    policyId: d.id,
    policyDisplayName: d.displayName ?? null,
    policyDescription: d.description ?? null,
    isApprovalRequiredForAdd: !!approval.isApprovalRequiredForAdd,
    isApprovalRequiredForUpdate: !!approval.isApprovalRequiredForUpdate,
    isRequestorJustificationRequired: !!approval.isRequestorJustificationRequired,
    allowCustomAssignmentSchedule: !!d.requestorSettings?.allowCustomAssignmentSchedule,
    schedule: { startDateTime: null, expiration: clone(d.expiration ?? { type: 'notSpecified' }) },
    questions: clone(policy.questions),
  };
}

export function checkJustification(policy: PolicyRecord, justification: unknown): string | null {
  if (justification !== undefined && justification !== null && typeof justification !== 'string') {
    throw badRequest('InvalidJustification', 'justification must be a string.', 'justification');
  }
  const text = justification?.trim() ? justification : null;
  if (!text && policy.data.requestApprovalSettings?.isRequestorJustificationRequired) {
    throw badRequest('JustificationRequired', 'This policy requires a business justification.', 'justification');
  }
  return text;
}

interface GivenAnswer {
  '@odata.type'?: unknown;
  value?: unknown;
  displayValue?: unknown;
  answeredQuestion?: { id?: unknown } | null;
}

const isMultipleChoice = (q: PolicyQuestion) => q['@odata.type'].endsWith('accessPackageMultipleChoiceQuestion');

/** Validates the answers against the policy's questions and returns them as stored (displayValue filled in). */
export function checkAnswers(policy: PolicyRecord, answers: unknown): AnswerString[] {
  if (answers === undefined || answers === null) answers = [];
  if (!Array.isArray(answers)) throw badRequest('InvalidAnswers', 'answers must be an array.', 'answers');
  const byQuestion = new Map<string, string[]>();
  const displayValues = new Map<string, string>();
  for (const raw of answers as GivenAnswer[]) {
    if (!raw || typeof raw !== 'object') throw badRequest('InvalidAnswers', 'Each answer must be an object.', 'answers');
    const type = raw['@odata.type'];
    if (type !== undefined && String(type).replace(/^#?/, '#') !== ANSWER_TYPE) {
      throw badRequest('UnsupportedAnswerType', `Answers must be ${ANSWER_TYPE}.`, 'answers');
    }
    const questionId = raw.answeredQuestion?.id;
    if (typeof questionId !== 'string') throw missingProperty('answeredQuestion.id');
    if (!policy.questions.some((q) => q.id === questionId)) {
      throw badRequest('UnknownQuestion', `The policy has no question '${questionId}'.`, questionId);
    }
    if (typeof raw.value !== 'string') throw badRequest('InvalidAnswerValue', 'An answer value must be a string.', questionId);
    if (!raw.value.trim()) continue;
    byQuestion.set(questionId, [...(byQuestion.get(questionId) ?? []), raw.value]);
    if (typeof raw.displayValue === 'string') displayValues.set(`${questionId}\n${raw.value}`, raw.displayValue);
  }

  const stored: AnswerString[] = [];
  for (const question of [...policy.questions].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))) {
    const id = question.id as string;
    const values = byQuestion.get(id) ?? [];
    if (question.isRequired && values.length === 0) {
      throw badRequest('RequiredQuestionNotAnswered', `The question '${question.text}' requires an answer.`, id);
    }
    const multiple = isMultipleChoice(question) && 'isMultipleSelectionAllowed' in question && question.isMultipleSelectionAllowed;
    if (values.length > 1 && !multiple) {
      throw badRequest('MultipleAnswersNotAllowed', `The question '${question.text}' takes one answer.`, id);
    }
    for (const value of values) {
      stored.push({
        '@odata.type': ANSWER_TYPE,
        value,
        displayValue: displayValues.get(`${id}\n${value}`) ?? checkValue(question, value),
        answeredQuestion: clone(question),
      });
    }
  }
  return stored;
}

/** Throws when a value does not fit its question; returns the text to display for it. */
function checkValue(question: PolicyQuestion, value: string): string {
  const id = question.id as string;
  if ('choices' in question) {
    const choice = question.choices?.find((c) => c.actualValue === value);
    if (!choice) throw badRequest('AnswerNotAmongChoices', `'${value}' is not one of the choices of '${question.text}'.`, id);
    return choice.text ?? value;
  }
  if ('regexPattern' in question && question.regexPattern) {
    const matches = answerMatches(question.regexPattern, value);
    if (matches === undefined) throw badRequest('InvalidRegexPattern', `The question '${question.text}' has a pattern RE2 cannot read.`, id);
    if (!matches) throw badRequest('AnswerDoesNotMatchPattern', `The answer to '${question.text}' does not match the expected format.`, id);
  }
  if ('isSingleLineQuestion' in question && question.isSingleLineQuestion && /[\r\n]/.test(value)) {
    throw badRequest('AnswerNotSingleLine', `The answer to '${question.text}' must be a single line.`, id);
  }
  return value;
}

/** When access given at `startMs` ends under an expiration pattern, or null for never. */
export function endOf(expiration: ExpirationPattern | null | undefined, startMs: number): number | null {
  if (expiration?.type === 'afterDateTime') return instantMs(expiration.endDateTime) ?? null;
  if (expiration?.type === 'afterDuration') {
    const ms = durationMs(expiration.duration);
    return ms === undefined ? null : laterOrLast(startMs, ms);
  }
  return null;
}

const invalidSchedule = (message: string) => badRequest('InvalidSchedule', message, 'schedule');

/**
 * An expiration a request asks for, read and checked (an afterDuration counted from `start`); undefined when it
 * names none of afterDateTime, afterDuration, noExpiration.
 */
export function readExpiration(expiration: ExpirationPattern, start: number): ExpirationPattern | undefined {
  if (expiration.type === 'afterDateTime') {
    const end = instantMs(expiration.endDateTime);
    if (end === undefined) throw invalidSchedule(`schedule.expiration.endDateTime is not an ISO 8601 date-time up to ${MAX_INSTANT}.`);
    return { type: 'afterDateTime', endDateTime: iso(end) };
  }
  if (expiration.type === 'afterDuration') {
    const ms = durationMs(expiration.duration);
    if (!ms) throw invalidSchedule('schedule.expiration.duration is not an ISO 8601 duration such as P30D.');
    if (later(start, ms) === undefined) throw invalidSchedule(`The schedule would end after ${MAX_INSTANT}, the last instant Graph represents.`);
    return { type: 'afterDuration', duration: expiration.duration };
  }
  return expiration.type === 'noExpiration' ? { type: 'noExpiration' } : undefined;
}

/**
 * The schedule a request gets: the requestor's own (a "specific period") when they gave one, else the policy's.
 * A custom one needs allowCustomAssignmentSchedule (administrators assigning directly need not) and must end no
 * later than the policy's expiration allows.
 */
export function checkSchedule(
  policy: PolicyRecord,
  given: unknown,
  now: number,
  byAdmin = false,
): { schedule: Schedule; custom: boolean } {
  const policyExpiration = policy.data.expiration ?? { type: 'notSpecified' };
  const asked = (given ?? {}) as Schedule;
  if (typeof asked !== 'object') throw invalidSchedule('schedule must be an object.');
  const expiration = (asked.expiration ?? {}) as ExpirationPattern;
  const custom = !!asked.startDateTime || (!!expiration.type && expiration.type !== 'notSpecified');
  if (!custom) return { schedule: { startDateTime: iso(now), expiration: clone(policyExpiration) }, custom };

  if (!byAdmin && !policy.data.requestorSettings?.allowCustomAssignmentSchedule) {
    throw badRequest('CustomScheduleNotAllowed', 'This policy does not allow requesting a specific period.', 'schedule');
  }
  const askedStart = asked.startDateTime ? instantMs(asked.startDateTime) : now;
  if (askedStart === undefined) throw invalidSchedule(`schedule.startDateTime is not an ISO 8601 date-time up to ${MAX_INSTANT}.`);
  const start = Math.max(askedStart, now);

  const ownExpiration = readExpiration(expiration, start) ?? clone(policyExpiration);

  const end = endOf(ownExpiration, start);
  if (end !== null && end <= start) throw invalidSchedule('The schedule ends before it starts.');
  const latest = endOf(policyExpiration, start);
  if (latest !== null && (end === null || end > latest)) {
    throw badRequest(
      'ScheduleOutsidePolicyExpiration',
      `The requested period ends after the policy allows (${iso(latest)}).`,
      'schedule',
    );
  }
  return { schedule: { startDateTime: iso(askedStart), expiration: ownExpiration }, custom };
}
