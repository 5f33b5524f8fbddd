// accessPackageSuggestions over a real socket: related people (manager, peers, direct reports) holding a package,
// the caller's own past assignments, only packages the caller may request and does not hold, and the tenant's
// relatedPeopleInsightLevel (a /_mock control) deciding whether names are told.
import { createClient } from '@entitlement-kit/sdk';
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, tokenFor, USERS, useMockServer, type GraphHttp } from '../support/graph-http.ts';

const graph = useMockServer();
const SUGGESTIONS = `${EM}/accessPackageSuggestions`;
const BOTH = `${SUGGESTIONS}/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')?$expand=accessPackage`;
const HISTORY = `${SUGGESTIONS}/filterByCurrentUser(on='assignmentHistory')?$expand=accessPackage`;
const RELATED_TYPE = '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased';
const HISTORY_TYPE = '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased';

async function assign(http: GraphHttp, targetId: string, accessPackageId: string, assignmentPolicyId: string): Promise<string> {
  await http.ok('POST', `${EM}/assignmentRequests`, 201, {
    as: 'admin',
    body: { requestType: 'adminAdd', assignment: { targetId, accessPackageId, assignmentPolicyId } },
  });
  const filter = encodeURIComponent(`target/objectId eq '${targetId}' and accessPackage/id eq '${accessPackageId}' and state eq 'delivered'`);
  const [assignment] = (await http.ok('GET', `${EM}/assignments?$filter=${filter}`, 200, { as: 'admin' })).value;
  expect(assignment, `${accessPackageId} delivered to ${targetId}`).toBeDefined();
  return assignment.id;
}

const unassign = (http: GraphHttp, assignmentId: string) =>
  http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'admin', body: { requestType: 'adminRemove', assignment: { id: assignmentId } } });

const suggested = async (http: GraphHttp, as: 'adele' | 'lee', path = BOTH) => (await http.ok('GET', path, 200, { as })).value as any[];
const forPackage = (list: any[], id: string) => list.find((s) => s.id === id);
const relatedReason = (suggestion: any) => suggestion?.reasons.find((r: any) => r['@odata.type'] === RELATED_TYPE);

describe('access package suggestions from related people', () => {
  it('counts the manager, peers and direct reports who hold a package the caller may request, and nobody else', async () => {
    const http = graph();
    const countOf = async (as: 'adele' | 'lee') =>
      relatedReason(forPackage(await suggested(http, as), PACKAGES.engineeringWiki))?.relatedPeopleAssignmentCount ?? 0;
    const adeleBefore = await countOf('adele');
    const leeBefore = await countOf('lee');

    // Alex is Adele's peer and Lee's direct report; Henrietta is related to neither.
    await assign(http, USERS.alex, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    await assign(http, USERS.henrietta, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    expect(await countOf('lee')).toBe(leeBefore + 1);
    expect(await countOf('adele')).toBe(adeleBefore + 1);
    // Lee is Adele's manager.
    await assign(http, USERS.lee, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);

    const answer = await http.ok('GET', BOTH, 200, { as: 'adele' });
    expect(answer['@odata.context']).toMatch(
      /\$metadata#identityGovernance\/entitlementManagement\/accessPackageSuggestions\/filterByCurrentUser\(on='relatedPeopleAssignments,assignmentHistory'\)$/,
    );
    const wiki = forPackage(answer.value, PACKAGES.engineeringWiki);
    expect(wiki).toMatchObject({
      id: PACKAGES.engineeringWiki,
      accessPackage: { id: PACKAGES.engineeringWiki, displayName: 'Engineering Wiki' },
      reasons: [{ '@odata.type': RELATED_TYPE, relatedPeopleAssignmentCount: adeleBefore + 2 }],
    });
    // The default insight level tells the count only.
    expect(relatedReason(wiki)).not.toHaveProperty('relatedPeople');
    // Lee holds it now: no longer suggested to him.
    expect(forPackage(await suggested(http, 'lee'), PACKAGES.engineeringWiki)).toBeUndefined();
  });

  it('leaves out packages the caller cannot request, hidden packages and packages the caller holds now', async () => {
    const http = graph();
    await assign(http, USERS.alex, PACKAGES.buildAgentsAdmin, POLICIES.buildAgentsAdmin); // adminAdd only
    await assign(http, USERS.alex, PACKAGES.customerDataExport, POLICIES.customerDataExport); // hidden
    await assign(http, USERS.alex, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    let list = await suggested(http, 'adele');
    expect(forPackage(list, PACKAGES.buildAgentsAdmin)).toBeUndefined();
    expect(forPackage(list, PACKAGES.customerDataExport)).toBeUndefined();
    expect(forPackage(list, PACKAGES.engineeringWiki)).toBeDefined();

    await assign(http, USERS.adele, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    list = await suggested(http, 'adele');
    expect(forPackage(list, PACKAGES.engineeringWiki)).toBeUndefined();
  });

  it('names the related people only at countAndNames, and gives no related-people reason when disabled', async () => {
    const http = graph();
    await assign(http, USERS.alex, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    await assign(http, USERS.lynne, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    const level = async (relatedPeopleInsightLevel: string) =>
      expect(await http.ok('PUT', '/_mock/end-user-settings', 200, { body: { relatedPeopleInsightLevel } })).toEqual({ relatedPeopleInsightLevel });

    expect(await http.ok('GET', '/_mock/end-user-settings', 200)).toEqual({ relatedPeopleInsightLevel: 'count' });
    await level('countAndNames');
    const named = relatedReason(forPackage(await suggested(http, 'adele'), PACKAGES.engineeringWiki));
    expect(named.relatedPeople).toEqual(
      expect.arrayContaining([
        { id: USERS.alex, displayName: 'Alex Wilber' },
        { id: USERS.lynne, displayName: 'Lynne Robbins' },
      ]),
    );
    expect(named.relatedPeople).toHaveLength(named.relatedPeopleAssignmentCount);

    await level('disabled');
    const list = await suggested(http, 'adele');
    expect(list.flatMap((s) => s.reasons).filter((r) => r['@odata.type'] === RELATED_TYPE)).toEqual([]);

    await http.refused('PUT', '/_mock/end-user-settings', 400, 'BadRequest', { body: { relatedPeopleInsightLevel: 'everything' } });
    await http.refused('PUT', '/_mock/end-user-settings', 400, 'BadRequest', { body: { relatedPeopleInsightLevel: 'count', extra: 1 } });
    expect(await http.ok('GET', '/_mock/end-user-settings', 200)).toEqual({ relatedPeopleInsightLevel: 'disabled' });
  });
});

describe('access package suggestions from assignment history', () => {
  it('counts the caller\'s ended assignments of a package and gives the start of the last one', async () => {
    const http = graph();
    expect(forPackage(await suggested(http, 'adele', HISTORY), PACKAGES.engineeringWiki)).toBeUndefined();
    await unassign(http, await assign(http, USERS.adele, PACKAGES.engineeringWiki, POLICIES.engineeringWiki));
    await http.ok('POST', '/_mock/clock', 200, { body: { advance: 'P3D' } });
    const second = await assign(http, USERS.adele, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    const { startDateTime } = (await http.ok('GET', `${EM}/assignments/${second}`, 200, { as: 'admin' })).schedule;
    // Held now: not suggested.
    expect(forPackage(await suggested(http, 'adele', HISTORY), PACKAGES.engineeringWiki)).toBeUndefined();
    await unassign(http, second);

    const answer = await http.ok('GET', HISTORY, 200, { as: 'adele' });
    expect(forPackage(answer.value, PACKAGES.engineeringWiki)).toEqual({
      id: PACKAGES.engineeringWiki,
      reasons: [{ '@odata.type': HISTORY_TYPE, pastAssignmentCount: 2, lastAssignmentDateTime: startDateTime }],
      accessPackage: { id: PACKAGES.engineeringWiki, displayName: 'Engineering Wiki', description: expect.any(String) },
    });
    // on='relatedPeopleAssignments' alone leaves history out; the plain list gives both kinds.
    const relatedOnly = await suggested(http, 'adele', `${SUGGESTIONS}/filterByCurrentUser(on='relatedPeopleAssignments')`);
    expect(relatedOnly.flatMap((s) => s.reasons).filter((r) => r['@odata.type'] === HISTORY_TYPE)).toEqual([]);
    const plain = await http.ok('GET', SUGGESTIONS, 200, { as: 'adele' });
    expect(plain['@odata.context']).toMatch(/\$metadata#identityGovernance\/entitlementManagement\/accessPackageSuggestions$/);
    expect(forPackage(plain.value, PACKAGES.engineeringWiki)).toEqual({
      id: PACKAGES.engineeringWiki,
      reasons: [{ '@odata.type': HISTORY_TYPE, pastAssignmentCount: 2, lastAssignmentDateTime: startDateTime }],
    });
  });
});

describe('the SDK\'s listSuggestions', () => {
  it('reads the suggestions with their packages, both kinds by default or the kinds asked for', async () => {
    const http = graph();
    await unassign(http, await assign(http, USERS.adele, PACKAGES.engineeringWiki, POLICIES.engineeringWiki));
    await assign(http, USERS.alex, PACKAGES.engineeringWiki, POLICIES.engineeringWiki);
    const client = createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('adele') });
    const all = await client.listSuggestions().toArray();
    expect(all).toEqual((await http.ok('GET', BOTH, 200, { as: 'adele' })).value);
    expect(forPackage(all, PACKAGES.engineeringWiki).reasons.map((r: any) => r['@odata.type'])).toEqual([RELATED_TYPE, HISTORY_TYPE]);
    const history = await client.listSuggestions(['assignmentHistory']).toArray();
    expect(history.map((s) => s.reasons?.map((r) => r['@odata.type']))).toEqual([[HISTORY_TYPE]]);
    expect(history[0].accessPackage).toMatchObject({ displayName: 'Engineering Wiki' });
  });
});

describe('access package suggestions: bad input', () => {
  it('refuses unknown on= flags and navigation properties', async () => {
    const http = graph();
    await http.refused('GET', `${SUGGESTIONS}/filterByCurrentUser(on='allowedRequestor')`, 400, 'InvalidFilterOption', { as: 'adele' });
    await http.refused('GET', `${SUGGESTIONS}/filterByCurrentUser(on='assignmentHistory,toString')`, 400, 'InvalidFilterOption', { as: 'adele' });
    await http.refused('GET', `${SUGGESTIONS}?$expand=catalog`, 400, 'BadRequest', { as: 'adele' });
    await http.refused('GET', `${SUGGESTIONS}?$expand=accessPackage($expand=catalog)`, 400, 'BadRequest', { as: 'adele' });
    // availableAccessPackage's one navigation property.
    const withScopes = await http.ok('GET', `${SUGGESTIONS}?$expand=accessPackage($expand=resourceRoleScopes($expand=role,scope))`, 200, { as: 'adele' });
    expect(withScopes.value.length).toBeGreaterThan(0);
    for (const s of withScopes.value) {
      expect(s.accessPackage.resourceRoleScopes.length).toBeGreaterThan(0);
      for (const rs of s.accessPackage.resourceRoleScopes) expect(rs).toMatchObject({ id: expect.any(String), role: { id: expect.any(String) }, scope: { id: expect.any(String) } });
    }
    expect((await http.ok('GET', `${SUGGESTIONS}/filterByCurrentUser(on='none')`, 200, { as: 'adele' })).value).toEqual([]);
  });
});
