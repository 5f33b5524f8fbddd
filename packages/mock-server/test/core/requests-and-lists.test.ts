// Cancel, delete, who may read a request or assignment, and every filterByCurrentUser option.
import { describe, expect, it } from 'vitest';
import { addBody, campaignExtras, expectRefused, newEngine, PACKAGES, POLICIES, USERS } from './support/engine.ts';

const ids = (items: { id?: string | null }[]) => items.map((i) => i.id);

describe('cancel', () => {
  it('the requestor cancels a pending request; its approvers are told and it leaves their list', () => {
    const engine = newEngine();
    const id = engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())).id as string;
    const canceled = engine.cancelRequest(USERS.lynne, id);
    expect(canceled).toMatchObject({ state: 'canceled', status: 'Canceled', completedDateTime: '2026-11-02T09:00:00Z' });
    expect(engine.outbox().filter((n) => n.requestId === id).map((n) => [n.kind, n.to])).toEqual([
      ['approverAsked', [USERS.lee]],
      ['canceled', [USERS.lee]],
    ]);
    expect(ids(engine.listMyRequests(USERS.lee, 'approver'))).not.toContain(id);
    expectRefused(engine, () => engine.cancelRequest(USERS.lynne, id), 409, 'RequestNotCancelable');
    const stageId = engine.getApproval(USERS.lee, id).stages?.[0].id as string;
    expectRefused(engine, () => engine.decide(USERS.lee, id, stageId, { reviewResult: 'Approve' }), 409, 'ApprovalStageAlreadyDecided');
  });

  it('the target of an on-behalf request may cancel it; strangers may not; finished requests cannot be', () => {
    const engine = newEngine();
    const id = engine.createRequest(USERS.miriam, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { targetId: USERS.lynne, ...campaignExtras() })).id as string;
    expectRefused(engine, () => engine.cancelRequest(USERS.adele, id), 403, 'Authorization_RequestDenied');
    expect(engine.cancelRequest(USERS.lynne, id).state).toBe('canceled');
    const delivered = engine.listMyRequests(USERS.adele, 'target').find((r) => r.state === 'delivered')?.id as string;
    expectRefused(engine, () => engine.cancelRequest(USERS.adele, delivered), 409, 'RequestNotCancelable');
  });
});

describe('reading requests', () => {
  const engine = newEngine();
  const onBehalf = engine.listMyRequests(USERS.lee, 'requestForOthers');

  it('filterByCurrentUser on target, createdBy, targetOrRequestor, requestForOthers, targetManager, approver', () => {
    const forPradeep = engine.listMyRequests(USERS.pradeep, 'target');
    expect(forPradeep).toHaveLength(2);
    expect(ids(onBehalf).filter((id) => ids(forPradeep).includes(id))).toHaveLength(1);
    expect(engine.listMyRequests(USERS.pradeep, 'createdBy').length).toBe(1);
    expect(engine.listMyRequests(USERS.pradeep, 'targetOrRequestor').length).toBe(2);
    expect(onBehalf.length).toBe(2);
    expect(engine.listMyRequests(USERS.lee, 'createdBy').length).toBe(2);
    expect(engine.listMyRequests(USERS.lee, 'targetManager').length).toBeGreaterThanOrEqual(6);
    expect(engine.listMyRequests(USERS.lee, 'approver').every((r) => r.state === 'pendingApproval')).toBe(true);
    expectRefused(engine, () => engine.listMyRequests(USERS.lee, 'everything'), 400, 'InvalidFilterOption');
  });

  it('the people on a request, its approvers and the target’s managers read it; others get 403', () => {
    const id = engine.listMyRequests(USERS.adele, 'target').find((r) => r.state === 'pendingApproval')?.id as string;
    expect(ids(engine.listMyRequests(USERS.lee, 'approver'))).toContain(id);
    expect(engine.getRequest(USERS.lee, id).id).toBe(id);
    expect(engine.getRequest(USERS.miriam, id).id).toBe(id);
    expect(engine.getRequest(USERS.admin, id).id).toBe(id);
    expectRefused(engine, () => engine.getRequest(USERS.henrietta, id), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.getRequest(USERS.lee, 'nope'), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.listRequests(USERS.lee), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.getRequest(USERS.lee, id, { expand: { approval: true } }), 400, 'BadRequest');
  });

  it('assignments: filterByCurrentUser on target, createdBy, targetManager (direct reports only)', () => {
    expect(engine.listMyAssignments(USERS.pradeep, 'target').length).toBe(1);
    expect(engine.listMyAssignments(USERS.pradeep, 'createdBy')).toEqual([]);
    expect(engine.listMyAssignments(USERS.lee, 'createdBy').length).toBe(2);
    const team = engine.listMyAssignments(USERS.lee, 'targetManager', { expand: { target: true } });
    expect(new Set(team.map((a) => a.target?.objectId))).toEqual(new Set([USERS.adele, USERS.alex, USERS.lynne, USERS.pradeep]));
    expect(engine.listMyAssignments(USERS.miriam, 'targetManager', { expand: { target: true } }).map((a) => a.target?.objectId)).not.toContain(USERS.adele);
    expectRefused(engine, () => engine.listMyAssignments(USERS.lee, 'approver'), 400, 'InvalidFilterOption');
    expectRefused(engine, () => engine.getAssignment(USERS.henrietta, team[0].id as string), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.listAssignments(USERS.lee), 403, 'Authorization_RequestDenied');
  });
});

describe('delete', () => {
  it('admins delete finished requests, not open ones', () => {
    const engine = newEngine();
    const denied = engine.listMyRequests(USERS.alex, 'target').find((r) => r.state === 'denied')?.id as string;
    const pending = engine.listMyRequests(USERS.alex, 'target').find((r) => r.state === 'pendingApproval')?.id as string;
    expectRefused(engine, () => engine.deleteRequest(USERS.alex, denied), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.deleteRequest(USERS.admin, pending), 409, 'RequestStillInEffect');
    engine.deleteRequest(USERS.admin, denied);
    expectRefused(engine, () => engine.getRequest(USERS.admin, denied), 404, 'ResourceNotFound');
  });
});
