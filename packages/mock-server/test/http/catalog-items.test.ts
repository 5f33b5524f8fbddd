// Issue 12's catalog items over a real socket (both adapters: MOCK_ADAPTER=msw): a catalog's custom workflow
// extensions by id (GET, PATCH and the documented PUT, DELETE refused while a policy runs the extension), the
// configurations an extension keeps, a policy answer naming its extensions, the packages that name a package
// incompatible, `$count` of packages and assignments, and the list of resource requests.
import { describe, expect, it } from 'vitest';
import { EM, GROUPS, PACKAGES, USERS, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();
const REQUEST_EXTENSION = '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension';

async function catalogWithExtension() {
  const http = graph();
  const catalog = await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body: { displayName: 'Extensions', description: 'e' } });
  const extension = await http.ok('POST', `${EM}/catalogs/${catalog.id}/customWorkflowExtensions`, 201, {
    as: 'admin',
    body: {
      '@odata.type': REQUEST_EXTENSION,
      displayName: 'Check',
      description: 'checks',
      endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl: 'http://127.0.0.1:9/check' },
      authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdPopTokenAuthentication' },
      callbackConfiguration: { '@odata.type': '#microsoft.graph.customExtensionCallbackConfiguration', timeoutDuration: 'PT1H' },
      clientConfiguration: { '@odata.type': '#microsoft.graph.customExtensionClientConfiguration', maximumRetries: 1, timeoutInMilliseconds: 1000 },
    },
  });
  return { http, catalog, extension, path: `${EM}/catalogs/${catalog.id}/customWorkflowExtensions/${extension.id}` };
}

describe('custom workflow extensions by id', () => {
  it('keep callbackConfiguration and clientConfiguration, and are read, patched and put (200 with the object)', async () => {
    const { http, catalog, extension, path } = await catalogWithExtension();
    const kept = { callbackConfiguration: { timeoutDuration: 'PT1H' }, clientConfiguration: { maximumRetries: 1, timeoutInMilliseconds: 1000 } };
    expect(extension).toMatchObject(kept);
    const read = await http.ok('GET', path, 200, { as: 'admin' });
    expect(read).toMatchObject({ ...kept, '@odata.type': REQUEST_EXTENSION, id: extension.id, displayName: 'Check' });
    expect(read['@odata.context']).toBe(
      `${http.server.graphUrl}/$metadata#identityGovernance/entitlementManagement/catalogs('${catalog.id}')/customWorkflowExtensions/$entity`,
    );

    const patched = await http.ok('PATCH', path, 200, { as: 'admin', body: { description: 'patched' } });
    expect(patched).toMatchObject({ ...kept, description: 'patched', displayName: 'Check' });
    // The docs pages' PUT: the derived type's @odata.type and the properties to change.
    const put = await http.ok('PUT', path, 200, { as: 'admin', body: { '@odata.type': REQUEST_EXTENSION, displayName: 'Checked', clientConfiguration: null } });
    expect(put).toMatchObject({ displayName: 'Checked', description: 'patched', clientConfiguration: null, callbackConfiguration: { timeoutDuration: 'PT1H' } });
    expect(await http.ok('GET', path, 200, { as: 'admin' })).toMatchObject({ displayName: 'Checked', clientConfiguration: null });

    await http.refused('PUT', path, 400, 'InvalidProperty', { as: 'admin', body: { '@odata.type': '#microsoft.graph.accessPackageAssignmentWorkflowExtension', displayName: 'x' } });
    await http.refused('PATCH', path, 400, 'BadRequest', { as: 'admin', body: { callbackConfiguration: { durationBeforeTimeout: 'PT1H' } } });
    await http.refused('PATCH', path, 403, 'Authorization_RequestDenied', { as: 'adele', body: { description: 'mine' } });
    await http.refused('GET', `${EM}/catalogs/${catalog.id}/customWorkflowExtensions/dead0000-0000-4000-8000-00000000beef`, 404, 'ResourceNotFound', { as: 'admin' });
    const other = await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body: { displayName: 'Other', description: 'o' } });
    await http.refused('GET', `${EM}/catalogs/${other.id}/customWorkflowExtensions/${extension.id}`, 404, 'ResourceNotFound', { as: 'admin' });
    expect((await http.ok('GET', path, 200, { as: 'admin' })).displayName).toBe('Checked');
  });

  it('a policy answer names its extension; DELETE is refused while a policy uses it, then removes it', async () => {
    const { http, catalog, extension, path } = await catalogWithExtension();
    const pkg = await http.ok('POST', `${EM}/accessPackages`, 201, { as: 'admin', body: { displayName: 'With extension', description: 'p', catalog: { id: catalog.id } } });
    const policyBody = {
      displayName: 'Self',
      description: 'self',
      allowedTargetScope: 'allMemberUsers',
      expiration: { type: 'afterDuration', duration: 'P30D' },
      requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: false, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: false, enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
      requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
      accessPackage: { id: pkg.id },
    };
    const policy = await http.ok('POST', `${EM}/assignmentPolicies`, 201, { as: 'admin', body: policyBody });
    const stages = [{ stage: 'assignmentRequestCreated', customExtension: { '@odata.type': REQUEST_EXTENSION, id: extension.id } }];
    const put = await http.ok('PUT', `${EM}/assignmentPolicies/${policy.id}`, 200, { as: 'admin', body: { ...policyBody, customExtensionStageSettings: stages } });
    expect(put.customExtensionStageSettings).toMatchObject([{ stage: 'assignmentRequestCreated', customExtension: { '@odata.type': REQUEST_EXTENSION, id: extension.id, displayName: 'Check' } }]);

    await http.refused('DELETE', path, 409, 'CustomExtensionInUse', { as: 'admin' });
    expect((await http.ok('GET', path, 200, { as: 'admin' })).id).toBe(extension.id);
    await http.ok('PUT', `${EM}/assignmentPolicies/${policy.id}`, 200, { as: 'admin', body: { ...policyBody, customExtensionStageSettings: [] } });
    await http.refused('DELETE', path, 403, 'Authorization_RequestDenied', { as: 'adele' });
    await http.ok('DELETE', path, 204, { as: 'admin' });
    await http.refused('GET', path, 404, 'ResourceNotFound', { as: 'admin' });
  });
});

describe('reads of packages, assignments and resource requests', () => {
  it('accessPackagesIncompatibleWith lists the packages that name this one incompatible', async () => {
    const http = graph();
    const named = await http.ok('GET', `${EM}/accessPackages/${PACKAGES.vendorPaymentsCreate}/accessPackagesIncompatibleWith`, 200, { as: 'admin' });
    expect(named.value.map((p: { id: string }) => p.id)).toEqual([PACKAGES.vendorPaymentsApprove]);
    expect((await http.ok('GET', `${EM}/accessPackages/${PACKAGES.vendorPaymentsApprove}/accessPackagesIncompatibleWith`, 200, { as: 'admin' })).value).toEqual([]);
    await http.refused('GET', `${EM}/accessPackages/dead0000-0000-4000-8000-00000000beef/accessPackagesIncompatibleWith`, 404, 'ResourceNotFound', { as: 'admin' });
  });

  it('$count of access packages and assignments is the number the list has, after $filter', async () => {
    const http = graph();
    const packages = await http.all(`${EM}/accessPackages`, 'admin');
    expect((await http.ok('GET', `${EM}/accessPackages/$count`, 200, { as: 'admin' }))).toBe(String(packages.length));
    const hidden = packages.filter((p) => p.isHidden).length;
    expect(await http.ok('GET', `${EM}/accessPackages/$count?$filter=isHidden eq true`, 200, { as: 'admin' })).toBe(String(hidden));
    const assignments = await http.all(`${EM}/assignments`, 'admin');
    expect(await http.ok('GET', `${EM}/assignments/$count`, 200, { as: 'admin' })).toBe(String(assignments.length));
    const delivered = assignments.filter((a) => a.state === 'delivered').length;
    expect(delivered).toBeGreaterThan(0);
    expect(await http.ok('GET', `${EM}/assignments/$count?$filter=state eq 'delivered'`, 200, { as: 'admin' })).toBe(String(delivered));
  });

  it('resourceRequests lists each onboarding and removal, filters by catalog and expands the resource', async () => {
    const http = graph();
    const catalog = await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body: { displayName: 'Resources', description: 'r' } });
    const add = await http.ok('POST', `${EM}/resourceRequests`, 201, {
      as: 'admin',
      body: { requestType: 'adminAdd', resource: { originId: GROUPS.salesTeam, originSystem: 'AadGroup' }, catalog: { id: catalog.id } },
    });
    const listed = await http.ok('GET', `${EM}/resourceRequests?$filter=catalog/id eq '${catalog.id}'&$expand=resource`, 200, { as: 'admin' });
    expect(listed.value).toMatchObject([{ id: add.id, requestType: 'adminAdd', state: 'delivered', resource: { originId: GROUPS.salesTeam } }]);
    expect(listed.value[0]).not.toHaveProperty('catalog');
    const resourceId = listed.value[0].resource.id;
    const remove = await http.ok('POST', `${EM}/resourceRequests`, 201, { as: 'admin', body: { requestType: 'adminRemove', resource: { id: resourceId }, catalog: { id: catalog.id } } });
    const after = await http.ok('GET', `${EM}/resourceRequests?$filter=catalog/id eq '${catalog.id}'&$expand=resource,catalog`, 200, { as: 'admin' });
    expect(after.value).toMatchObject([
      { id: add.id, resource: null, catalog: { id: catalog.id } },
      { id: remove.id, requestType: 'adminRemove', resource: null },
    ]);
    await http.refused('GET', `${EM}/resourceRequests`, 403, 'Authorization_RequestDenied', { as: 'adele' });
    expect(USERS.adele).toBeDefined();
  });
});
