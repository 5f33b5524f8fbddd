// The objects a documented example's ids stand for, made on demand through the Graph calls the same reference
// pages describe (create catalog, access package, policy, request, custom extension), on the contoso seed's
// directory (the docs create no users or groups in this area). Each name below is a role a fixture can map a
// documented id to; a world is built fresh for every example.
import { afterAll } from 'vitest';
import { startCalloutEndpoint, type CalloutEndpoint } from '../support/callout-endpoint.ts';
import { EM, USERS, GROUPS, type GraphHttp, type Person } from '../support/graph-http.ts';

/** One loopback endpoint that accepts every custom extension callout of the file's examples, closed after them. */
let sink: Promise<CalloutEndpoint> | undefined;
const calloutSink = () => (sink ??= startCalloutEndpoint());
afterAll(async () => (await sink)?.close());

/** Who sends a documented request: the role a page's permissions and prose imply. */
export const CALLERS = { admin: 'admin', requestor: 'adele', approver: 'diego', manager: 'lee' } as const satisfies Record<string, Person>;
export type Caller = keyof typeof CALLERS;

const policyBase = {
  description: 'docs replay',
  allowedTargetScope: 'allMemberUsers',
  specificAllowedTargets: [],
  expiration: { type: 'afterDuration', duration: 'P30D' },
};

export class World {
  private readonly made = new Map<string, Promise<string>>();

  constructor(private readonly http: GraphHttp) {}

  /** The id for a role, creating what it needs (once per world). */
  id(role: string): Promise<string> {
    let id = this.made.get(role);
    if (!id) {
      const make = this.makers[role];
      if (!make) throw new Error(`docs replay: no way to make a '${role}'`);
      id = make();
      this.made.set(role, id);
    }
    return id;
  }

  private admin = (method: string, path: string, status: number, body?: unknown) => this.http.ok(method, path, status, { as: 'admin', body });

  private readonly makers: Record<string, () => Promise<string>> = {
    requestorUser: async () => USERS.adele,
    approverUser: async () => USERS.diego,
    managerUser: async () => USERS.lee,
    reportUser: async () => USERS.pradeep,
    managersManager: async () => USERS.miriam,
    group: async () => GROUPS.salesTeam,
    catalog: async () => (await this.admin('POST', `${EM}/catalogs`, 201, { displayName: 'Docs replay', description: 'docs replay', state: 'published', isExternallyVisible: false })).id,
    accessPackage: async () => this.newPackage('Docs replay package'),
    otherAccessPackage: async () => this.newPackage('Docs replay other package'),
    directPolicy: async () =>
      (
        await this.admin('POST', `${EM}/assignmentPolicies`, 201, {
          ...policyBase,
          displayName: 'Direct assignment',
          allowedTargetScope: 'notSpecified',
          requestorSettings: { enableTargetsToSelfAddAccess: false, enableTargetsToSelfUpdateAccess: false, enableTargetsToSelfRemoveAccess: false, allowCustomAssignmentSchedule: true, enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
          requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
          accessPackage: { id: await this.id('accessPackage') },
        })
      ).id,
    selfPolicy: async () => (await this.selfPolicy()).id,
    /** The other package's one policy: members request for themselves with a justification, nothing else asked. */
    otherSelfPolicy: async () =>
      (
        await this.admin('POST', `${EM}/assignmentPolicies`, 201, {
          ...policyBase,
          displayName: 'Self request',
          requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: true, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: false, enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
          requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
          accessPackage: { id: await this.id('otherAccessPackage') },
        })
      ).id,
    textQuestion: async () => (await this.selfPolicy()).questions.find((q: any) => q['@odata.type'] === '#microsoft.graph.accessPackageTextInputQuestion').id,
    choiceQuestion: async () => (await this.selfPolicy()).questions.find((q: any) => q['@odata.type'] === '#microsoft.graph.accessPackageMultipleChoiceQuestion').id,
    pendingRequest: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('accessPackage'), this.id('selfPolicy')]);
      const answers = await this.answers();
      const body = { requestType: 'userAdd', assignment: { targetId: USERS.adele, accessPackageId, assignmentPolicyId }, answers, justification: 'docs replay' };
      return (await this.http.ok('POST', `${EM}/assignmentRequests`, 201, { as: CALLERS.requestor, body })).id;
    },
    pendingStage: async () => {
      const approval = await this.http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${await this.id('pendingRequest')}?$expand=stages`, 200, { as: CALLERS.approver });
      return approval.stages[0].id;
    },
    deliveredRequest: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('accessPackage'), this.id('selfPolicy')]);
      const body = { requestType: 'adminAdd', assignment: { targetId: USERS.adele, accessPackageId, assignmentPolicyId }, answers: await this.answers() };
      const request = await this.admin('POST', `${EM}/assignmentRequests`, 201, body);
      await this.http.server.engine.whenIdle();
      return request.id;
    },
    assignment: async () => {
      const request = await this.admin('GET', `${EM}/assignmentRequests/${await this.id('deliveredRequest')}?$expand=assignment`, 200);
      return request.assignment.id;
    },
    customExtension: async () => this.newExtension('accessPackageAssignmentRequestWorkflowExtension', 'DocsReplay'),
    assignmentExtension: async () => this.newExtension('accessPackageAssignmentWorkflowExtension', 'DocsReplayExpiry'),
    /** The other package names this one incompatible (so this one's accessPackagesIncompatibleWith lists it). */
    otherNamesPackageIncompatible: async () => {
      const [id, other] = await Promise.all([this.id('accessPackage'), this.id('otherAccessPackage')]);
      await this.admin('POST', `${EM}/accessPackages/${other}/incompatibleAccessPackages/$ref`, 204, { '@odata.id': `https://graph.microsoft.com/v1.0${EM}/accessPackages/${id}` });
      return other;
    },
    /** The group onboarded into the catalog (POST resourceRequests, adminAdd); the id is the catalog resource's. */
    catalogGroupResource: async () => this.onboard('AadGroup', GROUPS.salesTeam),
    incompatiblePackageOfPackage: async () => {
      const [id, other] = await Promise.all([this.id('accessPackage'), this.id('otherAccessPackage')]);
      await this.admin('POST', `${EM}/accessPackages/${id}/incompatibleAccessPackages/$ref`, 204, { '@odata.id': `https://graph.microsoft.com/v1.0${EM}/accessPackages/${other}` });
      return other;
    },
    incompatibleGroupOfPackage: async () => {
      await this.admin('POST', `${EM}/accessPackages/${await this.id('accessPackage')}/incompatibleGroups/$ref`, 204, { '@odata.id': `https://graph.microsoft.com/v1.0/groups/${GROUPS.salesTeam}` });
      return GROUPS.salesTeam;
    },
    catalogGroupMemberRole: async () => (await this.onboarded('catalogGroupResource')).roles.find((r: any) => r.displayName === 'Member').id,
    catalogGroupRootScope: async () => (await this.onboarded('catalogGroupResource')).scopes[0].id,
    catalogSiteResource: async () => this.onboard('SharePointOnline', 'https://contoso.sharepoint.com/portals/Community'),
    catalogSiteRole: async () => (await this.onboarded('catalogSiteResource')).roles.find((r: any) => r.originId === '4').id,
    catalogSiteScope: async () => (await this.onboarded('catalogSiteResource')).scopes[0].id,
    catalogAppResource: async () => this.onboard('AadApplication', 'e81d7f57-0840-45e1-894b-f505c1bdcc1f'),
    catalogAppRole: async () => (await this.onboarded('catalogAppResource')).roles[0].id,
    catalogAppScope: async () => (await this.onboarded('catalogAppResource')).scopes[0].id,
    /** The package gives membership of the onboarded group. */
    packageGroupRoleScope: async () => {
      const [role, scope] = await Promise.all([this.id('catalogGroupMemberRole'), this.id('catalogGroupRootScope')]);
      return (await this.admin('POST', `${EM}/accessPackages/${await this.id('accessPackage')}/resourceRoleScopes`, 201, { role: { id: role }, scope: { id: scope } })).id;
    },
    /** Wingtip Toys, made as entitlementmanagement-post-connectedorganizations.md makes one, with a tenant as its source. */
    connectedOrganization: async () =>
      (
        await this.admin('POST', `${EM}/connectedOrganizations`, 201, {
          displayName: 'Wingtip Toys',
          description: 'Wingtip Toys',
          identitySources: [{ '@odata.type': '#microsoft.graph.azureActiveDirectoryTenant', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', displayName: 'Wingtip Toys Co' }],
          state: 'configured',
        })
      ).id,
    /** A user who is not (yet) a sponsor of that organization. */
    sponsorCandidate: async () => USERS.diego,
    internalSponsor: async () => {
      const org = await this.id('connectedOrganization');
      await this.http.call('POST', `${EM}/connectedOrganizations/${org}/internalSponsors/$ref`, { as: 'admin', body: { '@odata.id': `https://graph.microsoft.com/v1.0/users/${USERS.diego}` } });
      return USERS.diego;
    },
    externalSponsor: async () => {
      const org = await this.id('connectedOrganization');
      await this.http.call('POST', `${EM}/connectedOrganizations/${org}/externalSponsors/$ref`, { as: 'admin', body: { '@odata.id': `https://graph.microsoft.com/v1.0/users/${USERS.rob}` } });
      return USERS.rob;
    },
    /** A user without admin roles, who can be given a Temporary Access Pass. */
    tapUser: async () => USERS.adele,
    /** Her pass, issued by the admin (an Authentication Administrator in the contoso seed). */
    tapMethod: async () => (await this.admin('POST', `/users/${await this.id('tapUser')}/authentication/temporaryAccessPassMethods`, 201, { lifetimeInMinutes: 60, isUsableOnce: false })).id,
    /** The contoso seed's guest from the connected organization Fabrikam (an external directory user). */
    guestUser: async () => USERS.rob,
    /** A request that ended without an assignment (canceled by its requestor): one an administrator may delete. */
    finishedRequest: async () => {
      const id = await this.id('pendingRequest');
      await this.http.ok('POST', `${EM}/assignmentRequests/${id}/cancel`, 204, { as: CALLERS.requestor });
      return id;
    },
    /** The seed's failed delivery (Isaiah's Project Phoenix Archive, whose group was deleted): one to reprocess. */
    failedRequest: async () => (await this.admin('GET', `${EM}/assignmentRequests?$filter=state eq 'deliveryFailed'`, 200)).value[0].id,
    /** A request that waits for the callback of a launch-and-wait extension run when it was created. */
    waitingRequest: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('otherAccessPackage'), this.id('waitingPolicy')]);
      const body = { requestType: 'userAdd', assignment: { accessPackageId, assignmentPolicyId } };
      return (await this.http.ok('POST', `${EM}/assignmentRequests`, 201, { as: CALLERS.requestor, body })).id;
    },
    /** The other package's policy, with a launch-and-wait extension (on a loopback endpoint) at assignmentRequestCreated. */
    waitingPolicy: async () => {
      const extension = await this.admin('POST', `${EM}/catalogs/${await this.id('catalog')}/customWorkflowExtensions`, 201, {
        '@odata.type': '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension',
        displayName: 'Docs replay check',
        description: 'docs replay',
        endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl: (await calloutSink()).url },
        authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdPopTokenAuthentication' },
        callbackConfiguration: { '@odata.type': '#microsoft.graph.customExtensionCallbackConfiguration', timeoutDuration: 'PT1H' },
      });
      const policy = await this.admin('POST', `${EM}/assignmentPolicies`, 201, {
        ...policyBase,
        displayName: 'Self request with a check',
        requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: false, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: false, enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
        customExtensionStageSettings: [{ stage: 'assignmentRequestCreated', customExtension: { id: extension.id } }],
        accessPackage: { id: await this.id('otherAccessPackage') },
      });
      return policy.id;
    },
    waitingCallout: async () => {
      await this.http.server.engine.whenIdle();
      const request = await this.admin('GET', `${EM}/assignmentRequests/${await this.id('waitingRequest')}`, 200);
      return request.customExtensionCalloutInstances.find((c: { status: string }) => c.status === 'waitingForCallback').id;
    },
    /** The requestor also holds the other package (an administrator assigned it), beside the one of `assignment`. */
    otherAssignment: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('otherAccessPackage'), this.id('otherSelfPolicy')]);
      const request = await this.admin('POST', `${EM}/assignmentRequests`, 201, { requestType: 'adminAdd', assignment: { targetId: USERS.adele, accessPackageId, assignmentPolicyId } });
      await this.http.server.engine.whenIdle();
      return (await this.admin('GET', `${EM}/assignmentRequests/${request.id}?$expand=assignment`, 200)).assignment.id;
    },
    /** A policy of the access package that runs the custom extension when a request is created. */
    extensionPolicy: async () =>
      (
        await this.admin('POST', `${EM}/assignmentPolicies`, 201, {
          ...policyBase,
          displayName: 'policy with custom access package workflow extension',
          requestorSettings: { enableTargetsToSelfAddAccess: true },
          customExtensionStageSettings: [{ stage: 'assignmentRequestCreated', customExtension: { id: await this.id('customExtension') } }],
          accessPackage: { id: await this.id('accessPackage') },
        })
      ).id,
    /** Adele held the other package once (assigned, then removed): an assignment-history suggestion for her. */
    pastAssignment: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('otherAccessPackage'), this.id('otherSelfPolicy')]);
      await this.admin('POST', `${EM}/assignmentRequests`, 201, { requestType: 'adminAdd', assignment: { targetId: USERS.adele, accessPackageId, assignmentPolicyId } });
      const filter = encodeURIComponent(`target/objectId eq '${USERS.adele}' and accessPackage/id eq '${accessPackageId}'`);
      const [held] = (await this.admin('GET', `${EM}/assignments?$filter=${filter}`, 200)).value;
      await this.admin('POST', `${EM}/assignmentRequests`, 201, { requestType: 'adminRemove', assignment: { id: held.id } });
      return held.id;
    },
    /** Alex, Adele's peer, holds the other package: a related-people suggestion for her. */
    peerAssignment: async () => {
      const [accessPackageId, assignmentPolicyId] = await Promise.all([this.id('otherAccessPackage'), this.id('otherSelfPolicy')]);
      return (await this.admin('POST', `${EM}/assignmentRequests`, 201, { requestType: 'adminAdd', assignment: { targetId: USERS.alex, accessPackageId, assignmentPolicyId } })).id;
    },
  };

  /** A custom workflow extension of the catalog, of the derived type given, calling a Logic App. */
  private async newExtension(type: string, logicAppWorkflowName: string): Promise<string> {
    const body = {
      '@odata.type': `#microsoft.graph.${type}`,
      displayName: `Docs replay ${logicAppWorkflowName}`,
      description: 'docs replay',
      endpointConfiguration: { '@odata.type': '#microsoft.graph.logicAppTriggerEndpointConfiguration', subscriptionId: '38ab2ccc-3747-4567-b36b-9478f5602f0d', resourceGroupName: 'test', logicAppWorkflowName },
      authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdPopTokenAuthentication' },
    };
    return (await this.admin('POST', `${EM}/catalogs/${await this.id('catalog')}/customWorkflowExtensions`, 201, body)).id;
  }

  /** Onboards a resource into the catalog (POST resourceRequests, adminAdd); its id. */
  private async onboard(originSystem: string, originId: string): Promise<string> {
    const catalogId = await this.id('catalog');
    await this.admin('POST', `${EM}/resourceRequests`, 201, { requestType: 'adminAdd', resource: { originId, originSystem }, catalog: { id: catalogId } });
    const resources = await this.admin('GET', `${EM}/catalogs/${catalogId}/resources?$filter=originId eq '${originId}'`, 200);
    return resources.value[0].id;
  }

  /** A catalog resource the role made, with its roles and scopes. */
  private async onboarded(role: string): Promise<any> {
    const id = await this.id(role);
    return this.admin('GET', `${EM}/catalogs/${await this.id('catalog')}/resources?$filter=id eq '${id}'&$expand=roles,scopes`, 200).then((page) => page.value[0]);
  }

  /** Answers to both questions of the self policy, as the docs' examples write them. */
  private async answers() {
    const [choice, text] = await Promise.all([this.id('choiceQuestion'), this.id('textQuestion')]);
    return [
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'MultipleChoiceAnswerValue', displayValue: 'This is the answer to a multiple choice question', answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: choice } },
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'This is my answer to a text input question.', displayValue: 'This is my answer.', answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: text } },
    ];
  }

  private async newPackage(displayName: string): Promise<string> {
    return (await this.admin('POST', `${EM}/accessPackages`, 201, { displayName, description: 'docs replay', isHidden: false, catalog: { id: await this.id('catalog') } })).id;
  }

  private selfPolicyMade?: Promise<any>;
  /** Members request for themselves, one approval stage by Diego, a multiple-choice and a text question. */
  private selfPolicy(): Promise<any> {
    this.selfPolicyMade ??= (async () => {
      const created = await this.admin('POST', `${EM}/assignmentPolicies`, 201, {
        ...policyBase,
        displayName: 'Self request with approval',
        requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: true, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: true, enableOnBehalfRequestorsToAddAccess: true, enableOnBehalfRequestorsToUpdateAccess: true, enableOnBehalfRequestorsToRemoveAccess: true, onBehalfRequestors: [{ '@odata.type': '#microsoft.graph.targetManager', managerLevel: 1 }] },
        requestApprovalSettings: {
          isApprovalRequiredForAdd: true,
          isApprovalRequiredForUpdate: false,
          stages: [{ durationBeforeAutomaticDenial: 'P7D', isApproverJustificationRequired: false, isEscalationEnabled: false, primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: USERS.diego }], fallbackPrimaryApprovers: [], escalationApprovers: [], fallbackEscalationApprovers: [] }],
        },
        questions: [
          { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', text: 'Which project?', isRequired: true, isAnswerEditable: true, sequence: 1, isMultipleSelectionAllowed: false, choices: [{ actualValue: 'MultipleChoiceAnswerValue', text: 'This is the answer to a multiple choice question' }, { actualValue: 'UpdatedAnswerValue', text: 'An updated answer' }] },
          { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', text: 'Why?', isRequired: false, isAnswerEditable: true, sequence: 2, isSingleLineQuestion: true },
        ],
        accessPackage: { id: await this.id('accessPackage') },
      });
      return this.admin('GET', `${EM}/assignmentPolicies/${created.id}?$expand=questions`, 200);
    })();
    return this.selfPolicyMade;
  }
}
