// The editor's validation rules (plain functions, no DOM): seed 003's forwarding rule, 0-3660 days, 1-3 stages,
// the fallback the second-level manager needs, and the rest; and the Graph bodies the drafts become.
import { describe, expect, it } from 'vitest';
import { newDraft, newPolicy, newQuestion, newStage, type StageDraft } from '../../src/access-package-editor/editor-draft.ts';
import { policyBody, policyToDraft } from '../../src/access-package-editor/editor-graph.ts';
import {
  alternateIssues,
  draftIssues,
  expirationIssues,
  forwardingIssues,
  forwardWindow,
  policyIssues,
  questionIssues,
  stageCountIssues,
  stageIssues,
} from '../../src/access-package-editor/editor-rules.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const person = { kind: 'user' as const, id: 'u1', name: 'Patti' };

describe('forwarding to alternate approvers (seed 003: after half the duration, never on the last day)', () => {
  it('a 14-day decision forwards from day 8 to day 13', () => {
    expect(forwardWindow(14)).toEqual({ first: 8, last: 13 });
    expect(codes(forwardingIssues(14, '7', 'stage-0'))).toEqual(['forwardTooEarly']);
    expect(forwardingIssues(14, '8', 'stage-0')).toEqual([]);
    expect(forwardingIssues(14, '13', 'stage-0')).toEqual([]);
    expect(codes(forwardingIssues(14, '14', 'stage-0'))).toEqual(['forwardTooLate']);
  });

  it('an odd duration: half of 9 days is 4.5, so the day after is day 6', () => {
    expect(forwardWindow(9)).toEqual({ first: 6, last: 8 });
    expect(codes(forwardingIssues(9, '5', 'stage-0'))).toEqual(['forwardTooEarly']);
  });

  it('the decision must time out after at least 4 days: 3 days leave no room, 4 days allow day 3 only', () => {
    expect(forwardWindow(3)).toBeUndefined();
    expect(forwardingIssues(3, '2', 'stage-1')).toEqual([{ step: 'requests', field: 'stage-1-days', code: 'forwardTooShort', params: { min: 4 } }]);
    expect(forwardWindow(4)).toEqual({ first: 3, last: 3 });
  });

  it('a missing or non-numeric day count is asked for, with the allowed window', () => {
    expect(forwardingIssues(14, '', 'stage-0')).toEqual([
      { step: 'requests', field: 'stage-0-forward-after', code: 'forwardAfterRequired', params: { first: 8, last: 13 } },
    ]);
    expect(codes(forwardingIssues(14, '8.5', 'stage-0'))).toEqual(['forwardAfterRequired']);
  });
});

describe('stages', () => {
  it('1 to 3 stages', () => {
    expect(codes(stageCountIssues('0'))).toEqual(['stageCount']);
    expect(stageCountIssues('1')).toEqual([]);
    expect(stageCountIssues('3')).toEqual([]);
    expect(codes(stageCountIssues('4'))).toEqual(['stageCount']);
    expect(codes(stageCountIssues('two'))).toEqual(['stageCount']);
  });

  it('specific approvers need someone; decision days are 1 to 14', () => {
    expect(codes(stageIssues(newStage(), 0))).toEqual(['approversRequired']);
    const stage: StageDraft = { ...newStage(), approvers: [person], decisionDays: '15' };
    expect(codes(stageIssues(stage, 0))).toEqual(['decisionDays']);
    expect(stageIssues({ ...stage, decisionDays: '14' }, 0)).toEqual([]);
  });

  it('the second level manager as alternate needs a fallback; other alternates need someone', () => {
    const manager: StageDraft = { ...newStage(), approverKind: 'manager', forward: true, secondLevelManager: true, forwardAfterDays: '8' };
    expect(alternateIssues(manager, 0)).toEqual([{ step: 'requests', field: 'stage-0-alternate-fallbacks', code: 'fallbackRequired', params: { stage: 1 } }]);
    expect(alternateIssues({ ...manager, alternateFallbacks: [person] }, 0)).toEqual([]);
    expect(codes(alternateIssues({ ...manager, secondLevelManager: false }, 0))).toEqual(['alternatesRequired']);
    // Only the manager has a second level: with specific approvers the option does not apply.
    expect(codes(alternateIssues({ ...manager, approverKind: 'specific' }, 0))).toEqual(['alternatesRequired']);
  });

  it('stages beyond the count are not checked, nor any without approval', () => {
    const draft = newDraft();
    Object.assign(draft, { name: 'P', catalogId: 'c' });
    draft.policy.name = 'Policy';
    expect(draftIssues(draft, '2026-01-01')).toEqual([]); // stage 1 is the manager; stages 2 and 3 are empty but unused
    draft.policy.stageCount = '2';
    expect(codes(draftIssues(draft, '2026-01-01'))).toEqual(['approversRequired']);
    draft.policy.requireApproval = false;
    expect(draftIssues(draft, '2026-01-01')).toEqual([]);
  });
});

describe('who can request', () => {
  it('specific users and groups need someone; all external users need approval', () => {
    const policy = newPolicy('p');
    expect(codes(policyIssues({ ...policy, who: 'specific' }, '2026-01-01'))).toEqual(['targetsRequired']);
    expect(policyIssues({ ...policy, who: 'specific', targets: [person] }, '2026-01-01')).toEqual([]);
    expect(codes(policyIssues({ ...policy, who: 'allExternal', requireApproval: false }, '2026-01-01'))).toEqual(['externalNeedsApproval']);
  });

  it('specific connected organizations need one, become connectedOrganizationMembers targets, and read back', () => {
    const fabrikam = { kind: 'organization' as const, id: 'org1', name: 'Fabrikam' };
    const policy = { ...newPolicy('Partners'), who: 'specificOrganizations' as const, targets: [person] };
    policy.stages[0] = { ...newStage(), approverKind: 'internalSponsors', fallbacks: [person] };
    expect(codes(policyIssues(policy, '2026-01-01'))).toEqual(['organizationsRequired']);
    const chosen = { ...policy, targets: [fabrikam] };
    expect(policyIssues(chosen, '2026-01-01')).toEqual([]);
    const body = policyBody(chosen, 'pkg');
    expect(body).toMatchObject({
      allowedTargetScope: 'specificConnectedOrganizationUsers',
      specificAllowedTargets: [{ '@odata.type': '#microsoft.graph.connectedOrganizationMembers', connectedOrganizationId: 'org1' }],
    });
    const again = policyToDraft({ ...body, specificAllowedTargets: [{ ...body.specificAllowedTargets![0], description: 'Fabrikam' }] as never });
    expect(again).toMatchObject({ who: 'specificOrganizations', targets: [fabrikam] });
  });

  it('external users are approved by internal or external sponsors, as Graph names them, and back', () => {
    const policy = { ...newPolicy('Partners'), who: 'allOrganizations' as const };
    policy.stages[0] = { ...newStage(), approverKind: 'externalSponsors', fallbacks: [person] };
    const body = policyBody(policy, 'pkg');
    expect(body.allowedTargetScope).toBe('allConfiguredConnectedOrganizationUsers');
    expect(body.requestApprovalSettings?.stages?.[0]).toMatchObject({
      primaryApprovers: [{ '@odata.type': '#microsoft.graph.externalSponsors' }],
      fallbackPrimaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'u1' }],
    });
    expect(policyToDraft(body, () => 'Patti').stages[0]).toMatchObject({ approverKind: 'externalSponsors', fallbacks: [person] });
  });
});

describe('expiry', () => {
  const policy = newPolicy('p');
  it('0 to 3660 days', () => {
    expect(expirationIssues({ ...policy, expirationDays: '0' }, '2026-01-01')).toEqual([]);
    expect(expirationIssues({ ...policy, expirationDays: '3660' }, '2026-01-01')).toEqual([]);
    expect(codes(expirationIssues({ ...policy, expirationDays: '3661' }, '2026-01-01'))).toEqual(['expirationDays']);
    expect(codes(expirationIssues({ ...policy, expirationDays: '-1' }, '2026-01-01'))).toEqual(['expirationDays']);
    expect(codes(expirationIssues({ ...policy, expirationDays: '' }, '2026-01-01'))).toEqual(['expirationDays']);
  });
  it('hours of 1 or more; a date in the future; never needs nothing', () => {
    expect(codes(expirationIssues({ ...policy, expiration: 'hours', expirationHours: '0' }, '2026-01-01'))).toEqual(['expirationHours']);
    expect(codes(expirationIssues({ ...policy, expiration: 'date', expirationDate: '2026-01-01' }, '2026-01-01'))).toEqual(['expirationDate']);
    expect(expirationIssues({ ...policy, expiration: 'date', expirationDate: '2026-01-02' }, '2026-01-01')).toEqual([]);
    expect(expirationIssues({ ...policy, expiration: 'never' }, '2026-01-01')).toEqual([]);
  });
});

describe('questions', () => {
  it('text, choices, a valid regular expression and well-formed localizations', () => {
    expect(codes(questionIssues(newQuestion(), 0))).toEqual(['questionTextRequired']);
    expect(codes(questionIssues({ ...newQuestion(), text: 'Q', kind: 'multipleChoice' }, 0))).toEqual(['choicesRequired']);
    expect(codes(questionIssues({ ...newQuestion(), text: 'Q', regex: '([' }, 0))).toEqual(['regexInvalid']);
    const localizations = [
      { languageCode: 'de', text: 'Frage' },
      { languageCode: 'DE', text: 'Noch einmal' },
      { languageCode: 'german', text: '' },
    ];
    expect(codes(questionIssues({ ...newQuestion(), text: 'Q', localizations }, 0))).toEqual(['languageTwice', 'languageCodeInvalid', 'localizedTextRequired']);
  });
});

describe('Graph bodies', () => {
  it('a policy with a manager stage forwarded to the second level manager, a localized question and 30 days', () => {
    const policy = newPolicy('Employees');
    Object.assign(policy, { onBehalf: true, allowExtend: true, expirationDays: '30' });
    policy.stages[0] = { ...policy.stages[0], forward: true, secondLevelManager: true, alternateFallbacks: [person], forwardAfterDays: '8' };
    policy.questions = [{ ...newQuestion(), kind: 'multipleChoice', text: 'Region?', required: true, localizations: [{ languageCode: 'de', text: 'Region?' }], choices: [{ value: 'EMEA', localizations: [] }] }];
    const body = policyBody(policy, 'pkg');
    expect(body.allowedTargetScope).toBe('allMemberUsers');
    expect(body.requestorSettings?.onBehalfRequestors).toEqual([{ '@odata.type': '#microsoft.graph.targetManager', managerLevel: 1 }]);
    expect(body.requestApprovalSettings?.stages?.[0]).toMatchObject({
      durationBeforeAutomaticDenial: 'P14D',
      isEscalationEnabled: true,
      durationBeforeEscalation: 'P8D',
      primaryApprovers: [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 }],
      escalationApprovers: [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 2 }],
      fallbackEscalationApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'u1' }],
    });
    expect(body.expiration).toEqual({ type: 'afterDuration', duration: 'P30D' });
    expect(body.notificationSettings).toEqual({ isAssignmentNotificationDisabled: false });
    // And back: what an edit starts from.
    const again = policyToDraft(body, (id) => (id === 'u1' ? 'Patti' : undefined));
    expect(again.stages[0]).toMatchObject({ approverKind: 'manager', forward: true, secondLevelManager: true, forwardAfterDays: '8', alternateFallbacks: [person] });
    expect(again.questions[0]).toMatchObject({ kind: 'multipleChoice', required: true, choices: [{ value: 'EMEA' }] });
    expect(again).toMatchObject({ who: 'allMembers', onBehalf: true, allowExtend: true, expiration: 'days', expirationDays: '30' });
  });

  it('an edited policy keeps its question ids and the actualValue of each choice, so earlier answers still match', () => {
    const stored = {
      ...policyBody(newPolicy('Sales'), 'pkg'),
      questions: [
        {
          '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion',
          id: 'q-region',
          text: 'Region?',
          choices: [{ actualValue: 'AMER', text: 'Americas', localizations: [{ languageCode: 'de', text: 'Amerika' }] }],
        },
      ],
    };
    const draft = policyToDraft(stored);
    expect(draft.questions[0].choices).toEqual([{ value: 'Americas', actualValue: 'AMER', localizations: [{ languageCode: 'de', text: 'Amerika' }] }]);
    draft.questions[0].choices.push({ value: 'EMEA', localizations: [] });
    const again = policyBody(draft, 'pkg').questions?.[0] as { id?: string; choices?: unknown[] };
    expect(again.id).toBe('q-region');
    expect(again.choices).toEqual([
      { actualValue: 'AMER', text: 'Americas', localizations: [{ languageCode: 'de', text: 'Amerika' }] },
      { actualValue: 'EMEA', text: 'EMEA', localizations: [] },
    ]);
  });

  it('an edited policy keeps the settings the editor does not show (managers extend or remove on behalf, self-removal off)', () => {
    const withManagers = { ...newPolicy('Sales'), onBehalf: true };
    const stored = policyBody(withManagers, 'pkg');
    stored.requestorSettings = {
      ...stored.requestorSettings,
      enableTargetsToSelfRemoveAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: true,
      enableOnBehalfRequestorsToRemoveAccess: true,
    };
    const draft = policyToDraft(stored);
    draft.name = 'Sales (renamed)';
    expect(policyBody(draft, 'pkg').requestorSettings).toMatchObject({
      enableTargetsToSelfRemoveAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: true,
      enableOnBehalfRequestorsToRemoveAccess: true,
    });
    // Managers no longer named on the policy cannot act on behalf in any way.
    draft.onBehalf = false;
    expect(policyBody(draft, 'pkg').requestorSettings).toMatchObject({ enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] });
    // A new policy: targets may remove their own access; managers only request.
    expect(policyBody(withManagers, 'pkg').requestorSettings).toMatchObject({
      enableTargetsToSelfRemoveAccess: true,
      enableOnBehalfRequestorsToAddAccess: true,
      enableOnBehalfRequestorsToUpdateAccess: false,
      enableOnBehalfRequestorsToRemoveAccess: false,
    });
  });

  it('administrator direct assignments only: no requests, no approval, no questions', () => {
    const policy = { ...newPolicy('Direct'), who: 'none' as const, questions: [{ ...newQuestion(), text: 'Q' }] };
    const body = policyBody(policy, 'pkg');
    expect(body.allowedTargetScope).toBe('notSpecified');
    expect(body.requestorSettings?.enableTargetsToSelfAddAccess).toBe(false);
    expect(body.requestApprovalSettings?.stages).toEqual([]);
    expect(body.questions).toEqual([]);
  });
});
