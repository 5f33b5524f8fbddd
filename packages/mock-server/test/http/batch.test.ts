// Flow (f) over a real socket: JSON batching as Graph documents it. Each sub-request is answered on its own (one
// failing does not fail the others, every sub-response body is validated against its own operation); 21 is too many.
import { describe, expect, it } from 'vitest';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
const JSON_HEADERS = { 'content-type': 'application/json' };

const twenty = () => [
  { id: '1', method: 'GET', url: '/me' },
  { id: '2', method: 'GET', url: '/me/directReports' },
  { id: '3', method: 'GET', url: `/users/${USERS.adele}/manager` },
  { id: '4', method: 'GET', url: `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=3` },
  { id: '5', method: 'GET', url: `${EM}/accessPackages/${PACKAGES.salesPipeline}?$expand=resourceRoleScopes($expand=role,scope)` },
  { id: '6', method: 'POST', url: `${EM}/accessPackages/${PACKAGES.marketingCampaigns}/getApplicablePolicyRequirements` },
  { id: '7', method: 'GET', url: `${EM}/assignmentRequests/filterByCurrentUser(on='createdBy')` },
  { id: '8', method: 'GET', url: `${EM}/assignmentRequests/filterByCurrentUser(on='approver')` },
  { id: '9', method: 'GET', url: `${EM}/assignments/filterByCurrentUser(on='targetManager')` },
  { id: '10', method: 'GET', url: `${EM}/assignments/filterByCurrentUser(on='target')` },
  { id: '11', method: 'GET', url: `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')` },
  {
    id: '12',
    method: 'POST',
    url: `${EM}/assignmentRequests`,
    headers: JSON_HEADERS,
    body: userAdd(PACKAGES.salesPipeline, POLICIES.salesPipeline, { targetId: USERS.alex, answers: [answerString(QUESTIONS.region, 'EMEA')] }),
  },
  // The one that fails: an id nobody has.
  { id: '13', method: 'GET', url: '/users/10000000-0000-4000-8000-999999999999' },
  // Runs after 12 and sees its assignment.
  { id: '14', method: 'GET', url: `${EM}/assignments/filterByCurrentUser(on='targetManager')?$filter=accessPackage/id eq '${PACKAGES.salesPipeline}'`, dependsOn: ['12'] },
  { id: '15', method: 'GET', url: `${EM}/accessPackages/${PACKAGES.temporaryAccessPass}` },
  { id: '16', method: 'GET', url: `/users?$top=2&$select=id,displayName` },
  { id: '17', method: 'GET', url: `${EM}/catalogs` },
  { id: '18', method: 'GET', url: `/me/manager` },
  { id: '19', method: 'GET', url: `/users/${USERS.lynne}` },
  { id: '20', method: 'GET', url: `${EM}/accessPackages/${PACKAGES.salesPipeline}/assignmentPolicies` },
];

describe('JSON batching over HTTP', () => {
  it('answers 20 mixed requests one by one; the failing one fails alone', async () => {
    const http = graph();
    const requests = twenty();
    const body = await http.ok('POST', '/$batch', 200, { as: 'lee', body: { requests } });
    const byId = new Map<string, any>(body.responses.map((r: any) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(requests.map((r) => r.id).sort());
    const status = (id: string) => byId.get(id).status;

    for (const id of requests.map((r) => r.id).filter((i) => !['12', '13'].includes(i))) expect(status(id), `request ${id}`).toBe(200);
    expect(status('12')).toBe(201);
    expect(status('13')).toBe(404);
    expect(byId.get('13').body.error.code).toBe('ResourceNotFound');
    expect(byId.get('1').body.id).toBe(USERS.lee);
    const created = byId.get('12').body;
    // Graph answers a new request submitted and processes it afterwards; the list of a later item sees it delivered.
    expect({ state: created.state, status: created.status }).toEqual({ state: 'submitted', status: 'Accepted' });
    expect(byId.get('14').body.value).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'delivered' })]));
    expect(byId.get('14').body.value).toHaveLength(3);
    // $select keeps the chosen properties (and annotations), nothing else.
    expect(Object.keys(byId.get('16').body.value[0]).filter((k) => !k.startsWith('@')).sort()).toEqual(['displayName', 'id']);
  });

  it('answers a dependent of a failed request 424 without running it', async () => {
    const http = graph();
    const requests = [
      { id: 'a', method: 'POST', url: `${EM}/assignmentRequests`, headers: JSON_HEADERS, body: userAdd(PACKAGES.buildAgentsAdmin, POLICIES.buildAgentsAdmin) },
      { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
    ];
    const body = await http.ok('POST', '/$batch', 200, { as: 'lynne', body: { requests } });
    expect(body.responses.map((r: any) => [r.id, r.status, r.body.error?.code])).toEqual([
      ['a', 403, 'NewRequestsDisabled'],
      ['b', 424, 'FailedDependency'],
    ]);
  });

  it('refuses 21 requests with 400 and runs none of them', async () => {
    const http = graph();
    const before = await http.state();
    const requests = [...twenty(), { id: '21', method: 'GET', url: '/me' }];
    const error = await http.refused('POST', '/$batch', 400, 'BadRequest', { as: 'lee', body: { requests } });
    expect(error.message).toMatch(/at most 20/);
    expect(await http.state()).toEqual(before);
  });
});
