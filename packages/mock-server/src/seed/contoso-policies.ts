// Contoso's assignment policies, written as the bodies an administrator would POST and read through the same
// validation (policy-shape.ts), so the seed cannot hold a policy the mock would refuse.
import { readPolicy } from '../core/policy-shape.ts';
import { DAY, iso } from '../core/time.ts';
import type { Tx } from '../core/tx.ts';
import { EXTENSIONS, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS as U } from './ids.ts';

const requestorManager = (managerLevel = 1) => ({ '@odata.type': '#microsoft.graph.requestorManager', managerLevel });
const targetManager = (managerLevel = 1) => ({ '@odata.type': '#microsoft.graph.targetManager', managerLevel });
const singleUser = (userId: string) => ({ '@odata.type': '#microsoft.graph.singleUser', userId });
const groupMembers = (groupId: string) => ({ '@odata.type': '#microsoft.graph.groupMembers', groupId });
const afterDays = (n: number) => ({ type: 'afterDuration', duration: `P${n}D` });

const selfService = { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true };
const managersToo = (level: number) => ({
  enableOnBehalfRequestorsToAddAccess: true,
  enableOnBehalfRequestorsToRemoveAccess: true,
  onBehalfRequestors: [targetManager(level)],
});
const noApproval = { isApprovalRequiredForAdd: false, stages: [] };
// Seed 003's lifecycle: "Allow users to extend access" (and managers for their people), "Require approval to grant extension".
const extendable = (onBehalf: boolean) => ({ enableTargetsToSelfUpdateAccess: true, ...(onBehalf && { enableOnBehalfRequestorsToUpdateAccess: true }) });
const approval = (stages: object[], isRequestorJustificationRequired = false) => ({
  isApprovalRequiredForAdd: true,
  isRequestorJustificationRequired,
  stages,
});
const de = (text: string) => [{ languageCode: 'de', text }];
const choice = (actualValue: string, text: string, german: string) => ({ actualValue, text, localizations: de(german) });

function policyBodies(start: number): [string, string, object][] {
  const endOfPlanningYear = `${iso(start + 240 * DAY).slice(0, 10)}T23:59:59Z`;
  return [
    [POLICIES.salesPipeline, PACKAGES.salesPipeline, {
      displayName: 'Sales team self-service',
      description: 'Sales team members, or their manager for them, get the pipeline without approval.',
      allowedTargetScope: 'specificDirectoryUsers',
      specificAllowedTargets: [groupMembers(GROUPS.salesTeam)],
      expiration: afterDays(180),
      requestorSettings: { ...selfService, ...managersToo(1), ...extendable(true) },
      requestApprovalSettings: noApproval,
      questions: [{
        '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion',
        id: QUESTIONS.region,
        text: 'Which sales region do you work in?',
        localizations: de('In welcher Vertriebsregion arbeiten Sie?'),
        isRequired: true,
        sequence: 1,
        isMultipleSelectionAllowed: false,
        choices: [choice('EMEA', 'EMEA', 'EMEA'), choice('AMER', 'Americas', 'Amerika'), choice('APAC', 'Asia Pacific', 'Asien-Pazifik')],
      }],
    }],
    [POLICIES.marketingCampaigns, PACKAGES.marketingCampaigns, {
      displayName: 'Employees, manager approval',
      description: '30 days of access, approved by your manager. Managers up to two levels above may request for their people.',
      allowedTargetScope: 'allMemberUsers',
      expiration: afterDays(30),
      requestorSettings: { ...selfService, ...managersToo(2), ...extendable(true), allowCustomAssignmentSchedule: true },
      requestApprovalSettings: {
        ...approval(
          [{ durationBeforeAutomaticDenial: 'P14D', primaryApprovers: [requestorManager(1)], fallbackPrimaryApprovers: [singleUser(U.diego)] }],
          true,
        ),
        isApprovalRequiredForUpdate: true,
      },
      questions: [
        {
          '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion',
          id: QUESTIONS.campaignCode,
          text: 'Campaign code (for example MKT-1234)',
          localizations: de('Kampagnencode (zum Beispiel MKT-1234)'),
          isRequired: true,
          sequence: 1,
          isSingleLineQuestion: true,
          regexPattern: '^MKT-\\d{4}$',
        },
        {
          '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion',
          id: QUESTIONS.campaignPlan,
          text: 'What will you work on in this campaign?',
          localizations: de('Woran werden Sie in dieser Kampagne arbeiten?'),
          isRequired: false,
          isAnswerEditable: true,
          sequence: 2,
          isSingleLineQuestion: false,
        },
      ],
    }],
    [POLICIES.marketingQuick, PACKAGES.marketingCampaigns, {
      displayName: 'Sales team, two days, no approval',
      description: 'A short look for the sales team without waiting for approval.',
      allowedTargetScope: 'specificDirectoryUsers',
      specificAllowedTargets: [groupMembers(GROUPS.salesTeam)],
      expiration: afterDays(2),
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      requestApprovalSettings: noApproval,
    }],
    [POLICIES.customerDataExport, PACKAGES.customerDataExport, {
      displayName: 'Data steward approval, eight hours',
      description: 'For a one-off export; the data steward must say why they approve or deny.',
      allowedTargetScope: 'allMemberUsers',
      expiration: { type: 'afterDuration', duration: 'PT8H' },
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      requestApprovalSettings: approval([
        { durationBeforeAutomaticDenial: 'P2D', isApproverJustificationRequired: true, primaryApprovers: [singleUser(U.grady)] },
      ]),
    }],
    [POLICIES.partnerPortal, PACKAGES.partnerPortal, {
      displayName: 'Partner guests, sponsor approval',
      description: "Guests of connected organisations; approved by their sponsor, then by the organisation's internal sponsor.",
      allowedTargetScope: 'allConfiguredConnectedOrganizationUsers',
      expiration: afterDays(90),
      requestorSettings: selfService,
      requestApprovalSettings: approval([
        { durationBeforeAutomaticDenial: 'P7D', primaryApprovers: [{ '@odata.type': '#microsoft.graph.targetUserSponsors' }], fallbackPrimaryApprovers: [singleUser(U.lee)] },
        { durationBeforeAutomaticDenial: 'P7D', primaryApprovers: [{ '@odata.type': '#microsoft.graph.internalSponsors' }], fallbackPrimaryApprovers: [singleUser(U.miriam)] },
      ]),
    }],
    ...(['vendorPaymentsCreate', 'vendorPaymentsApprove'] as const).map((key): [string, string, object] => [POLICIES[key], PACKAGES[key], {
      displayName: 'Finance staff, finance approvers',
      description: 'Until the end of the planning year. Justify the request; approvers justify their decision.',
      allowedTargetScope: 'allMemberUsers',
      expiration: { type: 'afterDateTime', endDateTime: endOfPlanningYear },
      requestorSettings: { ...selfService, ...extendable(false) },
      requestApprovalSettings: approval(
        [{ durationBeforeAutomaticDenial: 'P14D', isApproverJustificationRequired: true, primaryApprovers: [groupMembers(GROUPS.financeApprovers)] }],
        true,
      ),
    }]),
    [POLICIES.financialReporting, PACKAGES.financialReporting, {
      displayName: 'Three-stage review',
      description: 'Manager, then finance, then compliance. Stalled stages escalate.',
      allowedTargetScope: 'allMemberUsers',
      expiration: afterDays(365),
      requestorSettings: { enableTargetsToSelfAddAccess: true, enableOnBehalfRequestorsToAddAccess: true, onBehalfRequestors: [targetManager(1)] },
      requestApprovalSettings: approval([
        {
          durationBeforeAutomaticDenial: 'P7D',
          primaryApprovers: [requestorManager(1)],
          fallbackPrimaryApprovers: [singleUser(U.diego)],
          isEscalationEnabled: true,
          durationBeforeEscalation: 'P5D',
          escalationApprovers: [requestorManager(2)],
          fallbackEscalationApprovers: [singleUser(U.diego)],
        },
        {
          durationBeforeAutomaticDenial: 'P14D',
          primaryApprovers: [groupMembers(GROUPS.financeApprovers)],
          isEscalationEnabled: true,
          durationBeforeEscalation: 'P8D',
          escalationApprovers: [singleUser(U.megan)],
        },
        { durationBeforeAutomaticDenial: 'P3D', isApproverJustificationRequired: true, primaryApprovers: [singleUser(U.joni)] },
      ]),
      questions: [{
        '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion',
        id: QUESTIONS.reports,
        text: 'Which reports do you need?',
        localizations: de('Welche Berichte benötigen Sie?'),
        isRequired: true,
        sequence: 1,
        isMultipleSelectionAllowed: true,
        choices: [
          choice('pnl', 'Profit and loss', 'Gewinn und Verlust'),
          choice('cashflow', 'Cash flow', 'Kapitalfluss'),
          choice('headcount', 'Headcount', 'Personalbestand'),
        ],
      }],
    }],
    [POLICIES.budgetPlanning, PACKAGES.budgetPlanning, {
      displayName: 'Planning season',
      description: 'Ask for the weeks you need; your manager and the finance director approve.',
      allowedTargetScope: 'allMemberUsers',
      expiration: afterDays(90),
      requestorSettings: { enableTargetsToSelfAddAccess: true, allowCustomAssignmentSchedule: true },
      requestApprovalSettings: approval(
        [
          { durationBeforeAutomaticDenial: 'P14D', primaryApprovers: [requestorManager(1)], fallbackPrimaryApprovers: [singleUser(U.diego)] },
          { durationBeforeAutomaticDenial: 'P14D', primaryApprovers: [singleUser(U.patti)] },
        ],
        true,
      ),
    }],
    [POLICIES.onCall, PACKAGES.onCall, {
      displayName: 'Engineers, security review',
      description: 'A week of production access; the security reviewers approve, the director steps in after ten days.',
      allowedTargetScope: 'specificDirectoryUsers',
      specificAllowedTargets: [groupMembers(GROUPS.engineering)],
      expiration: afterDays(7),
      requestorSettings: selfService,
      requestApprovalSettings: approval([{
        durationBeforeAutomaticDenial: 'P14D',
        primaryApprovers: [groupMembers(GROUPS.securityReviewers)],
        fallbackPrimaryApprovers: [singleUser(U.nestor)],
        isEscalationEnabled: true,
        durationBeforeEscalation: 'P10D',
        escalationApprovers: [singleUser(U.nestor)],
      }]),
    }],
    [POLICIES.developerTools, PACKAGES.developerTools, {
      displayName: 'Engineers, automated checks',
      description: 'No approver: an automated separation-of-duties check runs first, then a licence is provisioned.',
      allowedTargetScope: 'allMemberUsers',
      expiration: afterDays(30),
      requestorSettings: { ...selfService, ...managersToo(1) },
      requestApprovalSettings: noApproval,
      customExtensionStageSettings: [
        { stage: 'assignmentRequestCreated', customExtension: { id: EXTENSIONS.sodCheck } },
        { stage: 'assignmentRequestGranted', customExtension: { id: EXTENSIONS.provisionLicence } },
        { stage: 'assignmentRequestRemoved', customExtension: { id: EXTENSIONS.provisionLicence } },
        { stage: 'assignmentFourteenDaysBeforeExpiration', customExtension: { id: EXTENSIONS.expiryReminder } },
        { stage: 'assignmentOneDayBeforeExpiration', customExtension: { id: EXTENSIONS.expiryReminder } },
      ],
    }],
    [POLICIES.buildAgentsAdmin, PACKAGES.buildAgentsAdmin, {
      displayName: 'Administrator assignment only',
      description: 'New requests are off: administrators assign this package directly.',
      allowedTargetScope: 'notSpecified',
      expiration: { type: 'noExpiration' },
      requestorSettings: {},
      requestApprovalSettings: noApproval,
    }],
    [POLICIES.engineeringWiki, PACKAGES.engineeringWiki, {
      displayName: 'Everyone, guests included',
      description: 'No approval, no expiry, no emails.',
      allowedTargetScope: 'allDirectoryUsers',
      expiration: { type: 'noExpiration' },
      requestorSettings: selfService,
      requestApprovalSettings: noApproval,
      notificationSettings: { isAssignmentNotificationDisabled: true },
    }],
    [POLICIES.projectPhoenix, PACKAGES.projectPhoenix, {
      displayName: 'Archive access',
      description: 'Two weeks of read access to the archive.',
      allowedTargetScope: 'allMemberUsers',
      expiration: afterDays(14),
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      requestApprovalSettings: noApproval,
    }],
    [POLICIES.temporaryAccessPass, PACKAGES.temporaryAccessPass, {
      displayName: 'Managers for their direct reports',
      description: 'Only a manager can ask, for a direct report; the manager is also the approver (bypassable).',
      allowedTargetScope: 'allMemberUsers',
      expiration: { type: 'afterDuration', duration: 'PT1H' },
      requestorSettings: { enableOnBehalfRequestorsToAddAccess: true, onBehalfRequestors: [targetManager(1)] },
      requestApprovalSettings: approval([
        { durationBeforeAutomaticDenial: 'P1D', primaryApprovers: [requestorManager(1)], fallbackPrimaryApprovers: [singleUser(U.nestor)] },
      ]),
      customExtensionStageSettings: [{ stage: 'assignmentRequestApproved', customExtension: { id: EXTENSIONS.issueTemporaryAccessPass } }],
    }],
  ];
}

export function addContosoPolicies(tx: Tx, start: number, at: string): void {
  for (const [id, packageId, body] of policyBodies(start)) {
    tx.state.policies[id] = readPolicy(tx, body as Record<string, unknown>, packageId, id, at);
  }
}
