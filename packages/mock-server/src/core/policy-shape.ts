// Reading a policy body (POST or PUT) into the stored form: every property type-checked, every reference
// resolved, the approval and escalation rules applied, and nothing kept that the Graph schema does not have.
import { parseMembershipRule } from './membership-rule.ts';
import { own } from './own-keys.ts';
import type {
  ApprovalSettings,
  ApprovalStageSettings,
  AssignmentPolicy,
  CustomExtensionStage,
  ExpirationPattern,
  LocalizedText,
  RequestorSettings,
  SubjectSet,
} from '@entitlement-kit/sdk';
import { isAnswerPattern } from './answer-pattern.ts';
import { MAX_MANAGER_LEVEL } from './directory.ts';
import { badRequest, missingProperty, notFound } from './errors.ts';
import { escalationDelay, DEFAULT_TIMEOUT } from './escalation.ts';
import { EXPIRATION_STAGES, isRequestWorkflow, REQUEST_STAGES } from './extensions.ts';
import type { PolicyQuestion, PolicyRecord } from './state.ts';
import { APPROVER_KINDS, ON_BEHALF_KINDS, TARGET_KINDS } from './subject-sets.ts';
import { durationMs, instantMs, iso } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, any>;

const TARGET_SCOPES = [
  'notSpecified',
  'specificDirectoryUsers',
  'specificConnectedOrganizationUsers',
  'specificDirectoryServicePrincipals',
  'allMemberUsers',
  'allDirectoryUsers',
  'allDirectoryServicePrincipals',
  'allConfiguredConnectedOrganizationUsers',
  'allExternalUsers',
];

const invalid = (target: string, message: string) => badRequest('InvalidProperty', message, target);

function bool(value: unknown, target: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalid(target, `${target} must be a boolean.`);
  return value;
}

function optionalString(value: unknown, target: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(target, `${target} must be a string.`);
  return value;
}

function list(value: unknown, target: string): Body[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => !v || typeof v !== 'object')) {
    throw invalid(target, `${target} must be an array of objects.`);
  }
  return value;
}

function duration(value: unknown, target: string): string {
  if (!durationMs(value)) throw invalid(target, `${target} must be a positive ISO 8601 duration such as P14D or PT8H.`);
  return value as string;
}

/** Microsoft's own policy examples send `durationBeforeEscalation: "PT0S"` for a stage that does not escalate. */
function durationOrZero(value: unknown, target: string): string {
  if (durationMs(value) === 0) return value as string;
  return duration(value, target);
}

/** Subject sets limited to the kinds `allowed`, with every referenced user, group or organization checked. */
function subjectSets(tx: Tx, value: unknown, target: string, allowed: readonly string[]): SubjectSet[] {
  const { state } = tx;
  return list(value, target).map((set): SubjectSet => {
    const kind = String(set['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./, '');
    if (!allowed.includes(kind)) {
      throw badRequest('UnsupportedSubjectSet', `${target} does not take '${set['@odata.type']}'; use ${allowed.join(', ')}.`, target);
    }
    const type = `#microsoft.graph.${kind}`;
    switch (kind) {
      case 'singleUser': {
        const user = own(state.users, set.userId);
        if (!user) throw badRequest('InvalidReference', `${target}: no user '${set.userId}'.`, target);
        return { '@odata.type': type, userId: set.userId, description: user.displayName ?? null } as SubjectSet;
      }
      case 'groupMembers': {
        const group = own(state.groups, set.groupId);
        if (!group) throw badRequest('InvalidReference', `${target}: no group '${set.groupId}'.`, target);
        return { '@odata.type': type, groupId: set.groupId, description: group.displayName ?? null } as SubjectSet;
      }
      case 'connectedOrganizationMembers': {
        const org = own(state.connectedOrganizations, set.connectedOrganizationId);
        if (!org) throw badRequest('InvalidReference', `${target}: no connected organization '${set.connectedOrganizationId}'.`, target);
        return { '@odata.type': type, connectedOrganizationId: org.id, description: org.displayName } as SubjectSet;
      }
      case 'attributeRuleMembers': {
        parseMembershipRule(set.membershipRule);
        return { '@odata.type': type, description: optionalString(set.description, `${target}.description`), membershipRule: set.membershipRule } as SubjectSet;
      }
      case 'requestorManager':
      case 'targetManager': {
        const level = set.managerLevel ?? 1;
        if (!Number.isInteger(level) || level < 1 || level > MAX_MANAGER_LEVEL) {
          throw badRequest('InvalidManagerLevel', `${target}: managerLevel must be between 1 and ${MAX_MANAGER_LEVEL}.`, target);
        }
        return { '@odata.type': type, managerLevel: level } as SubjectSet;
      }
      default:
        return { '@odata.type': type };
    }
  });
}

function expiration(value: unknown): ExpirationPattern {
  if (value === undefined || value === null) return { type: 'noExpiration' };
  const e = value as Body;
  switch (e.type) {
    case 'noExpiration':
    case 'notSpecified':
      return { type: e.type };
    case 'afterDuration':
      // The admin center takes 0 to 3660 days (seed 003), so a policy's expiry may be a zero duration (P0D).
      if (durationMs(e.duration) === 0) return { type: 'afterDuration', duration: e.duration };
      return { type: 'afterDuration', duration: duration(e.duration, 'expiration.duration') };
    case 'afterDateTime': {
      const end = instantMs(e.endDateTime);
      if (end === undefined) throw invalid('expiration.endDateTime', 'expiration.endDateTime must be an ISO 8601 date-time.');
      return { type: 'afterDateTime', endDateTime: iso(end) };
    }
    default:
      throw invalid('expiration.type', 'expiration.type must be noExpiration, afterDuration or afterDateTime.');
  }
}

function requestorSettings(tx: Tx, value: unknown): RequestorSettings {
  const s = (value ?? {}) as Body;
  const out: RequestorSettings = {
    enableTargetsToSelfAddAccess: bool(s.enableTargetsToSelfAddAccess, 'requestorSettings.enableTargetsToSelfAddAccess'),
    enableTargetsToSelfUpdateAccess: bool(s.enableTargetsToSelfUpdateAccess, 'requestorSettings.enableTargetsToSelfUpdateAccess'),
    enableTargetsToSelfRemoveAccess: bool(s.enableTargetsToSelfRemoveAccess, 'requestorSettings.enableTargetsToSelfRemoveAccess'),
    allowCustomAssignmentSchedule: bool(s.allowCustomAssignmentSchedule, 'requestorSettings.allowCustomAssignmentSchedule'),
    enableOnBehalfRequestorsToAddAccess: bool(s.enableOnBehalfRequestorsToAddAccess, 'requestorSettings.enableOnBehalfRequestorsToAddAccess'),
    enableOnBehalfRequestorsToUpdateAccess: bool(s.enableOnBehalfRequestorsToUpdateAccess, 'requestorSettings.enableOnBehalfRequestorsToUpdateAccess'),
    enableOnBehalfRequestorsToRemoveAccess: bool(s.enableOnBehalfRequestorsToRemoveAccess, 'requestorSettings.enableOnBehalfRequestorsToRemoveAccess'),
    onBehalfRequestors: subjectSets(tx, s.onBehalfRequestors, 'requestorSettings.onBehalfRequestors', ON_BEHALF_KINDS),
  };
  const onBehalf = out.enableOnBehalfRequestorsToAddAccess || out.enableOnBehalfRequestorsToRemoveAccess;
  if (onBehalf && out.onBehalfRequestors?.length === 0) {
    throw badRequest('MissingOnBehalfRequestors', 'On-behalf requests need requestorSettings.onBehalfRequestors.', 'requestorSettings.onBehalfRequestors');
  }
  return out;
}

function stage(tx: Tx, s: Body, n: number): ApprovalStageSettings {
  const at = `requestApprovalSettings.stages[${n}]`;
  const out: ApprovalStageSettings = {
    durationBeforeAutomaticDenial: duration(s.durationBeforeAutomaticDenial ?? DEFAULT_TIMEOUT, `${at}.durationBeforeAutomaticDenial`),
    isApproverJustificationRequired: bool(s.isApproverJustificationRequired, `${at}.isApproverJustificationRequired`),
    isEscalationEnabled: bool(s.isEscalationEnabled, `${at}.isEscalationEnabled`),
    durationBeforeEscalation: s.durationBeforeEscalation == null ? null : durationOrZero(s.durationBeforeEscalation, `${at}.durationBeforeEscalation`),
    primaryApprovers: subjectSets(tx, s.primaryApprovers, `${at}.primaryApprovers`, APPROVER_KINDS),
    fallbackPrimaryApprovers: subjectSets(tx, s.fallbackPrimaryApprovers, `${at}.fallbackPrimaryApprovers`, APPROVER_KINDS),
    escalationApprovers: subjectSets(tx, s.escalationApprovers, `${at}.escalationApprovers`, APPROVER_KINDS),
    fallbackEscalationApprovers: subjectSets(tx, s.fallbackEscalationApprovers, `${at}.fallbackEscalationApprovers`, APPROVER_KINDS),
  };
  // Microsoft's two-stage example names only fallback approvers for its second stage: they approve when the primary
  // set yields nobody, so a stage needs one of the two.
  if (!out.primaryApprovers?.length && !out.fallbackPrimaryApprovers?.length) {
    throw badRequest('MissingApprovers', `${at} needs primaryApprovers or fallbackPrimaryApprovers.`, `${at}.primaryApprovers`);
  }
  const delay = escalationDelay(out);
  if (delay && typeof delay === 'object') throw badRequest('InvalidEscalationSchedule', delay.invalid, `${at}.durationBeforeEscalation`);
  if (out.isEscalationEnabled && out.escalationApprovers?.length === 0) {
    throw badRequest('MissingApprovers', `${at} enables escalation but names no escalationApprovers.`, `${at}.escalationApprovers`);
  }
  return out;
}

function approvalSettings(tx: Tx, value: unknown): ApprovalSettings {
  const a = (value ?? {}) as Body;
  const stages = list(a.stages, 'requestApprovalSettings.stages').map((s, n) => stage(tx, s, n));
  const out: ApprovalSettings = {
    isApprovalRequiredForAdd: bool(a.isApprovalRequiredForAdd, 'requestApprovalSettings.isApprovalRequiredForAdd'),
    isApprovalRequiredForUpdate: bool(a.isApprovalRequiredForUpdate, 'requestApprovalSettings.isApprovalRequiredForUpdate'),
    isRequestorJustificationRequired: bool(a.isRequestorJustificationRequired, 'requestApprovalSettings.isRequestorJustificationRequired'),
    stages,
  };
  if (stages.length > 3) throw badRequest('TooManyApprovalStages', 'A policy has at most 3 approval stages.', 'requestApprovalSettings.stages');
  if (out.isApprovalRequiredForAdd && stages.length === 0) {
    throw badRequest('MissingApprovalStages', 'Approval is required but no stage is defined.', 'requestApprovalSettings.stages');
  }
  return out;
}

function localizations(value: unknown, target: string): LocalizedText[] {
  return list(value, target).map((l) => {
    if (typeof l.languageCode !== 'string' || !l.languageCode) throw missingProperty(`${target}.languageCode`);
    return { languageCode: l.languageCode, text: optionalString(l.text, `${target}.text`) };
  });
}

function questions(tx: Tx, value: unknown): PolicyQuestion[] {
  const seen = new Set<string>();
  return list(value, 'questions').map((q, n): PolicyQuestion => {
    const at = `questions[${n}]`;
    const kind = String(q['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./, '');
    const id = typeof q.id === 'string' && q.id ? q.id : tx.newId();
    if (seen.has(id)) throw badRequest('DuplicateQuestionId', `Two questions share the id '${id}'.`, at);
    seen.add(id);
    if (typeof q.text !== 'string' || !q.text) throw missingProperty(`${at}.text`);
    if (q.sequence != null && !Number.isInteger(q.sequence)) throw invalid(`${at}.sequence`, `${at}.sequence must be an integer.`);
    const base = {
      id,
      text: q.text,
      isRequired: bool(q.isRequired, `${at}.isRequired`),
      isAnswerEditable: bool(q.isAnswerEditable, `${at}.isAnswerEditable`),
      sequence: q.sequence ?? n,
      localizations: localizations(q.localizations, `${at}.localizations`),
    };
    if (kind === 'accessPackageTextInputQuestion') {
      const regexPattern = optionalString(q.regexPattern, `${at}.regexPattern`);
      if (regexPattern && !isAnswerPattern(regexPattern)) {
        throw badRequest(
          'InvalidRegexPattern',
          `${at}.regexPattern is not a regular expression in RE2 syntax (no backreferences, lookahead or lookbehind).`,
          `${at}.regexPattern`,
        );
      }
      return {
        '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion',
        ...base,
        isSingleLineQuestion: q.isSingleLineQuestion == null ? true : bool(q.isSingleLineQuestion, `${at}.isSingleLineQuestion`),
        regexPattern,
      };
    }
    if (kind === 'accessPackageMultipleChoiceQuestion') {
      const choices = list(q.choices, `${at}.choices`).map((c, i) => {
        if (typeof c.actualValue !== 'string' || !c.actualValue) throw missingProperty(`${at}.choices[${i}].actualValue`);
        return {
          actualValue: c.actualValue,
          text: optionalString(c.text, `${at}.choices[${i}].text`) ?? c.actualValue,
          localizations: localizations(c.localizations, `${at}.choices[${i}].localizations`),
        };
      });
      if (choices.length === 0) throw badRequest('MissingChoices', `${at} needs at least one choice.`, `${at}.choices`);
      return {
        '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion',
        ...base,
        choices,
        isMultipleSelectionAllowed: bool(q.isMultipleSelectionAllowed, `${at}.isMultipleSelectionAllowed`),
      };
    }
    throw badRequest(
      'UnsupportedQuestionType',
      `${at} must be #microsoft.graph.accessPackageTextInputQuestion or #microsoft.graph.accessPackageMultipleChoiceQuestion.`,
      at,
    );
  });
}

const STAGES: readonly CustomExtensionStage[] = [...REQUEST_STAGES, ...EXPIRATION_STAGES];

function extensionStages(tx: Tx, value: unknown, catalogId: string): PolicyRecord['extensionStages'] {
  const used = new Set<string>();
  return list(value, 'customExtensionStageSettings').map((s, n) => {
    const at = `customExtensionStageSettings[${n}]`;
    if (!STAGES.includes(s.stage)) throw invalid(`${at}.stage`, `${at}.stage must be one of ${STAGES.join(', ')}.`);
    if (used.has(s.stage)) throw badRequest('DuplicateCustomExtensionStage', `Stage '${s.stage}' is set twice.`, at);
    used.add(s.stage);
    const extId = s.customExtension?.id;
    if (typeof extId !== 'string') throw missingProperty(`${at}.customExtension.id`);
    const ext = own(tx.state.extensions, extId);
    if (!ext) throw notFound('customCalloutExtension', extId);
    if (ext.catalogId !== catalogId) {
      throw badRequest('CustomExtensionNotInCatalog', "The custom extension is not in the access package's catalog.", at);
    }
    if (isRequestWorkflow(ext.data) !== REQUEST_STAGES.includes(s.stage)) {
      throw badRequest(
        'CustomExtensionStageMismatch',
        'Request stages take request-workflow extensions; pre-expiration stages take assignment-workflow extensions.',
        at,
      );
    }
    return { id: typeof s.id === 'string' && s.id ? s.id : tx.newId(), stage: s.stage, customExtensionId: extId };
  });
}

/** The stored policy for a POST or PUT body; `id` and `createdDateTime` are kept across a PUT. */
export function readPolicy(tx: Tx, body: Body, packageId: string, id: string, createdDateTime: string): PolicyRecord {
  if (!body || typeof body !== 'object') throw badRequest('InvalidRequest', 'The body must be a policy object.');
  if (typeof body.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
  const scope = body.allowedTargetScope ?? 'notSpecified';
  if (!TARGET_SCOPES.includes(scope)) throw invalid('allowedTargetScope', `allowedTargetScope '${scope}' is not supported.`);
  const specificAllowedTargets = subjectSets(tx, body.specificAllowedTargets, 'specificAllowedTargets', TARGET_KINDS);
  if (scope.startsWith('specific') && specificAllowedTargets.length === 0) {
    throw badRequest('MissingAllowedTargets', `allowedTargetScope '${scope}' needs specificAllowedTargets.`, 'specificAllowedTargets');
  }
  const auto = body.automaticRequestSettings as Body | null | undefined;
  const data: AssignmentPolicy = {
    id,
    displayName: body.displayName,
    description: optionalString(body.description, 'description'),
    allowedTargetScope: scope,
    specificAllowedTargets,
    expiration: expiration(body.expiration),
    requestorSettings: requestorSettings(tx, body.requestorSettings),
    requestApprovalSettings: approvalSettings(tx, body.requestApprovalSettings),
    notificationSettings: {
      isAssignmentNotificationDisabled: bool(body.notificationSettings?.isAssignmentNotificationDisabled, 'notificationSettings.isAssignmentNotificationDisabled'),
    },
    createdDateTime,
    modifiedDateTime: nowIso(tx),
  };
  if (auto) {
    data.automaticRequestSettings = {
      requestAccessForAllowedTargets: bool(auto.requestAccessForAllowedTargets, 'automaticRequestSettings.requestAccessForAllowedTargets'),
      removeAccessWhenTargetLeavesAllowedTargets: bool(auto.removeAccessWhenTargetLeavesAllowedTargets, 'automaticRequestSettings.removeAccessWhenTargetLeavesAllowedTargets'),
      gracePeriodBeforeAccessRemoval: auto.gracePeriodBeforeAccessRemoval == null ? null : duration(auto.gracePeriodBeforeAccessRemoval, 'automaticRequestSettings.gracePeriodBeforeAccessRemoval'),
    };
  }
  const catalogId = tx.state.packages[packageId].catalogId;
  return {
    packageId,
    data,
    questions: questions(tx, body.questions),
    extensionStages: extensionStages(tx, body.customExtensionStageSettings, catalogId),
  };
}
