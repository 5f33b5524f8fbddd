// Reading Graph objects the way the My Access pages do. Navigation properties may come back unexpanded
// (`{}` or null), so every accessor tolerates their absence. What only the on-demand views need is apart, so it
// arrives with them: questions in ./questions.ts, request and policy rules in ./request-rules.ts.
import type { AccessPackage, ApprovalStage, Assignment, AssignmentPolicy, AssignmentRequest, RequestorSettings } from './sdk.ts';

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

export function settingsOf(policy: AssignmentPolicy): RequestorSettings | undefined {
  return (policy.requestorSettings ?? undefined) as RequestorSettings | undefined;
}

/**
 * Someone may act for others only when onBehalfRequestors names who. A targetManager entry covers the caller's
 * direct reports at any managerLevel (they are one level down); other subject sets are for Graph to resolve.
 */
export function othersMayAct(settings: RequestorSettings): boolean {
  return (settings.onBehalfRequestors ?? []).length > 0;
}

export function allowsOnBehalfRemove(policy: AssignmentPolicy): boolean {
  const settings = settingsOf(policy);
  return settings?.enableOnBehalfRequestorsToRemoveAccess === true && othersMayAct(settings);
}

/** Graph ids go into OData string literals, where a quote is doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Whether an approval stage has been decided (approved or denied). */
export const decided = (stage: ApprovalStage) => !!stage.reviewResult && stage.reviewResult.toLowerCase() !== 'notreviewed';
