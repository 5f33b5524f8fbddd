// reprocess (requests and assignments) and assignments/additionalAccess over a real socket (issue 12). The seed has a
// failed delivery: Isaiah's Project Phoenix Archive, whose group was deleted.
import { describe, expect, it } from 'vitest';
import { EM, GROUPS, PACKAGES, POLICIES, USERS, useMockServer, type GraphHttp, type Person } from '../support/graph-http.ts';

const graph = useMockServer();
const DAY = 86_400_000;

const isaiahsRequest = async (http: GraphHttp) =>
  (await http.all(`${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=assignment,accessPackage`, 'isaiah')).find(
    (r) => r.accessPackage.id === PACKAGES.projectPhoenix,
  );

async function refusedUnchanged(http: GraphHttp, method: string, path: string, as: Person, status: number, code: string) {
  const before = await http.state();
  await http.refused(method, path, status, code, { as });
  expect(await http.state()).toEqual(before);
}

describe('reprocess a request', () => {
  it('retries the seed\'s failed delivery: still failing until the package is fixed, then delivered', async () => {
    const http = graph();
    const failed = await isaiahsRequest(http);
    expect(failed).toMatchObject({ state: 'deliveryFailed', assignment: { state: 'deliveryFailed' } });
    const path = `${EM}/assignmentRequests/${failed.id}/reprocess`;

    const retried = await http.call('POST', path, { as: 'admin' });
    expect(retried.status).toBe(202);
    expect(retried.body).toBeUndefined();
    expect(await isaiahsRequest(http)).toMatchObject({ state: 'deliveryFailed', completedDateTime: failed.completedDateTime });

    // The administrator takes the deleted group's role out of the package, then retries.
    const [scope] = (await http.ok('GET', `${EM}/accessPackages/${PACKAGES.projectPhoenix}/resourceRoleScopes`, 200, { as: 'admin' })).value;
    await http.ok('DELETE', `${EM}/accessPackages/${PACKAGES.projectPhoenix}/resourceRoleScopes/${scope.id}`, 204, { as: 'admin' });
    expect((await http.call('POST', path, { as: 'admin' })).status).toBe(202);
    const delivered = await isaiahsRequest(http);
    expect(delivered).toMatchObject({ state: 'delivered', status: 'Delivered', assignment: { id: failed.assignment.id, state: 'delivered' } });
    // Whatever fell due runs before the next answer: the redelivered assignment's 14-day reminder (its end is near)
    // may follow the delivery email.
    const emails = (await http.outbox()).filter((n: { assignmentId?: string }) => n.assignmentId === failed.assignment.id);
    expect(emails.find((n: { kind: string }) => n.kind === 'delivered')).toMatchObject({ kind: 'delivered', to: [USERS.isaiah], assignmentId: failed.assignment.id });
  });

  it('refuses non-administrators, requests that did not fail, and requests completed more than 14 days ago', async () => {
    const http = graph();
    const failed = await isaiahsRequest(http);
    await refusedUnchanged(http, 'POST', `${EM}/assignmentRequests/${failed.id}/reprocess`, 'isaiah', 403, 'Authorization_RequestDenied');
    const delivered = (await http.all(`${EM}/assignmentRequests`, 'admin')).find((r) => r.state === 'delivered');
    await refusedUnchanged(http, 'POST', `${EM}/assignmentRequests/${delivered.id}/reprocess`, 'admin', 409, 'RequestNotReprocessable');
    await refusedUnchanged(http, 'POST', `${EM}/assignmentRequests/00000000-0000-0000-0000-00000000dead/reprocess`, 'admin', 404, 'ResourceNotFound');
    await http.ok('POST', '/_mock/clock', 200, { body: { now: new Date(Date.parse(failed.completedDateTime) + 14 * DAY + 1000).toISOString() } });
    await refusedUnchanged(http, 'POST', `${EM}/assignmentRequests/${failed.id}/reprocess`, 'admin', 409, 'ReprocessWindowPassed');
  });

  it('after a failed delivery a new request of the same package can be made (the failed one is not open)', async () => {
    const http = graph();
    const ask = () => http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: { requestType: 'userAdd', assignment: { accessPackageId: PACKAGES.projectPhoenix, assignmentPolicyId: POLICIES.projectPhoenix } } });
    await ask();
    await http.server.engine.whenIdle();
    await ask();
  });
});

describe('reprocess an assignment', () => {
  it('grants its resources again: a membership taken away outside the kit comes back', async () => {
    const http = graph();
    const adeles = (await http.all(`${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage`, 'adele')).find((a) => a.accessPackage.id === PACKAGES.salesPipeline);
    const members = async () => (await http.ok('GET', `/groups/${GROUPS.salesPipelineEditors}/members`, 200, { as: 'admin' })).value.map((m: { id: string }) => m.id);
    expect(await members()).toContain(USERS.adele);
    http.server.engine.removeGroupMember(USERS.admin, GROUPS.salesPipelineEditors, USERS.adele);
    expect(await members()).not.toContain(USERS.adele);

    expect((await http.call('POST', `${EM}/assignments/${adeles.id}/reprocess`, { as: 'admin' })).status).toBe(202);
    expect(await members()).toContain(USERS.adele);
    expect(await http.ok('GET', `${EM}/assignments/${adeles.id}`, 200, { as: 'adele' })).toMatchObject({ state: 'delivered', status: 'Delivered' });
  });

  it('refuses non-administrators and assignments that ended', async () => {
    const http = graph();
    const all = await http.all(`${EM}/assignments`, 'admin');
    const active = all.find((a) => a.state === 'delivered');
    const expired = all.find((a) => a.state === 'expired');
    await refusedUnchanged(http, 'POST', `${EM}/assignments/${active.id}/reprocess`, 'lee', 403, 'Authorization_RequestDenied');
    await refusedUnchanged(http, 'POST', `${EM}/assignments/${expired.id}/reprocess`, 'admin', 409, 'AssignmentNotReprocessable');
  });
});

describe('assignments/additionalAccess', () => {
  const additional = (a: string, b: string, query = '') => `${EM}/assignments/additionalAccess(accessPackageId='${a}',incompatibleAccessPackageId='${b}')${query}`;

  it("lists the package's active assignments whose targets also hold the other package", async () => {
    const http = graph();
    expect((await http.ok('GET', additional(PACKAGES.salesPipeline, PACKAGES.marketingCampaigns), 200, { as: 'admin' })).value).toEqual([]);
    // Adele only asked for Marketing Campaigns (pending): she does not count until it is delivered.
    await http.ok('POST', `${EM}/assignmentRequests`, 201, {
      as: 'admin',
      body: { requestType: 'adminAdd', assignment: { targetId: USERS.pradeep, accessPackageId: PACKAGES.marketingCampaigns, assignmentPolicyId: POLICIES.marketingCampaigns } },
    });
    await http.server.engine.whenIdle();
    const page = await http.ok('GET', additional(PACKAGES.salesPipeline, PACKAGES.marketingCampaigns, '?$expand=target'), 200, { as: 'admin' });
    expect(page.value).toHaveLength(1);
    expect(page.value[0]).toMatchObject({ state: 'delivered', target: { objectId: USERS.pradeep } });
    // The other way round: Pradeep's Marketing Campaigns assignment.
    const reverse = await http.ok('GET', additional(PACKAGES.marketingCampaigns, PACKAGES.salesPipeline, '?$expand=accessPackage'), 200, { as: 'admin' });
    expect(reverse.value.map((a: any) => a.accessPackage.id)).toEqual([PACKAGES.marketingCampaigns]);
  });

  it('refuses the same package twice, an unknown package and non-administrators', async () => {
    const http = graph();
    await http.refused('GET', additional(PACKAGES.salesPipeline, PACKAGES.salesPipeline), 400, 'SameAccessPackage', { as: 'admin' });
    await http.refused('GET', additional(PACKAGES.salesPipeline, '00000000-0000-0000-0000-00000000dead'), 404, 'ResourceNotFound', { as: 'admin' });
    await http.refused('GET', additional(PACKAGES.salesPipeline, PACKAGES.marketingCampaigns), 403, 'Authorization_RequestDenied', { as: 'lee' });
  });
});
