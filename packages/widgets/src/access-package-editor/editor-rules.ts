// The editor's validation rules as plain functions (no lit, no DOM): each returns the problems it finds, with the
// step and the field they belong to, so a panel marks its fields and Review links every problem to its panel.
// Seed 003's rules: a stage forwards to alternate approvers only when its decision times out after at least 4 days,
// no earlier than the day after half that time and never on the last day; 1 to 3 stages; expiry after 0 to 3660
// days; the second-level manager as alternate approver needs a fallback.
import { activeStages, MAX_STAGES, targetsFor, type Draft, type PolicyDraft, type QuestionDraft, type StageDraft, type StepId } from './editor-draft.ts';

export type RuleCode =
  | 'nameRequired'
  | 'catalogRequired'
  | 'catalogNameRequired'
  | 'policyNameRequired'
  | 'targetsRequired'
  | 'organizationsRequired'
  | 'externalNeedsApproval'
  | 'stageCount'
  | 'approversRequired'
  | 'decisionDays'
  | 'forwardTooShort'
  | 'forwardAfterRequired'
  | 'forwardTooEarly'
  | 'forwardTooLate'
  | 'alternatesRequired'
  | 'fallbackRequired'
  | 'questionTextRequired'
  | 'choicesRequired'
  | 'choiceValueRequired'
  | 'regexInvalid'
  | 'languageCodeInvalid'
  | 'localizedTextRequired'
  | 'languageTwice'
  | 'expirationDays'
  | 'expirationHours'
  | 'expirationDate';

export interface Issue {
  step: StepId;
  /** The id of the field in its panel. */
  field: string;
  code: RuleCode;
  params?: Record<string, number | string>;
}

/** Longest "Decision must be made in how many days?" the admin center accepts. */
export const MAX_DECISION_DAYS = 14;
export const MAX_EXPIRATION_DAYS = 3660;
/** The shortest decision time-out that leaves room to forward to alternate approvers. */
export const MIN_FORWARD_TIMEOUT_DAYS = 4;

/** A whole number typed in a field, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

/** The days after which a stage timing out after `decisionDays` may forward: [first, last], or undefined when none. */
export function forwardWindow(decisionDays: number): { first: number; last: number } | undefined {
  if (decisionDays < MIN_FORWARD_TIMEOUT_DAYS) return undefined;
  // The day after half the duration (half of 9 days is 4.5, so day 6), and not on the last day.
  return { first: Math.ceil(decisionDays / 2 + 1), last: decisionDays - 1 };
}

/** Seed 003's forwarding rule for one stage; `at` names the stage's fields. */
export function forwardingIssues(decisionDays: number, forwardAfter: string, at: string): Issue[] {
  const field = `${at}-forward-after`;
  const window = forwardWindow(decisionDays);
  if (!window) return [{ step: 'requests', field: `${at}-days`, code: 'forwardTooShort', params: { min: MIN_FORWARD_TIMEOUT_DAYS } }];
  const days = wholeNumber(forwardAfter);
  if (days === undefined) return [{ step: 'requests', field, code: 'forwardAfterRequired', params: window }];
  if (days < window.first) return [{ step: 'requests', field, code: 'forwardTooEarly', params: { ...window, days: decisionDays } }];
  if (days > window.last) return [{ step: 'requests', field, code: 'forwardTooLate', params: { ...window, days: decisionDays } }];
  return [];
}

/** How many approval stages: a whole number from 1 to 3. */
export function stageCountIssues(stageCount: string): Issue[] {
  const n = wholeNumber(stageCount);
  return n !== undefined && n >= 1 && n <= MAX_STAGES ? [] : [{ step: 'requests', field: 'stage-count', code: 'stageCount', params: { max: MAX_STAGES } }];
}

/** One approval stage, numbered from 0. */
export function stageIssues(stage: StageDraft, n: number): Issue[] {
  const at = `stage-${n}`;
  const issues: Issue[] = [];
  const stageNumber = n + 1;
  if (stage.approverKind === 'specific' && stage.approvers.length === 0) {
    issues.push({ step: 'requests', field: `${at}-approvers`, code: 'approversRequired', params: { stage: stageNumber } });
  }
  const days = wholeNumber(stage.decisionDays);
  if (days === undefined || days < 1 || days > MAX_DECISION_DAYS) {
    issues.push({ step: 'requests', field: `${at}-days`, code: 'decisionDays', params: { stage: stageNumber, max: MAX_DECISION_DAYS } });
  }
  if (!stage.forward) return issues;
  if (days !== undefined && days >= 1 && days <= MAX_DECISION_DAYS) issues.push(...forwardingIssues(days, stage.forwardAfterDays, at));
  issues.push(...alternateIssues(stage, n));
  return issues;
}

/** Alternate approvers: someone to forward to, and a fallback whenever the second-level manager is the alternate. */
export function alternateIssues(stage: StageDraft, n: number): Issue[] {
  const at = `stage-${n}`;
  const secondLevel = stage.secondLevelManager && stage.approverKind === 'manager';
  if (secondLevel) {
    return stage.alternateFallbacks.length ? [] : [{ step: 'requests', field: `${at}-alternate-fallbacks`, code: 'fallbackRequired', params: { stage: n + 1 } }];
  }
  return stage.alternates.length ? [] : [{ step: 'requests', field: `${at}-alternates`, code: 'alternatesRequired', params: { stage: n + 1 } }];
}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export function localizationIssues(list: { languageCode: string; text: string }[], at: string): Issue[] {
  const seen = new Set<string>();
  return list.flatMap((l, i): Issue[] => {
    const code = l.languageCode.trim();
    const out: Issue[] = [];
    if (!LANGUAGE_CODE.test(code)) out.push({ step: 'questions', field: `${at}-loc-${i}-code`, code: 'languageCodeInvalid' });
    else if (seen.has(code.toLowerCase())) out.push({ step: 'questions', field: `${at}-loc-${i}-code`, code: 'languageTwice', params: { code } });
    seen.add(code.toLowerCase());
    if (!l.text.trim()) out.push({ step: 'questions', field: `${at}-loc-${i}-text`, code: 'localizedTextRequired' });
    return out;
  });
}

export function questionIssues(q: QuestionDraft, n: number): Issue[] {
  const at = `q-${n}`;
  const issues: Issue[] = [];
  const number = n + 1;
  if (!q.text.trim()) issues.push({ step: 'questions', field: `${at}-text`, code: 'questionTextRequired', params: { number } });
  issues.push(...localizationIssues(q.localizations, at));
  if (q.kind === 'multipleChoice') {
    if (q.choices.length === 0) issues.push({ step: 'questions', field: `${at}-add-choice`, code: 'choicesRequired', params: { number } });
    q.choices.forEach((c, i) => {
      if (!c.value.trim()) issues.push({ step: 'questions', field: `${at}-c-${i}-value`, code: 'choiceValueRequired', params: { number } });
      issues.push(...localizationIssues(c.localizations, `${at}-c-${i}`));
    });
  } else if (q.regex) {
    try {
      new RegExp(q.regex);
    } catch {
      issues.push({ step: 'questions', field: `${at}-regex`, code: 'regexInvalid', params: { number } });
    }
  }
  return issues;
}

/** Expiry: 0 to 3660 days, a positive number of hours, or a date after `today` (yyyy-mm-dd). */
export function expirationIssues(policy: PolicyDraft, today: string): Issue[] {
  switch (policy.expiration) {
    case 'days': {
      const days = wholeNumber(policy.expirationDays);
      return days !== undefined && days <= MAX_EXPIRATION_DAYS
        ? []
        : [{ step: 'lifecycle', field: 'expiration-days', code: 'expirationDays', params: { max: MAX_EXPIRATION_DAYS } }];
    }
    case 'hours': {
      const hours = wholeNumber(policy.expirationHours);
      return hours !== undefined && hours >= 1 ? [] : [{ step: 'lifecycle', field: 'expiration-hours', code: 'expirationHours' }];
    }
    case 'date':
      return /^\d{4}-\d\d-\d\d$/.test(policy.expirationDate) && policy.expirationDate > today
        ? []
        : [{ step: 'lifecycle', field: 'expiration-date', code: 'expirationDate' }];
    default:
      return [];
  }
}

export function policyIssues(policy: PolicyDraft, today: string): Issue[] {
  const issues: Issue[] = [];
  if (!policy.name.trim()) issues.push({ step: 'requests', field: 'policy-name', code: 'policyNameRequired' });
  if (policy.who === 'specific' && targetsFor(policy).length === 0) issues.push({ step: 'requests', field: 'targets', code: 'targetsRequired' });
  if (policy.who === 'specificOrganizations' && targetsFor(policy).length === 0) {
    issues.push({ step: 'requests', field: 'organizations', code: 'organizationsRequired' });
  }
  // Seed 003: letting any external user request "would allow any identity on the Internet to request access".
  if (policy.who === 'allExternal' && !policy.requireApproval) issues.push({ step: 'requests', field: 'require-approval', code: 'externalNeedsApproval' });
  if (policy.who !== 'none' && policy.requireApproval) {
    const count = stageCountIssues(policy.stageCount);
    issues.push(...count);
    if (count.length === 0) activeStages(policy).forEach((stage, n) => issues.push(...stageIssues(stage, n)));
  }
  policy.questions.forEach((q, n) => issues.push(...questionIssues(q, n)));
  issues.push(...expirationIssues(policy, today));
  return issues;
}

export function basicsIssues(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  if (!draft.name.trim()) issues.push({ step: 'basics', field: 'name', code: 'nameRequired' });
  if (draft.catalogMode === 'existing' && !draft.catalogId) issues.push({ step: 'basics', field: 'catalog', code: 'catalogRequired' });
  if (draft.catalogMode === 'new' && !draft.newCatalogName.trim()) {
    issues.push({ step: 'basics', field: 'new-catalog-name', code: 'catalogNameRequired' });
  }
  return issues;
}

/** Every problem of the draft, in the order of the steps. */
export function draftIssues(draft: Draft, today: string): Issue[] {
  return [...basicsIssues(draft), ...policyIssues(draft.policy, today)];
}
