// Incompatible access packages and groups block requests, whichever package names the other.
import { describe, expect, it } from 'vitest';
import { addBody, expectRefused, GROUPS, newEngine, PACKAGES, POLICIES, USERS, submit } from './support/engine.ts';

const create = addBody(PACKAGES.vendorPaymentsCreate, POLICIES.vendorPaymentsCreate, { justification: 'payments' });
const approve = addBody(PACKAGES.vendorPaymentsApprove, POLICIES.vendorPaymentsApprove, { justification: 'payments' });

describe('separation of duties', () => {
  it('holding the package that names this one as incompatible blocks it', () => {
    const engine = newEngine();
    const error = expectRefused(engine, () => engine.createRequest(USERS.lynne, approve), 403, 'IncompatibleAccessPackage');
    expect(error.message).toContain('Vendor Payments – Create');
  });

  it('holding the package this one names as incompatible blocks it too (the other direction)', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.christie, approve);
    const stage = engine.getApproval(USERS.lidia, req.id as string).stages?.[0];
    engine.decide(USERS.lidia, req.id as string, stage?.id as string, { reviewResult: 'Approve', justification: 'ok' });
    expect(engine.listMyAssignments(USERS.christie, 'target').map((a) => a.state)).toContain('delivered');
    expectRefused(engine, () => engine.createRequest(USERS.christie, create), 403, 'IncompatibleAccessPackage');
  });

  it('an ended assignment no longer blocks', () => {
    const engine = newEngine();
    const held = engine.listMyAssignments(USERS.lynne, 'target').find((a) => a.state === 'delivered' && a.schedule?.expiration?.type === 'afterDateTime');
    submit(engine, USERS.admin, { requestType: 'adminRemove', assignment: { id: held?.id } });
    expect(submit(engine, USERS.lynne, approve).state).toBe('pendingApproval');
  });

  it('members of an incompatible group cannot get the package', () => {
    const engine = newEngine();
    engine.addGroupMember(USERS.admin, GROUPS.contractors, USERS.henrietta);
    expectRefused(engine, () => engine.createRequest(USERS.henrietta, addBody(PACKAGES.onCall, POLICIES.onCall)), 403, 'IncompatibleGroupMembership');
  });

  it('admins manage incompatibilities; the list works both ways', () => {
    const engine = newEngine();
    expect(engine.listIncompatiblePackages(USERS.adele, PACKAGES.vendorPaymentsApprove).map((p) => p.id)).toEqual([PACKAGES.vendorPaymentsCreate]);
    expect(engine.listPackagesIncompatibleWith(USERS.adele, PACKAGES.vendorPaymentsCreate).map((p) => p.id)).toEqual([PACKAGES.vendorPaymentsApprove]);
    expectRefused(engine, () => engine.addIncompatiblePackage(USERS.adele, PACKAGES.salesPipeline, PACKAGES.financialReporting), 403, 'Authorization_RequestDenied');
    engine.addIncompatiblePackage(USERS.admin, PACKAGES.financialReporting, PACKAGES.salesPipeline);
    expectRefused(engine, () => engine.createRequest(USERS.adele, addBody(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: [] })), 403, 'IncompatibleAccessPackage');
    engine.removeIncompatiblePackage(USERS.admin, PACKAGES.financialReporting, PACKAGES.salesPipeline);
    expectRefused(engine, () => engine.removeIncompatiblePackage(USERS.admin, PACKAGES.financialReporting, PACKAGES.salesPipeline), 404, 'ResourceNotFound');
  });
});
