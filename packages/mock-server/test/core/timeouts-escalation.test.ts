// The clock: undecided stages time out (a time-out denies) and escalate to alternate approvers no earlier than
// the day after half the time-out, never on its last day, and not at all under four days.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { ManualClock } from '../../src/core/time.ts';
import { addBody, answer, campaignExtras, expectRefused, newEngine, openStageId, PACKAGES, POLICIES, QUESTIONS, USERS } from './support/engine.ts';

const reporting = (engine: Engine, callerId: string) =>
  engine.createRequest(callerId, addBody(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: [answer(QUESTIONS.reports, 'pnl')] })).id as string;

const policyWithStage = (stage: Record<string, unknown>) => ({
  displayName: 'Escalation rules',
  accessPackage: { id: PACKAGES.engineeringWiki },
  allowedTargetScope: 'allMemberUsers',
  requestorSettings: { enableTargetsToSelfAddAccess: true },
  requestApprovalSettings: {
    isApprovalRequiredForAdd: true,
    stages: [{ primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: USERS.grady }], escalationApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: USERS.nestor }], ...stage }],
  },
});

describe('time-outs', () => {
  it('an undecided stage is denied when durationBeforeAutomaticDenial runs out, not a moment before', () => {
    const engine = newEngine();
    const id = engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())).id as string;
    engine.advance('P13DT23H59M');
    expect(engine.getRequest(USERS.lynne, id).state).toBe('pendingApproval');
    engine.advance('PT1M');
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'denied', status: 'TimedOut', completedDateTime: '2026-11-16T09:00:00Z' });
    expect(engine.getApproval(USERS.lee, id).stages?.[0]).toMatchObject({ status: 'Expired', reviewResult: 'NotReviewed' });
    expect(engine.outbox().filter((n) => n.requestId === id).map((n) => [n.kind, n.at])).toEqual([
      ['approverAsked', '2026-11-02T09:00:00Z'],
      ['timedOut', '2026-11-16T09:00:00Z'],
    ]);
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).not.toContain(id);
  });

  it('a decision in time stops the time-out; each later stage gets its own window', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.lynne);
    engine.advance('P6D');
    engine.decide(USERS.lee, id, openStageId(engine, USERS.lee, id), { reviewResult: 'Approve' });
    engine.advance('P13D');
    expect(engine.getRequest(USERS.lynne, id).state).toBe('pendingApproval');
    engine.advance('P1D');
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'denied', status: 'TimedOut' });
  });
});

describe('escalation', () => {
  it('forwards to the escalation approvers after durationBeforeEscalation; the primary ones may still decide', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.lynne);
    engine.advance('P4DT23H');
    expect(engine.getRequest(USERS.lynne, id).status).toBe('PendingApproval');
    expect(engine.listMyRequests(USERS.miriam, 'approver').map((r) => r.id)).not.toContain(id);
    engine.advance('PT1H');
    expect(engine.getRequest(USERS.lynne, id).status).toBe('PendingApprovalEscalated');
    expect(engine.outbox().filter((n) => n.kind === 'escalated' && n.requestId === id).map((n) => [n.to, n.at])).toEqual([
      [[USERS.miriam], '2026-11-07T09:00:00Z'],
    ]);
    expect(engine.listMyRequests(USERS.miriam, 'approver').map((r) => r.id)).toContain(id);
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).toContain(id);
    engine.decide(USERS.miriam, id, openStageId(engine, USERS.miriam, id), { reviewResult: 'Approve' });
    expect(engine.getApproval(USERS.lee, id).stages?.[0].reviewedBy?.id).toBe(USERS.miriam);
  });

  it('uses the fallback escalation approvers when no escalation approver resolves', () => {
    const engine = newEngine();
    const id = reporting(engine, USERS.megan);
    engine.advance('P5D');
    expect(engine.outbox().filter((n) => n.kind === 'escalated' && n.requestId === id).map((n) => n.to)).toEqual([[USERS.diego]]);
  });

  it('the seeded on-call request is already escalated and times out on schedule', () => {
    const engine = newEngine();
    const id = engine.listMyRequests(USERS.nestor, 'approver')[0]?.id as string;
    expect(engine.getRequest(USERS.nestor, id).status).toBe('PendingApprovalEscalated');
    engine.advance('P3D');
    expect(engine.getRequest(USERS.nestor, id).state).toBe('denied');
  });

  it('escalation no earlier than the day after half the time-out, never on the last day', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P14D', isEscalationEnabled: true, durationBeforeEscalation: 'P7D' })), 400, 'InvalidEscalationSchedule');
    expectRefused(engine, () => engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P14D', isEscalationEnabled: true, durationBeforeEscalation: 'P7DT23H' })), 400, 'InvalidEscalationSchedule');
    expectRefused(engine, () => engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P14D', isEscalationEnabled: true, durationBeforeEscalation: 'P13DT1H' })), 400, 'InvalidEscalationSchedule');
    expect(engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P14D', isEscalationEnabled: true, durationBeforeEscalation: 'P8D' })).id).toBeTruthy();
    expect(engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P14D', isEscalationEnabled: true, durationBeforeEscalation: 'P13D' })).id).toBeTruthy();
  });

  it('time-outs under four days cannot escalate; four days leave exactly day three', () => {
    const engine = newEngine();
    const error = expectRefused(
      engine,
      () => engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P3DT23H', isEscalationEnabled: true, durationBeforeEscalation: 'P3D' })),
      400,
      'InvalidEscalationSchedule',
    );
    expect(error.message).toMatch(/under 4 days/);
    expectRefused(engine, () => engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P4D', isEscalationEnabled: true, durationBeforeEscalation: 'P2D' })), 400, 'InvalidEscalationSchedule');
    const policy = engine.createPolicy(USERS.admin, policyWithStage({ durationBeforeAutomaticDenial: 'P4D', isEscalationEnabled: true, durationBeforeEscalation: 'P3D' }));
    const id = engine.createRequest(USERS.adele, addBody(PACKAGES.engineeringWiki, policy.id as string)).id as string;
    engine.advance('P3D');
    expect(engine.getRequest(USERS.adele, id).status).toBe('PendingApprovalEscalated');
    engine.advance('P1D');
    expect(engine.getRequest(USERS.adele, id).status).toBe('TimedOut');
  });
});

describe('the clock', () => {
  it('runs everything that fell due in time order, each at its own instant', () => {
    const engine = newEngine();
    engine.advance('P60D');
    const times = engine.outbox().map((n) => n.at);
    expect(times.length).toBeGreaterThan(5);
    expect([...times].sort()).toEqual(times);
    expect(engine.now()).toBe('2027-01-01T09:00:00Z');
  });

  it('moves forward only, by a valid duration or to a valid instant', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.setNow('2026-11-01T00:00:00Z'), 400, 'ClockCannotGoBack');
    expectRefused(engine, () => engine.advance('1 day'), 400, 'InvalidDuration');
    expectRefused(engine, () => engine.setNow('tomorrow'), 400, 'InvalidDateTime');
    expect(engine.setNow('2026-11-03T10:30:00Z')).toBe('2026-11-03T10:30:00Z');
  });
});

describe('a clock that moves by itself (wall time, as in the HTTP server)', () => {
  it('a read after a deadline sees the time-out; a read with nothing due moves only the clock', () => {
    const clock = new ManualClock('2026-11-02T09:00:00Z');
    const engine = newEngine({ clock });
    const id = engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())).id as string;
    const before = JSON.stringify({ ...engine.toJSON(), now: undefined });

    clock.set(Date.parse('2026-11-02T09:01:00Z'));
    expect(engine.getRequest(USERS.lynne, id).state).toBe('pendingApproval');
    expect(engine.now()).toBe('2026-11-02T09:01:00Z');
    expect(JSON.stringify({ ...engine.toJSON(), now: undefined })).toBe(before);

    clock.set(Date.parse('2026-11-16T09:00:01Z'));
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'denied', status: 'TimedOut', completedDateTime: '2026-11-16T09:00:00Z' });
  });
});
