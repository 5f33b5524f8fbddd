// The SDK's admin verbs for issue 12's catalog items against the mock over a real socket (both adapters): a custom
// workflow extension read, updated and deleted by id, the packages naming a package incompatible, and the resource
// requests list with its catalog filter and resource expansion.
import { describe, expect, it } from 'vitest';
import { createClient } from '@entitlement-kit/sdk';
import { createAdmin } from '@entitlement-kit/sdk/admin';
import { GROUPS, PACKAGES, tokenFor, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();

describe('SDK admin verbs on the mock', () => {
  it('read, update and delete an extension, list reverse incompatibilities and resource requests', async () => {
    const token = tokenFor('admin');
    const admin = createAdmin(createClient({ baseUrl: graph().server.graphUrl, getAccessToken: () => token, batching: false }));
    const catalog = await admin.createCatalog({ displayName: 'SDK catalog', description: 's' });
    const extension = await admin.createCustomExtension(catalog.id as string, {
      '@odata.type': '#microsoft.graph.accessPackageAssignmentWorkflowExtension',
      displayName: 'Reminder',
      endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl: 'http://127.0.0.1:9/remind' },
      clientConfiguration: { maximumRetries: 2 },
    } as never);
    await admin.updateCustomExtension(catalog.id as string, extension.id as string, { description: 'reminds' });
    expect(await admin.getCustomExtension(catalog.id as string, extension.id as string)).toMatchObject({ description: 'reminds', clientConfiguration: { maximumRetries: 2 } });
    await admin.deleteCustomExtension(catalog.id as string, extension.id as string);
    await expect(admin.getCustomExtension(catalog.id as string, extension.id as string)).rejects.toMatchObject({ status: 404 });

    const named = await admin.listPackagesIncompatibleWith(PACKAGES.vendorPaymentsCreate).toArray();
    expect(named.map((p) => p.id)).toEqual([PACKAGES.vendorPaymentsApprove]);

    const catalogId = catalog.id as string;
    await graph().ok('POST', '/identityGovernance/entitlementManagement/resourceRequests', 201, {
      as: 'admin',
      body: { requestType: 'adminAdd', resource: { originId: GROUPS.salesTeam, originSystem: 'AadGroup' }, catalog: { id: catalogId } },
    });
    const resourceRequests = await admin.listResourceRequests({ filter: `catalog/id eq '${catalogId}'`, expand: ['resource'] }).toArray();
    expect(resourceRequests).toMatchObject([{ requestType: 'adminAdd', state: 'delivered', resource: { originId: GROUPS.salesTeam } }]);
  });
});
