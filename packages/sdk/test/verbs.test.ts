// Each verb sends the method, path, query and body Graph documents for it.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../src/admin.ts';
import { createClient } from '../src/index.ts';
import type { AdminVerbs, AnswerString, AssignmentRequest, EntitlementClient } from '../src/index.ts';
import { BASE, EM_PATH as EM, useGraphServer } from './support/server.ts';

const { server } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 't', batching: false });

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  prefer?: string;
  consistencyLevel?: string;
}
let sent: Sent[] = [];

beforeEach(() => {
  sent = [];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const path = decodeURIComponent(request.url.slice(BASE.length));
      const text = await request.text();
      const entry: Sent = { method: request.method, path };
      if (text) entry.body = JSON.parse(text);
      if (request.headers.has('prefer')) entry.prefer = request.headers.get('prefer')!;
      if (request.headers.has('consistencylevel')) entry.consistencyLevel = request.headers.get('consistencylevel')!;
      sent.push(entry);
      // A connected organization's PATCH is the one Graph answers 202 with a body.
      const accepted = request.method === 'PATCH' && /\/connectedOrganizations\/[^/]+$/.test(path);
      const noContent = !accepted && (['PATCH', 'DELETE'].includes(request.method) || /\/(cancel|resume|\$ref)(\?|$)/.test(path));
      return noContent ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({ id: 'answer', value: [{ id: 'item' }] }, { status: accepted ? 202 : 200 });
    }),
  );
});

async function only(call: Promise<unknown> | { toArray(): Promise<unknown> }): Promise<Sent> {
  await ('toArray' in call ? call.toArray() : call);
  expect(sent).toHaveLength(1);
  return sent[0];
}

const cases: [string, (c: EntitlementClient) => Promise<unknown> | { toArray(): Promise<unknown> }, Sent][] = [
  ['getMe', (c) => c.getMe(), { method: 'GET', path: '/me' }],
  ['listDirectReports', (c) => c.listDirectReports(), { method: 'GET', path: '/me/directReports?$select=id,displayName,mail,userPrincipalName,jobTitle,department' }],
  [
    'listDirectReports with search',
    (c) => c.listDirectReports({ search: 'adele', count: true }),
    { method: 'GET', path: '/me/directReports?$search="displayName:adele"&$count=true&$select=id,displayName,mail,userPrincipalName,jobTitle,department', consistencyLevel: 'eventual' },
  ],
  ['getManager', (c) => c.getManager('u1'), { method: 'GET', path: '/users/u1/manager' }],
  ['getUser', (c) => c.getUser('u1'), { method: 'GET', path: '/users/u1' }],
  [
    'listRequestablePackages',
    (c) => c.listRequestablePackages({ search: 'sales', top: 10 }),
    { method: 'GET', path: `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=10&$search="sales"` },
  ],
  [
    'listSuggestions',
    (c) => c.listSuggestions(),
    { method: 'GET', path: `${EM}/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')?$expand=accessPackage` },
  ],
  [
    'listSuggestions by history',
    (c) => c.listSuggestions(['assignmentHistory'], { top: 5 }),
    { method: 'GET', path: `${EM}/accessPackageSuggestions/filterByCurrentUser(on='assignmentHistory')?$top=5&$expand=accessPackage` },
  ],
  [
    'getPackage',
    (c) => c.getPackage('p1'),
    { method: 'GET', path: `${EM}/accessPackages/p1?$expand=resourceRoleScopes($expand=role($expand=resource),scope)` },
  ],
  ['getRequirements', (c) => c.getRequirements('p1'), { method: 'POST', path: `${EM}/accessPackages/p1/getApplicablePolicyRequirements` }],
  [
    'requestAccess',
    (c) =>
      c.requestAccess({
        accessPackageId: 'p1',
        assignmentPolicyId: 'pol1',
        answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'A', answeredQuestion: { id: 'q1' } }],
        justification: 'Project',
        schedule: { startDateTime: '2026-02-01T00:00:00Z' },
      }),
    {
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      body: {
        requestType: 'userAdd',
        assignment: { accessPackageId: 'p1', assignmentPolicyId: 'pol1' },
        answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'A', answeredQuestion: { id: 'q1' } }],
        justification: 'Project',
        schedule: { startDateTime: '2026-02-01T00:00:00Z' },
      },
    },
  ],
  [
    'requestAccessFor',
    (c) => c.requestAccessFor('report1', { accessPackageId: 'p1', assignmentPolicyId: 'pol1', bypassApproval: true }),
    {
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      body: {
        requestType: 'userAdd',
        assignment: { accessPackageId: 'p1', assignmentPolicyId: 'pol1', targetId: 'report1' },
        parameters: { bypassApproval: true },
      },
    },
  ],
  ['cancelRequest', (c) => c.cancelRequest('r1'), { method: 'POST', path: `${EM}/assignmentRequests/r1/cancel` }],
  ['getRequest', (c) => c.getRequest('r1'), { method: 'GET', path: `${EM}/assignmentRequests/r1?$expand=accessPackage,assignment,requestor` }],
  [
    'getRequest with expand',
    (c) => c.getRequest('r1', { expand: ['accessPackage'] }),
    { method: 'GET', path: `${EM}/assignmentRequests/r1?$expand=accessPackage` },
  ],
  [
    'listMyRequests',
    (c) => c.listMyRequests(),
    { method: 'GET', path: `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment,requestor` },
  ],
  [
    'listMyRequests createdBy',
    (c) => c.listMyRequests('createdBy'),
    { method: 'GET', path: `${EM}/assignmentRequests/filterByCurrentUser(on='createdBy')?$expand=accessPackage,assignment,requestor` },
  ],
  [
    'listMyRequests requestForOthers',
    (c) => c.listMyRequests('requestForOthers'),
    {
      method: 'GET',
      path: `${EM}/assignmentRequests/filterByCurrentUser(on='requestForOthers')?$expand=accessPackage,assignment,requestor`,
      prefer: 'include-unknown-enum-members',
    },
  ],
  [
    'listPendingApprovals',
    (c) => c.listPendingApprovals({ filter: "accessPackage/id eq 'p1'" }),
    {
      method: 'GET',
      path: `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$filter=(state eq 'pendingApproval') and (accessPackage/id eq 'p1')&$expand=accessPackage,assignment,requestor`,
    },
  ],
  ['getApproval', (c) => c.getApproval('r1'), { method: 'GET', path: `${EM}/accessPackageAssignmentApprovals/r1?$expand=stages` }],
  [
    'decide',
    (c) => c.decide('r1', 's1', { reviewResult: 'Deny', justification: 'Not needed' }),
    { method: 'PATCH', path: `${EM}/accessPackageAssignmentApprovals/r1/stages/s1`, body: { reviewResult: 'Deny', justification: 'Not needed' } },
  ],
  [
    'listMyAssignments',
    (c) => c.listMyAssignments(),
    { method: 'GET', path: `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy,target` },
  ],
  [
    'listTeamAssignments',
    (c) => c.listTeamAssignments(),
    {
      method: 'GET',
      path: `${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage,assignmentPolicy,target`,
      prefer: 'include-unknown-enum-members',
    },
  ],
  [
    'removeAssignment',
    (c) => c.removeAssignment('a1', { justification: 'Left the team' }),
    { method: 'POST', path: `${EM}/assignmentRequests`, body: { requestType: 'userRemove', assignment: { id: 'a1' }, justification: 'Left the team' } },
  ],
  [
    'resumeRequest',
    (c) => c.resumeRequest('r1', { source: 'Contoso.SodCheck', type: 'microsoft.graph.accessPackageCustomExtensionStage.assignmentRequestCreated', data: { state: 'Denied' } }),
    {
      method: 'POST',
      path: `${EM}/assignmentRequests/r1/resume`,
      body: { source: 'Contoso.SodCheck', type: 'microsoft.graph.accessPackageCustomExtensionStage.assignmentRequestCreated', data: { state: 'Denied' } },
    },
  ],
  [
    'createTemporaryAccessPass',
    (c) => c.createTemporaryAccessPass('u1', { lifetimeInMinutes: 60, isUsableOnce: true }),
    { method: 'POST', path: '/users/u1/authentication/temporaryAccessPassMethods', body: { lifetimeInMinutes: 60, isUsableOnce: true } },
  ],
  ['getTemporaryAccessPass', (c) => c.getTemporaryAccessPass('u1', 't1'), { method: 'GET', path: '/users/u1/authentication/temporaryAccessPassMethods/t1' }],
  ['getTemporaryAccessPass of me', (c) => c.getTemporaryAccessPass('me', 't1'), { method: 'GET', path: '/me/authentication/temporaryAccessPassMethods/t1' }],
  ['deleteTemporaryAccessPass', (c) => c.deleteTemporaryAccessPass('u1', 't1'), { method: 'DELETE', path: '/users/u1/authentication/temporaryAccessPassMethods/t1' }],
  ['deleteTemporaryAccessPass of me', (c) => c.deleteTemporaryAccessPass('me', 't1'), { method: 'DELETE', path: '/me/authentication/temporaryAccessPassMethods/t1' }],
];

const adminCases: [string, (a: AdminVerbs) => Promise<unknown> | { toArray(): Promise<unknown> }, Sent][] = [
  ['getSettings', (a) => a.getSettings(), { method: 'GET', path: `${EM}/settings` }],
  ['updateSettings', (a) => a.updateSettings({ externalUserLifecycleAction: 'none' }), { method: 'PATCH', path: `${EM}/settings`, body: { externalUserLifecycleAction: 'none' } }],
  ['getSubject', (a) => a.getSubject('u1'), { method: 'GET', path: `${EM}/subjects(objectId='u1')` }],
  ['updateSubject', (a) => a.updateSubject('u1', 'governed'), { method: 'PATCH', path: `${EM}/subjects(objectId='u1')`, body: { subjectLifecycle: 'governed' } }],
  ['createConnectedOrganization', (a) => a.createConnectedOrganization({ displayName: 'W', state: 'proposed' }), { method: 'POST', path: `${EM}/connectedOrganizations`, body: { displayName: 'W', state: 'proposed' } }],
  ['updateConnectedOrganization', (a) => a.updateConnectedOrganization('o1', { state: 'configured' }), { method: 'PATCH', path: `${EM}/connectedOrganizations/o1`, body: { state: 'configured' } }],
  ['deleteConnectedOrganization', (a) => a.deleteConnectedOrganization('o1'), { method: 'DELETE', path: `${EM}/connectedOrganizations/o1` }],
  ['listSponsors', (a) => a.listSponsors('o1', 'internalSponsors'), { method: 'GET', path: `${EM}/connectedOrganizations/o1/internalSponsors` }],
  [
    'addSponsor (group)',
    (a) => a.addSponsor('o1', 'externalSponsors', { id: 'g1', type: 'group' }),
    { method: 'POST', path: `${EM}/connectedOrganizations/o1/externalSponsors/$ref`, body: { '@odata.id': `${BASE}/groups/g1` } },
  ],
  ['removeSponsor', (a) => a.removeSponsor('o1', 'externalSponsors', 'u1'), { method: 'DELETE', path: `${EM}/connectedOrganizations/o1/externalSponsors/u1/$ref` }],
  ['createCatalog', (a) => a.createCatalog({ displayName: 'Sales' }), { method: 'POST', path: `${EM}/catalogs`, body: { displayName: 'Sales' } }],
  ['updateCatalog', (a) => a.updateCatalog('c1', { description: 'd' }), { method: 'PATCH', path: `${EM}/catalogs/c1`, body: { description: 'd' } }],
  ['deleteCatalog', (a) => a.deleteCatalog('c1'), { method: 'DELETE', path: `${EM}/catalogs/c1` }],
  [
    'createAccessPackage',
    (a) => a.createAccessPackage({ displayName: 'P', catalog: { id: 'c1' } }),
    { method: 'POST', path: `${EM}/accessPackages`, body: { displayName: 'P', catalog: { id: 'c1' } } },
  ],
  ['updateAccessPackage', (a) => a.updateAccessPackage('p1', { isHidden: true }), { method: 'PATCH', path: `${EM}/accessPackages/p1`, body: { isHidden: true } }],
  ['deleteAccessPackage', (a) => a.deleteAccessPackage('p1'), { method: 'DELETE', path: `${EM}/accessPackages/p1` }],
  [
    'addResourceRoleScope',
    (a) => a.addResourceRoleScope('p1', { role: { originId: 'Member_g1' }, scope: { originId: 'g1' } }),
    { method: 'POST', path: `${EM}/accessPackages/p1/resourceRoleScopes`, body: { role: { originId: 'Member_g1' }, scope: { originId: 'g1' } } },
  ],
  [
    'addIncompatiblePackage',
    (a) => a.addIncompatiblePackage('p1', 'p2'),
    { method: 'POST', path: `${EM}/accessPackages/p1/incompatibleAccessPackages/$ref`, body: { '@odata.id': `${BASE}${EM}/accessPackages/p2` } },
  ],
  [
    'removeIncompatiblePackage',
    (a) => a.removeIncompatiblePackage('p1', 'p2'),
    { method: 'DELETE', path: `${EM}/accessPackages/p1/incompatibleAccessPackages/p2/$ref` },
  ],
  ['listIncompatibleGroups', (a) => a.listIncompatibleGroups('p1', { top: 5 }), { method: 'GET', path: `${EM}/accessPackages/p1/incompatibleGroups?$top=5` }],
  [
    'addIncompatibleGroup',
    (a) => a.addIncompatibleGroup('p1', 'g1'),
    { method: 'POST', path: `${EM}/accessPackages/p1/incompatibleGroups/$ref`, body: { '@odata.id': `${BASE}/groups/g1` } },
  ],
  ['removeIncompatibleGroup', (a) => a.removeIncompatibleGroup('p1', 'g1'), { method: 'DELETE', path: `${EM}/accessPackages/p1/incompatibleGroups/g1/$ref` }],
  ['listConnectedOrganizations', (a) => a.listConnectedOrganizations(), { method: 'GET', path: `${EM}/connectedOrganizations` }],
  ['getConnectedOrganization', (a) => a.getConnectedOrganization('o1'), { method: 'GET', path: `${EM}/connectedOrganizations/o1` }],
  ['listPolicies', (a) => a.listPolicies({ filter: "accessPackage/id eq 'p1'" }), { method: 'GET', path: `${EM}/assignmentPolicies?$filter=accessPackage/id eq 'p1'` }],
  ['createPolicy', (a) => a.createPolicy({ displayName: 'Pol' }), { method: 'POST', path: `${EM}/assignmentPolicies`, body: { displayName: 'Pol' } }],
  ['replacePolicy', (a) => a.replacePolicy('pol1', { displayName: 'Pol 2' }), { method: 'PUT', path: `${EM}/assignmentPolicies/pol1`, body: { displayName: 'Pol 2' } }],
  ['deletePolicy', (a) => a.deletePolicy('pol1'), { method: 'DELETE', path: `${EM}/assignmentPolicies/pol1` }],
  [
    'createCustomExtension',
    (a) => a.createCustomExtension('c1', { displayName: 'SoD check' }),
    { method: 'POST', path: `${EM}/catalogs/c1/customWorkflowExtensions`, body: { displayName: 'SoD check' } },
  ],
  ['getCustomExtension', (a) => a.getCustomExtension('c1', 'e1'), { method: 'GET', path: `${EM}/catalogs/c1/customWorkflowExtensions/e1` }],
  [
    'updateCustomExtension',
    (a) => a.updateCustomExtension('c1', 'e1', { description: 'd' }),
    { method: 'PATCH', path: `${EM}/catalogs/c1/customWorkflowExtensions/e1`, body: { description: 'd' } },
  ],
  ['deleteCustomExtension', (a) => a.deleteCustomExtension('c1', 'e1'), { method: 'DELETE', path: `${EM}/catalogs/c1/customWorkflowExtensions/e1` }],
  ['listPackagesIncompatibleWith', (a) => a.listPackagesIncompatibleWith('p1'), { method: 'GET', path: `${EM}/accessPackages/p1/accessPackagesIncompatibleWith` }],
  [
    'listResourceRequests',
    (a) => a.listResourceRequests({ filter: "catalog/id eq 'c1'", expand: ['resource'] }),
    { method: 'GET', path: `${EM}/resourceRequests?$filter=catalog/id eq 'c1'&$expand=resource` },
  ],
  ['createUser', (a) => a.createUser({ displayName: 'Ada' }), { method: 'POST', path: '/users', body: { displayName: 'Ada' } }],
  ['updateUser', (a) => a.updateUser('u1', { jobTitle: 'Lead' }), { method: 'PATCH', path: '/users/u1', body: { jobTitle: 'Lead' } }],
  ['deleteUser', (a) => a.deleteUser('u1'), { method: 'DELETE', path: '/users/u1' }],
  ['setManager', (a) => a.setManager('u1', 'm1'), { method: 'PUT', path: '/users/u1/manager/$ref', body: { '@odata.id': `${BASE}/users/m1` } }],
  ['removeManager', (a) => a.removeManager('u1'), { method: 'DELETE', path: '/users/u1/manager/$ref' }],
  [
    'assign',
    (a) => a.assign({ targetId: 'u1', accessPackageId: 'p1', assignmentPolicyId: 'pol1', justification: 'Direct' }),
    {
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      body: { requestType: 'adminAdd', assignment: { targetId: 'u1', accessPackageId: 'p1', assignmentPolicyId: 'pol1' }, justification: 'Direct' },
    },
  ],
  [
    'unassign',
    (a) => a.unassign('a1'),
    { method: 'POST', path: `${EM}/assignmentRequests`, body: { requestType: 'adminRemove', assignment: { id: 'a1' } } },
  ],
];

describe('verbs', () => {
  it.each(cases)('%s', async (_, call, expected) => {
    expect(await only(call(sdk))).toEqual(expected);
  });
});

describe('admin verbs', () => {
  const admin = createAdmin(sdk);
  it.each(adminCases)('%s', async (_, call, expected) => {
    expect(await only(call(admin))).toEqual(expected);
  });

  it('go through the client they were made from, and refuse anything else', async () => {
    await expect(createAdmin(sdk).deleteCatalog('c1')).resolves.toBeUndefined();
    expect(sent).toEqual([{ method: 'DELETE', path: `${EM}/catalogs/c1` }]);
    expect(() => createAdmin({ ...sdk })).toThrow(TypeError);
  });
});

describe('answers', () => {
  it('returns the entity, the requirements list and nothing for 204 calls', async () => {
    await expect(sdk.getMe()).resolves.toMatchObject({ id: 'answer' });
    await expect(sdk.getRequirements('p1')).resolves.toEqual([{ id: 'item' }]);
    await expect(sdk.cancelRequest('r1')).resolves.toBeUndefined();
    await expect(sdk.listMyRequests().toArray()).resolves.toEqual([{ id: 'item' }]);
  });
});

describe('resubmitRequest', () => {
  const answer: AnswerString = { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'EU', answeredQuestion: { id: 'q1' } };
  const previous: AssignmentRequest = {
    id: 'old',
    state: 'denied',
    justification: 'Project Falcon',
    answers: [answer],
    schedule: { startDateTime: '2026-02-01T00:00:00Z' },
    accessPackage: { id: 'p1' },
    requestor: { objectId: 'manager1' },
    assignment: { assignmentPolicyId: 'pol1', targetId: 'report1' },
  };

  it('sends a new userAdd with the earlier package, policy, target, answers, justification and schedule', async () => {
    const sentRequest = await only(sdk.resubmitRequest(previous));
    expect(sentRequest.body).toEqual({
      requestType: 'userAdd',
      assignment: { accessPackageId: 'p1', assignmentPolicyId: 'pol1', targetId: 'report1' },
      answers: previous.answers,
      justification: 'Project Falcon',
      schedule: { startDateTime: '2026-02-01T00:00:00Z' },
    });
  });

  it('leaves the target out when the request was for the requestor themself, and lets overrides win', async () => {
    const own: AssignmentRequest = { ...previous, requestor: { objectId: 'me1' }, assignment: { assignmentPolicyId: 'pol1', targetId: 'me1', accessPackageId: 'p1' } };
    const sentRequest = await only(sdk.resubmitRequest(own, { justification: 'Second try', assignmentPolicyId: 'pol2' }));
    expect(sentRequest.body).toMatchObject({
      requestType: 'userAdd',
      assignment: { accessPackageId: 'p1', assignmentPolicyId: 'pol2' },
      justification: 'Second try',
    });
    expect((sentRequest.body as AssignmentRequest).assignment).not.toHaveProperty('targetId');
  });

  it('refuses a request that does not say which package and policy it was for', async () => {
    await expect(sdk.resubmitRequest({ id: 'bare' })).rejects.toBeInstanceOf(TypeError);
    expect(sent).toHaveLength(0);
  });
});
