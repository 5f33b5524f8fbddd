// Graph's protocol layer, over a real socket (both adapters: MOCK_ADAPTER=msw): an unknown path segment is a 400
// naming it while an unknown id of a known collection stays a 404; single entities carry `@odata.context` named
// after their entity set; a body property the v1.0 types do not declare is refused, at any depth, state unchanged.
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, tokenFor, USERS, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();

/** A path the spec has no operation for (the contract-checking client refuses to send those): plain fetch. */
async function unserved(method: string, path: string) {
  const response = await fetch(graph().url(path), { method, headers: { authorization: `Bearer ${tokenFor('admin')}` } });
  return { status: response.status, error: (await response.json()).error };
}

describe('unknown path segments', () => {
  it('answer 400 BadRequest naming the first segment Graph cannot follow; unknown ids stay 404', async () => {
    expect(await unserved('GET', `${EM}/accessPackages/${PACKAGES.marketingCampaigns}/inventedThings`)).toMatchObject({
      status: 400,
      error: { code: 'BadRequest', message: "Resource not found for the segment 'inventedThings'." },
    });
    expect(await unserved('GET', `${EM}/inventedCollection/x/y`)).toMatchObject({
      status: 400,
      error: { code: 'BadRequest', message: "Resource not found for the segment 'inventedCollection'." },
    });
    expect((await unserved('GET', '/me/inventedThings')).error.message).toBe("Resource not found for the segment 'inventedThings'.");
    await graph().refused('GET', `${EM}/accessPackages/dead0000-0000-4000-8000-00000000beef`, 404, 'ResourceNotFound', { as: 'admin' });
    // A path some route serves, asked with a method none serves.
    expect(await unserved('PATCH', `${EM}/assignmentRequests/dead0000-0000-4000-8000-00000000beef`)).toMatchObject({ status: 405, error: { code: 'MethodNotAllowed' } });
  });
});

describe('@odata.context on single entities', () => {
  it('names the entity set of a read, a create and a replace, with the $select list and parent keys', async () => {
    const http = graph();
    const root = `${http.server.graphUrl}/$metadata#`;
    expect((await http.ok('GET', '/me', 200, { as: 'adele' }))['@odata.context']).toBe(`${root}users/$entity`);
    expect((await http.ok('GET', `/users/${USERS.adele}?$select=displayName,mail`, 200, { as: 'lee' }))['@odata.context']).toBe(
      `${root}users(displayName,mail)/$entity`,
    );
    expect((await http.ok('GET', '/me/manager', 200, { as: 'adele' }))['@odata.context']).toBe(`${root}directoryObjects/$entity`);
    expect((await http.ok('GET', `${EM}/accessPackages/${PACKAGES.marketingCampaigns}`, 200, { as: 'admin' }))['@odata.context']).toBe(
      `${root}identityGovernance/entitlementManagement/accessPackages/$entity`,
    );
    const catalog = await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body: { displayName: 'Context', description: 'c' } });
    expect(catalog['@odata.context']).toBe(`${root}identityGovernance/entitlementManagement/catalogs/$entity`);
    const policy = await http.ok('GET', `${EM}/assignmentPolicies/${POLICIES.marketingCampaigns}`, 200, { as: 'admin' });
    const { ['@odata.context']: _, ...body } = policy;
    const replaced = await http.ok('PUT', `${EM}/assignmentPolicies/${POLICIES.marketingCampaigns}`, 200, { as: 'admin', body });
    expect(replaced['@odata.context']).toBe(`${root}identityGovernance/entitlementManagement/assignmentPolicies/$entity`);
  });

  it('names a contained entity through its parent key', async () => {
    const http = graph();
    const [approval] = (await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$expand=stages`, 200, { as: 'lee' })).value;
    expect(approval).toBeDefined();
    const stage = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${approval.id}/stages/${approval.stages[0].id}`, 200, { as: 'lee' });
    expect(stage['@odata.context']).toBe(
      `${http.server.graphUrl}/$metadata#identityGovernance/entitlementManagement/accessPackageAssignmentApprovals('${approval.id}')/stages/$entity`,
    );
  });
});

describe('properties the v1.0 types do not declare', () => {
  it('are refused at the top level and nested, naming the property, and change nothing', async () => {
    const http = graph();
    const path = `${EM}/assignmentPolicies/${POLICIES.marketingCampaigns}`;
    const { ['@odata.context']: _, ...before } = await http.ok('GET', path, 200, { as: 'admin' });
    // The beta shape: requestorSettings { scopeType, acceptRequests } silently reset the v1.0 settings before.
    const beta = { ...before, requestorSettings: { scopeType: 'AllExistingDirectoryMemberUsers', acceptRequests: true } };
    const error = await http.refused('PUT', path, 400, 'BadRequest', { as: 'admin', body: beta });
    expect(error).toMatchObject({
      message: expect.stringContaining("The property 'scopeType' does not exist on type 'microsoft.graph.accessPackageAssignmentRequestorSettings'"),
      target: 'requestorSettings.scopeType',
    });
    await http.refused('PUT', path, 400, 'BadRequest', { as: 'admin', body: { ...before, durationInDays: 30 } });
    // Inside an array, read as the derived type the item names.
    const stages = [{ ...before.requestApprovalSettings.stages[0], primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: USERS.diego, isBackup: false }] }];
    const nested = await http.refused('PUT', path, 400, 'BadRequest', { as: 'admin', body: { ...before, requestApprovalSettings: { ...before.requestApprovalSettings, stages } } });
    expect(nested.target).toBe('requestApprovalSettings.stages.primaryApprovers.isBackup');
    expect((await http.ok('GET', path, 200, { as: 'admin' })).requestorSettings).toEqual(before.requestorSettings);
    await http.refused('POST', `${EM}/catalogs`, 400, 'BadRequest', { as: 'admin', body: { displayName: 'x', catalogStatus: 'Published' } });
  });

  it('allow @odata.type and other annotations', async () => {
    const http = graph();
    const body = { '@odata.type': '#microsoft.graph.accessPackageCatalog', 'displayName@odata.annotation': 'x', displayName: 'Annotated', description: 'a' };
    expect((await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body })).displayName).toBe('Annotated');
  });
});
