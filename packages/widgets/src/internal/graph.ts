// Reading Graph objects the way the My Access pages do. Navigation properties may come back unexpanded
// (`{}` or null), so every accessor tolerates their absence.
import type {
  AccessPackage,
  ApprovalStage,
  Assignment,
  AssignmentPolicy,
  AssignmentRequest,
  LocalizedText,
  MultipleChoiceQuestion,
  Question,
  RequestorSettings,
  TextInputQuestion,
} from './sdk.ts';

/** The text for `locale` from `localizations` (exact tag first, then language), else the default `text`. */
export function localizedText(
  localizations: readonly LocalizedText[] | null | undefined,
  fallback: string | null | undefined,
  locale: string,
): string {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const list = localizations ?? [];
  const exact = list.find((l) => l.languageCode?.toLowerCase() === wanted && l.text);
  const sameLanguage = list.find((l) => l.languageCode?.toLowerCase().split('-')[0] === language && l.text);
  return exact?.text ?? sameLanguage?.text ?? fallback ?? '';
}

export type QuestionKind = 'shortText' | 'longText' | 'singleChoice' | 'multipleChoice';

export function isChoiceQuestion(question: Question): question is MultipleChoiceQuestion {
  return question['@odata.type']?.endsWith('accessPackageMultipleChoiceQuestion') === true || 'choices' in question;
}

export function questionKind(question: Question): QuestionKind {
  if (isChoiceQuestion(question)) return question.isMultipleSelectionAllowed ? 'multipleChoice' : 'singleChoice';
  return (question as TextInputQuestion).isSingleLineQuestion === false ? 'longText' : 'shortText';
}

export function regexOf(question: Question): RegExp | undefined {
  const source = (question as TextInputQuestion).regexPattern;
  if (!source) return undefined;
  try {
    // As Graph applies it: a pattern that should cover the whole answer says so with ^ and $.
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

export function sortedQuestions(questions: readonly Question[] | null | undefined): Question[] {
  return [...(questions ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
}

export function packageOf(item: AssignmentRequest | Assignment): AccessPackage | undefined {
  const pkg = item.accessPackage;
  return pkg && 'id' in pkg ? (pkg as AccessPackage) : undefined;
}

export function packageIdOf(request: AssignmentRequest): string | undefined {
  return packageOf(request)?.id ?? request.assignment?.accessPackageId ?? undefined;
}

export function targetIdOf(request: AssignmentRequest): string | undefined {
  const assignment = request.assignment;
  return assignment?.targetId ?? assignment?.target?.objectId ?? undefined;
}

export function policyIdOf(request: AssignmentRequest): string | undefined {
  return request.assignment?.assignmentPolicyId ?? request.assignment?.assignmentPolicy?.id ?? undefined;
}

export function assignmentPolicyIdOf(assignment: Assignment): string | undefined {
  return assignment.assignmentPolicyId ?? assignment.assignmentPolicy?.id ?? undefined;
}

/** Graph lets a requestor cancel while the request still waits (submitted, pending approval). */
export function canCancel(request: AssignmentRequest): boolean {
  return request.state === 'submitted' || request.state === 'pendingApproval';
}

/**
 * Denied (which includes timed-out approvals, as Graph has no expired request state) and canceled requests can be
 * asked for again with the same answers.
 */
export function canResubmit(request: AssignmentRequest): boolean {
  const expired = request.status?.toLowerCase().includes('expired') === true;
  return request.requestType !== 'userRemove' && (request.state === 'denied' || request.state === 'canceled' || expired);
}

function settingsOf(policy: AssignmentPolicy): RequestorSettings | undefined {
  return (policy.requestorSettings ?? undefined) as RequestorSettings | undefined;
}

/**
 * Someone may act for others only when onBehalfRequestors names who. A targetManager entry covers the caller's
 * direct reports at any managerLevel (they are one level down); other subject sets are for Graph to resolve.
 */
function othersMayAct(settings: RequestorSettings): boolean {
  return (settings.onBehalfRequestors ?? []).length > 0;
}

export function allowsOnBehalfAdd(policy: AssignmentPolicy): boolean {
  const settings = settingsOf(policy);
  return settings?.enableOnBehalfRequestorsToAddAccess === true && othersMayAct(settings);
}

export function allowsOnBehalfRemove(policy: AssignmentPolicy): boolean {
  const settings = settingsOf(policy);
  return settings?.enableOnBehalfRequestorsToRemoveAccess === true && othersMayAct(settings);
}

export function allowsSelfAdd(policy: AssignmentPolicy): boolean {
  return settingsOf(policy)?.enableTargetsToSelfAddAccess === true;
}

/** Whether the approver of stage `index` (0-based) must justify their decision. */
export function approverJustificationRequired(policy: AssignmentPolicy | undefined, index: number): boolean {
  return policy?.requestApprovalSettings?.stages?.[index]?.isApproverJustificationRequired === true;
}

export function stageTimeout(policy: AssignmentPolicy | undefined, index: number): string | undefined {
  return policy?.requestApprovalSettings?.stages?.[index]?.durationBeforeAutomaticDenial ?? undefined;
}

/** Graph ids go into OData string literals, where a quote is doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Whether an approval stage has been decided (approved or denied). */
export const decided = (stage: ApprovalStage) => !!stage.reviewResult && stage.reviewResult.toLowerCase() !== 'notreviewed';
