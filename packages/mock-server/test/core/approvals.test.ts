// Approval stages: 1, 2 and 3 stages in order, every approver kind, fallback approvers, no self-approval, the
// first decision wins, a deny ends the request, approver justification, and the approver's lists.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { addBody, answer, campaignExtras, expectRefused, newEngine, openStageId, PACKAGES, POLICIES, QUESTIONS, USERS } from './support/engine.ts';

const approve = (engine: Engine, approverId: string, requestId: string, justification?: string) =>
  engine.decide(approverId, requestId, openStageId(engine, approverId, requestId), { reviewResult: 'Approve', justification });

const campaign = (engine: Engine, callerId: string, extra: Record<string, unknown> = {}) =>
  engine.createRequest(callerId, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { ...campaignExtras(), ...extra })).id as string;

const reporting = (engine: Engine, callerId: string) =>
  engine.createRequest(callerId, addBody(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: [answer(QUESTIONS.reports, 'pnl')] })).id as string;

const stateOf = (engine: Engine, id: string) => engine.getRequest(USERS.admin, id).state;
const approversAsked = (engine: Engine, id: string) =>
  engine.outbox().filter((n) => n.kind === 'approverAsked' && n.requestId === id).map((n) => n.to);

describe('approval stages', () => {
  it('one stage: the target’s manager approves and the access is delivered', () => {
    const engine = newEngine();
    const id = campaign(engine, USERS.lynne);
    expect(stateOf(engine, id)).toBe('pendingApproval');
    expect(approversAsked(engine, id)).toEqual([[USERS.lee]]);
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).toContain(id);
    const approval = engine.getApproval(USERS.lee, id);
    expect(approval.id).toBe(id);
    expect(approval.stages?.[0]).toMatchObject({ status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true });
    approve(engine, USERS.lee, id);
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'delivered', status: 'Delivered' });
    expect(engine.getApproval(USERS.lee, id).stages?.[0]).toMatchObject({
      status: 'Completed',
      reviewResult: 'Approved',
      reviewedBy: { id: USERS.lee, displayName: 'Lee Gu' },
      reviewedDateTime: '2026-11-02T09:00:00Z',
    });
    expect(engine.outbox().filter((n) => n.requestId === id).map((n) => n.kind)).toEqual(['approverAsked', 'approved', 'delivered']);
  });

  it('two stages in order: the guest’s sponsor, then the organization’s internal sponsor', () => {
    const engine = newEngine();
    const id = engine.listMyRequests(USERS.rob, 'target').find((r) => r.state === 'pendingApproval')?.id as string;
    expect(engine.listMyRequests(USERS.miriam, 'approver')).toEqual([]);
    approve(engine, USERS.lee, id);
    expect(stateOf(engine, id)).toBe('pendingApproval');
    expect(engine.listMyRequests(USERS.miriam, 'approver').map((r) => r.id)).toEqual([id]);
    expect(engine.getApproval(USERS.miriam, id).stages?.map((s) => [s.reviewResult, s.assignedToMe])).toEqual([
      ['Approved', false],
      ['NotReviewed', true],
    ]);
    approve(engine, USERS.miriam, id);
    expect(stateOf(engine, id)).toBe('delivered');
  });

  it('three stages: manager, a group, a single user who must justify', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.lynne);
    approve(engine, USERS.lee, id);
    expect(approversAsked(engine, id).at(-1)?.sort()).toEqual([USERS.patti, USERS.lidia, USERS.christie].sort());
    approve(engine, USERS.lidia, id);
    expect(approversAsked(engine, id).at(-1)).toEqual([USERS.joni]);
    const stageId = openStageId(engine, USERS.joni, id);
    expectRefused(engine, () => engine.decide(USERS.joni, id, stageId, { reviewResult: 'Approve' }), 400, 'ApproverJustificationRequired');
    engine.decide(USERS.joni, id, stageId, { reviewResult: 'Approve', justification: 'Compliant.' });
    expect(stateOf(engine, id)).toBe('delivered');
    // Graph names no entitlement approval stage (approval-get.md); the three stages are there in order.
    expect(engine.getApproval(USERS.joni, id).stages?.map((s) => s.displayName)).toEqual([null, null, null]);
  });

  it('a single-user approver, and a sponsor as approver', () => {
    const engine = newEngine();
    const id = engine.createRequest(USERS.lynne, addBody(PACKAGES.customerDataExport, POLICIES.customerDataExport)).id as string;
    expect(approversAsked(engine, id)).toEqual([[USERS.grady]]);
    const rob = engine.listMyRequests(USERS.rob, 'target').find((r) => r.state === 'pendingApproval')?.id;
    expect(engine.getApproval(USERS.lee, rob as string).stages?.[0].assignedToMe).toBe(true);
  });

  it('fallback approvers take over when no primary approver resolves (no manager)', () => {
    const engine = newEngine();
    const id = campaign(engine, USERS.megan);
    expect(approversAsked(engine, id)).toEqual([[USERS.diego]]);
  });

  it('the requestor is never their own approver: a manager asking for a report falls through to the fallback', () => {
    const engine = newEngine();
    const id = campaign(engine, USERS.lee, { targetId: USERS.lynne });
    expect(approversAsked(engine, id)).toEqual([[USERS.diego]]);
    expectRefused(engine, () => engine.decide(USERS.lee, id, openStageId(engine, USERS.diego, id), { reviewResult: 'Approve' }), 403, 'SelfApprovalNotAllowed');
  });

  it('the target is left out of an approver group and cannot decide', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.christie);
    approve(engine, USERS.patti, id);
    expect(approversAsked(engine, id).at(-1)?.sort()).toEqual([USERS.patti, USERS.lidia].sort());
    const stageId = openStageId(engine, USERS.lidia, id);
    expectRefused(engine, () => engine.decide(USERS.christie, id, stageId, { reviewResult: 'Approve' }), 403, 'SelfApprovalNotAllowed');
  });

  it('the first decision in a stage wins; later ones get 409; outsiders 403', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.lynne);
    approve(engine, USERS.lee, id);
    const stageId = openStageId(engine, USERS.lidia, id);
    engine.decide(USERS.lidia, id, stageId, { reviewResult: 'Approve' });
    expectRefused(engine, () => engine.decide(USERS.patti, id, stageId, { reviewResult: 'Deny' }), 409, 'ApprovalStageAlreadyDecided');
    expectRefused(engine, () => engine.decide(USERS.adele, id, stageId, { reviewResult: 'Approve' }), 403, 'NotAnApprover');
    expect(engine.getApproval(USERS.patti, id).stages?.[1]).toMatchObject({ reviewResult: 'Approved', reviewedBy: { id: USERS.lidia } });
  });

  it('a deny ends the request at once, whatever stages remain', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.lynne);
    engine.decide(USERS.lee, id, openStageId(engine, USERS.lee, id), { reviewResult: 'Deny', justification: 'Not needed for your role.' });
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'denied', status: 'Denied' });
    expect(engine.getApproval(USERS.lee, id).stages).toHaveLength(1);
    expect(engine.outbox().filter((n) => n.requestId === id).map((n) => [n.kind, n.to])).toEqual([
      ['approverAsked', [USERS.lee]],
      ['denied', [USERS.lynne]],
    ]);
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).not.toContain(id);
    expect(engine.listDecidedRequests(USERS.lee).map((r) => r.id)).toContain(id);
    expect(engine.listDecidedApprovals(USERS.lee).map((a) => a.id)).toContain(id);
  });

  it('bad decisions: unknown stage, unknown review result, someone who is no approver reading the approval', () => {
    const engine = newEngine();
    const id = campaign(engine, USERS.lynne);
    expectRefused(engine, () => engine.decide(USERS.lee, id, 'nope', { reviewResult: 'Approve' }), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.decide(USERS.lee, id, openStageId(engine, USERS.lee, id), { reviewResult: 'Approved' }), 400, 'InvalidReviewResult');
    expect(() => engine.getApproval(USERS.adele, id)).toThrow(expect.objectContaining({ status: 403 }));
    expect(engine.listMyApprovals(USERS.lee).map((a) => a.id)).toContain(id);
    expect(() => engine.getApproval(USERS.admin, engine.listMyRequests(USERS.adele, 'target')[0].id as string)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});
