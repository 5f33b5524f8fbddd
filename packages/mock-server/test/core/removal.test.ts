// Removing access: by the person themself, by their manager on their behalf, by an administrator; refused when
// the policy does not allow it.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { expectRefused, GROUPS, newEngine, PACKAGES, POLICIES, USERS, submit } from './support/engine.ts';

const held = (engine: Engine, userId: string, packageId: string) =>
  engine.listMyAssignments(userId, 'target', { expand: { accessPackage: true } }).find((a) => a.accessPackage?.id === packageId && a.state === 'delivered')?.id as string;

const removal = (requestType: string, id: string) => ({ requestType, assignment: { id } });

describe('removing access', () => {
  it('the target removes their own access when the policy lets them', () => {
    const engine = newEngine();
    const id = held(engine, USERS.adele, PACKAGES.salesPipeline);
    expect(engine.listGroupMembers(USERS.admin, GROUPS.salesPipelineEditors).map((m) => m.id)).toContain(USERS.adele);
    const req = submit(engine, USERS.adele, removal('userRemove', id), { expand: { assignment: true } });
    expect(req).toMatchObject({ requestType: 'userRemove', state: 'delivered', assignment: { id, state: 'expired' } });
    expect(engine.getAssignment(USERS.adele, id).expiredDateTime).toBe('2026-11-02T09:00:00Z');
    expect(engine.listGroupMembers(USERS.admin, GROUPS.salesPipelineEditors).map((m) => m.id)).not.toContain(USERS.adele);
    expect(engine.outbox().map((n) => [n.kind, n.to])).toEqual([['removed', [USERS.adele]]]);
  });

  it('a manager removes a direct report’s access when the policy enables on-behalf removal', () => {
    const engine = newEngine();
    const team = engine.listMyAssignments(USERS.lee, 'targetManager', { expand: { target: true, accessPackage: true } });
    const pradeeps = team.find((a) => a.target?.objectId === USERS.pradeep && a.accessPackage?.id === PACKAGES.salesPipeline);
    const req = submit(engine, USERS.lee, removal('userRemove', pradeeps?.id as string), { expand: { requestor: true } });
    expect(req).toMatchObject({ state: 'delivered', requestor: { objectId: USERS.lee } });
    expect(engine.outbox().map((n) => [n.kind, n.to])).toEqual([['removed', [USERS.pradeep, USERS.lee]]]);
  });

  it('refused: self-removal off, on-behalf removal off, not the manager, a manager beyond managerLevel', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.grady, removal('userRemove', held(engine, USERS.grady, PACKAGES.buildAgentsAdmin))), 403, 'SelfRemoveNotAllowed');
    const tapUser = submit(engine, USERS.lee, {
      requestType: 'userAdd',
      assignment: { accessPackageId: PACKAGES.temporaryAccessPass, assignmentPolicyId: POLICIES.temporaryAccessPass, targetId: USERS.adele },
      parameters: { bypassApproval: true },
    });
    expect(tapUser.state).toBe('delivered');
    expectRefused(engine, () => engine.createRequest(USERS.lee, removal('userRemove', held(engine, USERS.adele, PACKAGES.temporaryAccessPass))), 403, 'OnBehalfRemoveDisabled');
    const pradeeps = held(engine, USERS.pradeep, PACKAGES.salesPipeline);
    expectRefused(engine, () => engine.createRequest(USERS.adele, removal('userRemove', pradeeps)), 403, 'NotTargetManager');
    expectRefused(engine, () => engine.createRequest(USERS.miriam, removal('userRemove', pradeeps)), 403, 'NotTargetManager');
  });

  it('an administrator removes any assignment with adminRemove; others may not', () => {
    const engine = newEngine();
    const id = held(engine, USERS.grady, PACKAGES.buildAgentsAdmin);
    expectRefused(engine, () => engine.createRequest(USERS.nestor, removal('adminRemove', id)), 403, 'Authorization_RequestDenied');
    expect(submit(engine, USERS.admin, removal('adminRemove', id)).state).toBe('delivered');
    expect(engine.getAssignment(USERS.grady, id).state).toBe('expired');
    expect(engine.outbox().map((n) => [n.kind, n.to])).toEqual([['removed', [USERS.grady]]]);
  });

  it('refused: an ended assignment, an unknown one, a missing id', () => {
    const engine = newEngine();
    const ended = engine.listMyAssignments(USERS.henrietta, 'target').find((a) => a.state === 'expired')?.id as string;
    expectRefused(engine, () => engine.createRequest(USERS.henrietta, removal('userRemove', ended)), 409, 'AssignmentNotActive');
    expectRefused(engine, () => engine.createRequest(USERS.adele, removal('userRemove', 'nope')), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.createRequest(USERS.adele, { requestType: 'userRemove', assignment: {} }), 400, 'MissingProperty');
  });
});
