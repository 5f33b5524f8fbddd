// The editor's drafts as Graph bodies and back, and creation in Graph's order (seed 003, "Create an access package
// by using Microsoft Graph"): the catalog if new, resource requests for resources not yet in it, the package, a
// resourceRoleScope per role, the policy. No lit: tested in Node.
import type { AdminVerbs } from '@entitlement-kit/sdk/admin';
import type {
  AccessPackage,
  AccessPackageCatalog,
  AccessPackageResource,
  AccessPackageResourceRoleScope,
  ApprovalStageSettings,
  AssignmentPolicy,
  CustomExtensionStage,
  EntitlementClient,
  LocalizedText,
  MultipleChoiceQuestion,
  Question,
  SubjectSet,
  TextInputQuestion,
} from '../internal/sdk.ts';
import {
  activeStages,
  newPolicy,
  newStage,
  targetsFor,
  type ApproverKind,
  type Draft,
  type LocalizedDraft,
  type PolicyDraft,
  type Principal,
  type QuestionDraft,
  type RoleDraft,
  type StageDraft,
  type WhoCanRequest,
} from './editor-draft.ts';

const EM = '/identityGovernance/entitlementManagement';
const type = (name: string) => `#microsoft.graph.${name}`;

const SCOPES: Record<WhoCanRequest, NonNullable<AssignmentPolicy['allowedTargetScope']>> = {
  specific: 'specificDirectoryUsers',
  allMembers: 'allMemberUsers',
  allUsers: 'allDirectoryUsers',
  specificOrganizations: 'specificConnectedOrganizationUsers',
  allOrganizations: 'allConfiguredConnectedOrganizationUsers',
  allExternal: 'allExternalUsers',
  none: 'notSpecified',
};

/** The subject set naming a user, a group or a connected organization (singleUser / groupMembers / connectedOrganizationMembers). */
export function subjectOf(p: Principal): SubjectSet {
  if (p.kind === 'organization') return { '@odata.type': type('connectedOrganizationMembers'), connectedOrganizationId: p.id } as unknown as SubjectSet;
  return (p.kind === 'group' ? { '@odata.type': type('groupMembers'), groupId: p.id } : { '@odata.type': type('singleUser'), userId: p.id }) as unknown as SubjectSet;
}


const managerSet = (level: number) => ({ '@odata.type': type('requestorManager'), managerLevel: level }) as SubjectSet;

function primaryOf(stage: StageDraft): SubjectSet[] {
  if (stage.approverKind === 'manager') return [managerSet(1)];
  if (stage.approverKind === 'sponsors') return [{ '@odata.type': type('targetUserSponsors') } as SubjectSet];
  if (stage.approverKind === 'internalSponsors' || stage.approverKind === 'externalSponsors') return [{ '@odata.type': type(stage.approverKind) } as SubjectSet];
  return stage.approvers.map(subjectOf);
}

export function stageBody(stage: StageDraft): ApprovalStageSettings {
  const secondLevel = stage.forward && stage.secondLevelManager && stage.approverKind === 'manager';
  return {
    durationBeforeAutomaticDenial: `P${Number(stage.decisionDays)}D`,
    isApproverJustificationRequired: stage.justificationRequired,
    isEscalationEnabled: stage.forward,
    durationBeforeEscalation: stage.forward ? `P${Number(stage.forwardAfterDays)}D` : null,
    primaryApprovers: primaryOf(stage),
    fallbackPrimaryApprovers: stage.approverKind === 'specific' ? [] : stage.fallbacks.map(subjectOf),
    escalationApprovers: !stage.forward ? [] : secondLevel ? [managerSet(2)] : stage.alternates.map(subjectOf),
    fallbackEscalationApprovers: secondLevel ? stage.alternateFallbacks.map(subjectOf) : [],
  };
}

const localized = (list: LocalizedDraft[]): LocalizedText[] =>
  list.map((l) => ({ languageCode: l.languageCode.trim(), text: l.text }));

export function questionBody(q: QuestionDraft, sequence: number): Question {
  const base = {
    ...(q.id ? { id: q.id } : {}),
    text: q.text,
    isRequired: q.required,
    isAnswerEditable: true,
    sequence,
    localizations: localized(q.localizations),
  };
  if (q.kind === 'multipleChoice') {
    const choice: MultipleChoiceQuestion = {
      '@odata.type': type('accessPackageMultipleChoiceQuestion'),
      ...base,
      choices: q.choices.map((c) => ({ actualValue: c.actualValue ?? c.value.trim(), text: c.value.trim(), localizations: localized(c.localizations) })),
      isMultipleSelectionAllowed: q.multipleSelection,
    };
    return choice;
  }
  const text: TextInputQuestion = {
    '@odata.type': type('accessPackageTextInputQuestion'),
    ...base,
    isSingleLineQuestion: q.kind === 'shortText',
    regexPattern: q.regex || null,
  };
  return text;
}

/** End of the chosen day in the browser's zone, as Graph's instant. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

export function expirationBody(policy: PolicyDraft): AssignmentPolicy['expiration'] {
  switch (policy.expiration) {
    case 'days':
      return { type: 'afterDuration', duration: `P${Number(policy.expirationDays)}D` };
    case 'hours':
      return { type: 'afterDuration', duration: `PT${Number(policy.expirationHours)}H` };
    case 'date':
      return { type: 'afterDateTime', endDateTime: endOfDay(policy.expirationDate) };
    default:
      return { type: 'noExpiration' };
  }
}

/** The POST / PUT body of a policy of package `packageId`. */
export function policyBody(policy: PolicyDraft, packageId: string): AssignmentPolicy & { accessPackage: { id: string } } {
  const requests = policy.who !== 'none' && policy.enabled;
  const stages = activeStages(policy);
  return {
    displayName: policy.name.trim(),
    description: policy.description,
    allowedTargetScope: SCOPES[policy.who],
    specificAllowedTargets: targetsFor(policy).map(subjectOf),
    expiration: expirationBody(policy),
    requestorSettings: {
      enableTargetsToSelfAddAccess: requests,
      enableTargetsToSelfUpdateAccess: requests && policy.allowExtend,
      enableTargetsToSelfRemoveAccess: policy.who !== 'none' && policy.kept.selfRemove,
      allowCustomAssignmentSchedule: policy.customTimeline,
      enableOnBehalfRequestorsToAddAccess: requests && policy.onBehalf,
      // Managers act on behalf only while the policy names them (onBehalfRequestors below).
      enableOnBehalfRequestorsToUpdateAccess: requests && policy.onBehalf && policy.kept.onBehalfUpdate,
      enableOnBehalfRequestorsToRemoveAccess: requests && policy.onBehalf && policy.kept.onBehalfRemove,
      onBehalfRequestors: requests && policy.onBehalf ? [{ '@odata.type': type('targetManager'), managerLevel: 1 } as SubjectSet] : [],
    },
    requestApprovalSettings: {
      isApprovalRequiredForAdd: stages.length > 0,
      isApprovalRequiredForUpdate: stages.length > 0 && policy.allowExtend && policy.extendNeedsApproval,
      isRequestorJustificationRequired: policy.who !== 'none' && policy.requireJustification,
      stages: stages.map(stageBody),
    },
    questions: policy.who === 'none' ? [] : policy.questions.map(questionBody),
    notificationSettings: { isAssignmentNotificationDisabled: policy.emailsDisabled },
    customExtensionStageSettings: (Object.entries(policy.extensions) as [CustomExtensionStage, string][])
      .filter(([, id]) => id)
      .map(([stage, id]) => ({ stage, customExtension: { id } })),
    accessPackage: { id: packageId },
  } as AssignmentPolicy & { accessPackage: { id: string } };
}

// ---- from Graph, for editing ----

type AnySet = SubjectSet & { userId?: string | null; groupId?: string | null; connectedOrganizationId?: string | null; managerLevel?: number | null; description?: string | null };
const kindOf = (set: SubjectSet) => (set['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./, '');

/** Users, groups and connected organizations named in subject sets (others, like the manager, are read apart). */
export function principalsOf(sets: readonly SubjectSet[] | null | undefined, nameOf: (id: string) => string | undefined): Principal[] {
  return ((sets ?? []) as AnySet[]).flatMap((set): Principal[] => {
    const kind = kindOf(set);
    if (kind === 'singleUser' && set.userId) return [{ kind: 'user', id: set.userId, name: nameOf(set.userId) ?? set.description ?? set.userId }];
    if (kind === 'groupMembers' && set.groupId) return [{ kind: 'group', id: set.groupId, name: nameOf(set.groupId) ?? set.description ?? set.groupId }];
    if (kind === 'connectedOrganizationMembers' && set.connectedOrganizationId) {
      const id = set.connectedOrganizationId;
      return [{ kind: 'organization', id, name: nameOf(id) ?? set.description ?? id }];
    }
    return [];
  });
}

const durationDays = (iso: string | null | undefined) => /^P(\d+)D$/.exec(iso ?? '')?.[1] ?? '';

function stageFromGraph(s: ApprovalStageSettings, nameOf: (id: string) => string | undefined): StageDraft {
  const primary = (s.primaryApprovers ?? []) as AnySet[];
  const kinds = primary.map(kindOf);
  const approverKind: ApproverKind = kinds.includes('requestorManager')
    ? 'manager'
    : kinds.includes('targetUserSponsors')
      ? 'sponsors'
      : kinds.includes('internalSponsors')
        ? 'internalSponsors'
        : kinds.includes('externalSponsors')
          ? 'externalSponsors'
          : 'specific';
  const escalation = (s.escalationApprovers ?? []) as AnySet[];
  const secondLevel = escalation.some((e) => kindOf(e) === 'requestorManager' && (e.managerLevel ?? 1) === 2);
  return {
    approverKind,
    approvers: approverKind === 'specific' ? principalsOf(primary, nameOf) : [],
    fallbacks: principalsOf(s.fallbackPrimaryApprovers, nameOf),
    decisionDays: durationDays(s.durationBeforeAutomaticDenial) || '14',
    justificationRequired: !!s.isApproverJustificationRequired,
    forward: !!s.isEscalationEnabled,
    secondLevelManager: secondLevel,
    alternates: secondLevel ? [] : principalsOf(escalation, nameOf),
    alternateFallbacks: principalsOf(s.fallbackEscalationApprovers, nameOf),
    forwardAfterDays: durationDays(s.durationBeforeEscalation),
  };
}

function questionFromGraph(q: Question): QuestionDraft {
  const choice = q as MultipleChoiceQuestion;
  const text = q as TextInputQuestion;
  const locs = (list: readonly LocalizedText[] | null | undefined) => (list ?? []).map((l) => ({ languageCode: l.languageCode ?? '', text: l.text ?? '' }));
  const isChoice = (q['@odata.type'] ?? '').endsWith('MultipleChoiceQuestion');
  return {
    id: q.id ?? undefined,
    kind: isChoice ? 'multipleChoice' : text.isSingleLineQuestion === false ? 'longText' : 'shortText',
    text: q.text ?? '',
    required: !!q.isRequired,
    localizations: locs(q.localizations),
    regex: isChoice ? '' : (text.regexPattern ?? ''),
    choices: isChoice
      ? (choice.choices ?? []).map((c) => ({ value: c.text ?? c.actualValue ?? '', actualValue: c.actualValue ?? undefined, localizations: locs(c.localizations) }))
      : [],
    multipleSelection: isChoice && !!choice.isMultipleSelectionAllowed,
  };
}

/** A stored policy as the editor's draft, to edit and PUT back. */
export function policyToDraft(p: AssignmentPolicy, nameOf: (id: string) => string | undefined = () => undefined): PolicyDraft {
  const base = newPolicy(p.displayName ?? '');
  const who = (Object.keys(SCOPES) as WhoCanRequest[]).find((k) => SCOPES[k] === p.allowedTargetScope) ?? 'none';
  const settings = p.requestorSettings ?? {};
  const approval = p.requestApprovalSettings ?? {};
  const stages = (approval.stages ?? []).map((s) => stageFromGraph(s, nameOf));
  const expiration = p.expiration ?? {};
  const duration = expiration.duration ?? '';
  const hours = /^PT(\d+)H$/.exec(duration)?.[1];
  const ext = (p as AssignmentPolicy & { customExtensionStageSettings?: { stage?: CustomExtensionStage; customExtension?: { id?: string | null } | null }[] })
    .customExtensionStageSettings;
  return {
    ...base,
    id: p.id ?? undefined,
    description: p.description ?? '',
    who,
    targets: principalsOf(p.specificAllowedTargets, nameOf),
    onBehalf: !!settings.enableOnBehalfRequestorsToAddAccess,
    requireApproval: !!approval.isApprovalRequiredForAdd,
    requireJustification: !!approval.isRequestorJustificationRequired,
    stageCount: String(Math.max(1, stages.length)),
    stages: [...stages, newStage(), newStage(), newStage()].slice(0, 3),
    enabled: who === 'none' ? true : !!(settings.enableTargetsToSelfAddAccess || settings.enableOnBehalfRequestorsToAddAccess),
    emailsDisabled: !!(p as AssignmentPolicy & { notificationSettings?: { isAssignmentNotificationDisabled?: boolean | null } | null }).notificationSettings?.isAssignmentNotificationDisabled,
    questions: ((p as AssignmentPolicy & { questions?: Question[] }).questions ?? []).map(questionFromGraph),
    expiration: expiration.type === 'afterDateTime' ? 'date' : expiration.type === 'afterDuration' ? (hours ? 'hours' : 'days') : 'never',
    expirationDays: durationDays(duration) || base.expirationDays,
    expirationHours: hours ?? base.expirationHours,
    expirationDate: expiration.endDateTime ? expiration.endDateTime.slice(0, 10) : '',
    customTimeline: !!settings.allowCustomAssignmentSchedule,
    allowExtend: !!settings.enableTargetsToSelfUpdateAccess,
    extendNeedsApproval: !!approval.isApprovalRequiredForUpdate,
    extensions: Object.fromEntries((ext ?? []).filter((s) => s.stage && s.customExtension?.id).map((s) => [s.stage, s.customExtension!.id!])),
    kept: {
      selfRemove: !!settings.enableTargetsToSelfRemoveAccess,
      onBehalfUpdate: !!settings.enableOnBehalfRequestorsToUpdateAccess,
      onBehalfRemove: !!settings.enableOnBehalfRequestorsToRemoveAccess,
    },
  };
}

// ---- creation ----

/** What exists after a create that stopped part-way; a resumed create skips it. */
export interface CreateProgress {
  catalog?: AccessPackageCatalog;
  /** originIds of the resources this create brought into the catalog. */
  resourcesAdded: string[];
  pkg?: AccessPackage;
  /** roleKey() of each role the package has, with its resourceRoleScope. */
  roleScopes: Record<string, AccessPackageResourceRoleScope>;
  policy?: AssignmentPolicy;
}

export const roleKey = (r: RoleDraft) => `${r.originId}|${r.roleOriginId}`;
export const emptyProgress = (): CreateProgress => ({ resourcesAdded: [], roleScopes: {} });

export interface EditorApi {
  client: EntitlementClient;
  admin: AdminVerbs;
}

/** The catalog's resources with their roles and scopes (Graph's second step: roles are picked from these). */
export async function catalogResources(client: EntitlementClient, catalogId: string, signal?: AbortSignal): Promise<AccessPackageResource[]> {
  const { data } = await client.raw.GET(`${EM}/catalogs/{accessPackageCatalog-id}/resources`, {
    params: { path: { 'accessPackageCatalog-id': catalogId }, query: { $expand: ['roles', 'scopes'] } as never },
    signal,
  });
  return (data as { value?: AccessPackageResource[] } | undefined)?.value ?? [];
}

/** Adds a directory resource to a catalog (an accessPackageResourceRequest, adminAdd). */
export async function addResourceToCatalog(client: EntitlementClient, catalogId: string, role: RoleDraft): Promise<void> {
  await client.raw.POST(`${EM}/resourceRequests`, {
    body: { requestType: 'adminAdd', resource: { originId: role.originId, originSystem: role.originSystem }, catalog: { id: catalogId } },
  });
}

/** The resourceRoleScope body for a role of a resource as the catalog lists it. */
export function roleScopeBody(role: RoleDraft, resources: AccessPackageResource[]): AccessPackageResourceRoleScope {
  const resource = resources.find((r) => r.originId === role.originId);
  if (!resource?.id) throw new Error(`${role.resourceName} is not in the catalog.`);
  const graphRole = resource.roles?.find((r) => r.originId === role.roleOriginId);
  const scope = resource.scopes?.find((s) => s.isRootScope) ?? resource.scopes?.[0];
  return {
    role: {
      ...(graphRole?.id ? { id: graphRole.id } : {}),
      originId: role.roleOriginId,
      originSystem: role.originSystem,
      resource: { id: resource.id, originId: resource.originId, originSystem: resource.originSystem },
    },
    scope: { ...(scope?.id ? { id: scope.id } : {}), originId: scope?.originId ?? role.originId, originSystem: role.originSystem },
  };
}

/**
 * Creates what the draft describes, skipping what `progress` says exists; `progress` is updated after every call
 * (and `onStep` told), so a failure leaves an exact account of what was made, and running again resumes.
 */
export async function createPackage(api: EditorApi, draft: Draft, progress: CreateProgress, onStep: () => void): Promise<CreateProgress> {
  const { admin, client } = api;
  if (draft.catalogMode === 'new' && !progress.catalog) {
    progress.catalog = await admin.createCatalog({ displayName: draft.newCatalogName.trim(), description: draft.newCatalogDescription });
    onStep();
  }
  const catalogId = draft.catalogMode === 'new' ? progress.catalog!.id! : draft.catalogId;
  for (const role of draft.roles) {
    if (role.catalogResourceId || progress.resourcesAdded.includes(role.originId)) continue;
    await addResourceToCatalog(client, catalogId, role);
    progress.resourcesAdded.push(role.originId);
    onStep();
  }
  if (!progress.pkg) {
    progress.pkg = await admin.createAccessPackage({ displayName: draft.name.trim(), description: draft.description, catalog: { id: catalogId } });
    onStep();
  }
  const packageId = progress.pkg.id!;
  const missing = draft.roles.filter((r) => !progress.roleScopes[roleKey(r)]);
  if (missing.length) {
    const resources = await catalogResources(client, catalogId);
    for (const role of missing) {
      progress.roleScopes[roleKey(role)] = await admin.addResourceRoleScope(packageId, roleScopeBody(role, resources));
      onStep();
    }
  }
  if (!progress.policy) {
    progress.policy = await admin.createPolicy(policyBody(draft.policy, packageId));
    onStep();
  }
  return progress;
}
