// What the editor's form holds between steps: plain data, no lit, so the rules (editor-rules.ts) and the Graph
// bodies (editor-graph.ts) are tested in Node. Numbers stay the text typed, so nothing a user typed is lost to parsing.
import type { CustomExtensionStage } from '../internal/sdk.ts';

/** The steps of "New access package", in seed 003's order. */
export const STEPS = ['basics', 'resources', 'requests', 'questions', 'lifecycle', 'extensions', 'review'] as const;
/** The panels of an existing package. */
export const EDIT_STEPS = ['basics', 'resources', 'policies', 'separation', 'assignments'] as const;
/** The panels of one policy of an existing package (a new one, or one to change). */
export const POLICY_STEPS = ['requests', 'questions', 'lifecycle', 'extensions', 'review'] as const;
export type StepId = (typeof STEPS)[number] | (typeof EDIT_STEPS)[number];

/** Seed 003's "Users who can request access", each one Graph allowedTargetScope. */
export type WhoCanRequest = 'specific' | 'allMembers' | 'allUsers' | 'specificOrganizations' | 'allOrganizations' | 'allExternal' | 'none';
/** Who approves a stage: for users in the directory the manager or sponsors, for external users internal or
 * external sponsors (seed 003), or specific users and groups. */
export type ApproverKind = 'manager' | 'sponsors' | 'internalSponsors' | 'externalSponsors' | 'specific';

/** The approver kinds seed 003 offers for a policy's requestors. */
export function approverKindsFor(who: WhoCanRequest): ApproverKind[] {
  return who === 'specificOrganizations' || who === 'allOrganizations' || who === 'allExternal' ? ['internalSponsors', 'externalSponsors', 'specific'] : ['manager', 'sponsors', 'specific'];
}
/** The requestors a policy names: users and groups, or connected organizations, as `who` says. */
export function targetsFor(policy: { who: WhoCanRequest; targets: Principal[] }): Principal[] {
  if (policy.who === 'specific') return policy.targets.filter((t) => t.kind !== 'organization');
  if (policy.who === 'specificOrganizations') return policy.targets.filter((t) => t.kind === 'organization');
  return [];
}
export type QuestionKind = 'shortText' | 'longText' | 'multipleChoice';
export type ExpirationKind = 'days' | 'hours' | 'date' | 'never';

/** A user or a group named in a policy (an approver, a requestor), or a connected organization whose users may
 * request, with the name shown for it. */
export interface Principal {
  kind: 'user' | 'group' | 'organization';
  id: string;
  name: string;
}

export interface StageDraft {
  approverKind: ApproverKind;
  approvers: Principal[];
  /** For manager or sponsors as approver: who gets the request when there is none. */
  fallbacks: Principal[];
  decisionDays: string;
  justificationRequired: boolean;
  /** "If no action taken, forward to alternate approvers". */
  forward: boolean;
  /** "Second level manager as alternate approver" (only with the manager as approver); needs `alternateFallbacks`. */
  secondLevelManager: boolean;
  alternates: Principal[];
  alternateFallbacks: Principal[];
  forwardAfterDays: string;
}

export interface LocalizedDraft {
  languageCode: string;
  text: string;
}

export interface ChoiceDraft {
  /** The answer value as requestors see it (Graph's text). */
  value: string;
  /** Graph's actualValue of an existing choice, kept so earlier answers still match; a new choice uses `value`. */
  actualValue?: string;
  localizations: LocalizedDraft[];
}

export interface QuestionDraft {
  /** Kept across edits so a PUT keeps the question's id (and the answers given to it). */
  id?: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  localizations: LocalizedDraft[];
  regex: string;
  choices: ChoiceDraft[];
  multipleSelection: boolean;
}

/** A role of a resource the package grants; `catalogResourceId` is unset while the resource is not in the catalog yet. */
export interface RoleDraft {
  originSystem: string;
  originId: string;
  resourceName: string;
  catalogResourceId?: string;
  roleOriginId: string;
  roleName: string;
  /** Set once the package has this role (edit mode, or a create that stopped part-way). */
  roleScopeId?: string;
}

export interface PolicyDraft {
  /** Set when editing an existing policy. */
  id?: string;
  name: string;
  description: string;
  who: WhoCanRequest;
  targets: Principal[];
  onBehalf: boolean;
  requireApproval: boolean;
  requireJustification: boolean;
  stageCount: string;
  stages: StageDraft[];
  enabled: boolean;
  /** Seed 003's "disable assignment emails" (delivered, expired, about to expire). */
  emailsDisabled: boolean;
  questions: QuestionDraft[];
  expiration: ExpirationKind;
  expirationDays: string;
  expirationHours: string;
  expirationDate: string;
  customTimeline: boolean;
  allowExtend: boolean;
  extendNeedsApproval: boolean;
  extensions: Partial<Record<CustomExtensionStage, string>>;
  /**
   * Settings Graph has and the editor does not show (Entra's own policy page has no control for them either): kept
   * as the stored policy had them, so saving an edit does not switch them off. A new policy lets targets remove
   * their own access and managers only request on behalf.
   */
  kept: { selfRemove: boolean; onBehalfUpdate: boolean; onBehalfRemove: boolean };
}

export interface Draft {
  name: string;
  description: string;
  catalogMode: 'existing' | 'new';
  catalogId: string;
  newCatalogName: string;
  newCatalogDescription: string;
  roles: RoleDraft[];
  policy: PolicyDraft;
}

export const MAX_STAGES = 3;

export const newStage = (): StageDraft => ({
  approverKind: 'specific',
  approvers: [],
  fallbacks: [],
  decisionDays: '14',
  justificationRequired: false,
  forward: false,
  secondLevelManager: false,
  alternates: [],
  alternateFallbacks: [],
  forwardAfterDays: '',
});

export const newQuestion = (): QuestionDraft => ({
  kind: 'shortText',
  text: '',
  required: false,
  localizations: [],
  regex: '',
  choices: [],
  multipleSelection: false,
});

export function newPolicy(name = ''): PolicyDraft {
  return {
    name,
    description: '',
    who: 'allMembers',
    targets: [],
    onBehalf: false,
    requireApproval: true,
    requireJustification: false,
    stageCount: '1',
    stages: [{ ...newStage(), approverKind: 'manager' }, newStage(), newStage()],
    enabled: true,
    emailsDisabled: false,
    questions: [],
    expiration: 'days',
    expirationDays: '365',
    expirationHours: '8',
    expirationDate: '',
    customTimeline: false,
    allowExtend: false,
    extendNeedsApproval: false,
    extensions: {},
    kept: { selfRemove: true, onBehalfUpdate: false, onBehalfRemove: false },
  };
}

export function newDraft(): Draft {
  return {
    name: '',
    description: '',
    catalogMode: 'existing',
    catalogId: '',
    newCatalogName: '',
    newCatalogDescription: '',
    roles: [],
    policy: newPolicy(),
  };
}

/** The stages in use: the first `stageCount` (1-3 when valid). */
export function activeStages(policy: PolicyDraft): StageDraft[] {
  const n = Number(policy.stageCount);
  return policy.requireApproval && policy.who !== 'none' ? policy.stages.slice(0, Number.isInteger(n) ? Math.max(0, Math.min(n, MAX_STAGES)) : 0) : [];
}
