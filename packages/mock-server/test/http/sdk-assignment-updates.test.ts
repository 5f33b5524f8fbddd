// The SDK's update verbs against the mock over loopback: an employee extends (with approval by the manager), a manager
// extends a report's access, an administrator updates; refusals reach the caller as GraphError with Graph's code.
import { createClient, GraphError } from '@entitlement-kit/sdk';
import { createAdmin } from '@entitlement-kit/sdk/admin';
import { createAssignmentUpdates } from '@entitlement-kit/sdk/assignment-updates';
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, USERS, tokenFor, useMockServer, type Person } from '../support/graph-http.ts';

const graph = useMockServer();
const DAY = 86_400_000;
const client = (who: Person) => createClient({ baseUrl: graph().server.graphUrl, getAccessToken: () => tokenFor(who) });
const updates = (who: Person) => createAssignmentUpdates(client(who));
const inDays = (days: number) => new Date(Date.parse(graph().server.engine.now()) + days * DAY).toISOString().replace(/\.000Z$/, 'Z');

async function activeOf(who: Person, packageId: string) {
  const mine = await client(who).listMyAssignments().toArray();
  return mine.find((a) => a.accessPackage?.id === packageId && a.state === 'delivered')!;
}

describe('SDK: extend and update assignments', () => {
  it('an employee extends with approval; the manager sees the old and new end dates and approves', async () => {
    const alex = updates('alex');
    const before = await activeOf('alex', PACKAGES.marketingCampaigns);
    const newEnd = inDays(25);
    const asked = await alex.extendAssignment(before.id!, { endDateTime: newEnd, justification: 'The campaign runs longer.' });
    expect(asked.requestType).toBe('userUpdate');
    await graph().server.engine.whenIdle();

    const lee = client('lee');
    const [pending] = (await lee.listPendingApprovals().toArray()).filter((r) => r.requestType === 'userUpdate');
    expect(pending.assignment?.schedule?.expiration?.endDateTime).toBe(before.schedule?.expiration?.endDateTime);
    expect(pending.schedule?.expiration?.endDateTime).toBe(newEnd);
    const approval = await lee.getApproval(pending.id!);
    await lee.decide(pending.id!, approval.stages![0].id!, { reviewResult: 'Approve' });

    const after = await alex.getAssignment(before.id!);
    expect(after.schedule?.expiration?.endDateTime).toBe(newEnd);
    expect(after.assignmentPolicy?.id).toBe(before.assignmentPolicy?.id);
  });

  it('a manager extends a report; a refusal is a GraphError with the reason', async () => {
    const before = await activeOf('pradeep', PACKAGES.salesPipeline);
    const newEnd = inDays(150);
    await updates('lee').extendAssignment(before.id!, { endDateTime: newEnd });
    await graph().server.engine.whenIdle();
    expect((await updates('pradeep').getAssignment(before.id!)).schedule?.expiration?.endDateTime).toBe(newEnd);

    const tooLate = updates('lee').extendAssignment(before.id!, { endDateTime: inDays(181) });
    await expect(tooLate).rejects.toBeInstanceOf(GraphError);
    await expect(tooLate).rejects.toMatchObject({ status: 400, code: 'ScheduleOutsidePolicyExpiration' });
    await expect(updates('miriam').extendAssignment(before.id!, { endDateTime: newEnd })).rejects.toMatchObject({ status: 403, code: 'NotTargetManager' });
  });

  it('an administrator updates any assignment (adminUpdate)', async () => {
    const before = await activeOf('grady', PACKAGES.buildAgentsAdmin);
    const newEnd = inDays(10);
    const admin = createAdmin(client('admin'));
    expect((await admin.updateAssignment(before.id!, { endDateTime: newEnd })).requestType).toBe('adminUpdate');
    await graph().server.engine.whenIdle();
    expect((await graph().ok('GET', `${EM}/assignments/${before.id}`, 200, { as: 'admin' })).schedule.expiration.endDateTime).toBe(newEnd);
  });

  it('an administrator reprocesses a failed delivery and lists who holds two packages', async () => {
    const admin = createAdmin(client('admin'));
    const [failed] = (await client('isaiah').listMyRequests().toArray()).filter((r) => r.state === 'deliveryFailed');
    const [scope] = (await graph().ok('GET', `${EM}/accessPackages/${PACKAGES.projectPhoenix}/resourceRoleScopes`, 200, { as: 'admin' })).value;
    await graph().ok('DELETE', `${EM}/accessPackages/${PACKAGES.projectPhoenix}/resourceRoleScopes/${scope.id}`, 204, { as: 'admin' });
    await admin.reprocessRequest(failed.id!);
    expect((await client('isaiah').getRequest(failed.id!)).state).toBe('delivered');
    await admin.reprocessAssignment(failed.assignment!.id!);
    await expect(admin.reprocessRequest(failed.id!)).rejects.toMatchObject({ status: 409, code: 'RequestNotReprocessable' });

    await admin.assign({ targetId: USERS.pradeep, accessPackageId: PACKAGES.marketingCampaigns, assignmentPolicyId: POLICIES.marketingCampaigns });
    await graph().server.engine.whenIdle();
    const both = await admin.listAdditionalAccess(PACKAGES.salesPipeline, PACKAGES.marketingCampaigns, { expand: ['target'] }).toArray();
    expect(both.map((a) => a.target?.objectId)).toEqual([USERS.pradeep]);
  });
});
