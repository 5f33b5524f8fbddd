// Scheduled starts and the four expiration kinds (days, hours, a date, never), with the reminders 14 days and
// one day before the end.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { addBody, answer, campaignExtras, expectRefused, GROUPS, newEngine, openStageId, PACKAGES, POLICIES, QUESTIONS, USERS, submit } from './support/engine.ts';

const assignmentOf = (engine: Engine, requestId: string) =>
  engine.getRequest(USERS.admin, requestId, { expand: { assignment: true } }).assignment;

describe('scheduled start', () => {
  it('an approved request for a future period waits as scheduled, then is delivered at its start', () => {
    const engine = newEngine();
    const id = submit(engine, USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, {
      ...campaignExtras(),
      schedule: { startDateTime: '2026-11-09T08:00:00Z', expiration: { type: 'afterDuration', duration: 'P10D' } },
    })).id as string;
    engine.decide(USERS.lee, id, openStageId(engine, USERS.lee, id), { reviewResult: 'Approve' });
    expect(engine.getRequest(USERS.lynne, id)).toMatchObject({ state: 'scheduled', status: 'PendingNotBefore' });
    expect(assignmentOf(engine, id)?.state).toBeUndefined();
    engine.setNow('2026-11-09T07:59:59Z');
    expect(engine.getRequest(USERS.lynne, id).state).toBe('scheduled');
    engine.advance('PT1S');
    expect(engine.getRequest(USERS.lynne, id).state).toBe('delivered');
    expect(assignmentOf(engine, id)).toMatchObject({
      state: 'delivered',
      schedule: { startDateTime: '2026-11-09T08:00:00Z', expiration: { type: 'afterDateTime', endDateTime: '2026-11-19T08:00:00Z' } },
    });
  });

  it('the seeded scheduled request can be canceled until it starts, not after', () => {
    const engine = newEngine();
    const scheduled = engine.listMyRequests(USERS.christie, 'target').find((r) => r.state === 'scheduled');
    expect(scheduled?.status).toBe('PendingNotBefore');
    engine.advance('P5D');
    expect(engine.getRequest(USERS.christie, scheduled?.id as string).state).toBe('delivered');
    expectRefused(engine, () => engine.cancelRequest(USERS.christie, scheduled?.id as string), 409, 'RequestNotCancelable');
  });
});

describe('expiration', () => {
  it('after a number of days, with the 14-day and 1-day reminders on the way', () => {
    const engine = newEngine();
    const asg = engine.listMyAssignments(USERS.alex, 'target').find((a) => a.state === 'delivered' && a.schedule?.expiration?.endDateTime === '2026-11-23T09:00:00Z');
    expect(asg).toBeDefined();
    engine.advance('P21D');
    const kinds = engine.outbox().filter((n) => n.assignmentId === asg?.id).map((n) => [n.kind, n.at]);
    expect(kinds).toEqual([
      ['expiring', '2026-11-09T09:00:00Z'],
      ['expiring', '2026-11-22T09:00:00Z'],
      ['expired', '2026-11-23T09:00:00Z'],
    ]);
    expect(engine.getAssignment(USERS.alex, asg?.id as string)).toMatchObject({ state: 'expired', expiredDateTime: '2026-11-23T09:00:00Z' });
  });

  it('after a number of hours (no reminders fit in an eight-hour assignment)', () => {
    const engine = newEngine();
    const id = submit(engine, USERS.lynne, addBody(PACKAGES.customerDataExport, POLICIES.customerDataExport)).id as string;
    engine.advance('PT30M');
    engine.decide(USERS.grady, id, openStageId(engine, USERS.grady, id), { reviewResult: 'Approve', justification: 'One-off.' });
    const asg = assignmentOf(engine, id);
    expect(asg?.schedule?.expiration?.endDateTime).toBe('2026-11-02T17:30:00Z');
    engine.advance('PT7H59M');
    expect(engine.getAssignment(USERS.lynne, asg?.id as string).state).toBe('delivered');
    engine.advance('PT1M');
    expect(engine.getAssignment(USERS.lynne, asg?.id as string).state).toBe('expired');
    expect(engine.outbox().filter((n) => n.assignmentId === asg?.id).map((n) => n.kind)).toEqual(['delivered', 'expired']);
  });

  it('on a date, whenever the access was granted', () => {
    const engine = newEngine();
    const asg = engine.listMyAssignments(USERS.lynne, 'target').find((a) => a.schedule?.expiration?.endDateTime?.endsWith('T23:59:59Z'));
    expect(asg?.schedule?.expiration?.endDateTime).toBe('2027-06-30T23:59:59Z');
    engine.setNow('2027-06-30T23:59:59Z');
    expect(engine.getAssignment(USERS.lynne, asg?.id as string).state).toBe('expired');
  });

  it('never', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.adele, addBody(PACKAGES.engineeringWiki, POLICIES.engineeringWiki), { expand: { assignment: true } });
    expect(req.assignment?.schedule?.expiration).toEqual({ type: 'noExpiration', endDateTime: null, duration: null });
    engine.advance('P3650D');
    expect(engine.getAssignment(USERS.adele, req.assignment?.id as string).state).toBe('delivered');
  });

  it('expiry takes back the group membership the assignment gave', () => {
    const engine = newEngine();
    const group = GROUPS.salesPipelineEditors;
    submit(engine, USERS.lynne, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'APAC')] }));
    expect(engine.listGroupMembers(USERS.admin, group).map((m) => m.id)).toContain(USERS.lynne);
    engine.advance('P180D');
    expect(engine.listGroupMembers(USERS.admin, group).map((m) => m.id)).not.toContain(USERS.lynne);
  });

  it('a role on a deleted group cannot be delivered: all roles failing is deliveryFailed, some is partiallyDelivered', () => {
    const engine = newEngine();
    const failed = engine.listMyRequests(USERS.isaiah, 'target', { expand: { assignment: true } })[0];
    expect(failed).toMatchObject({ state: 'deliveryFailed', status: 'DeliveryFailed', assignment: { state: 'deliveryFailed' } });
    engine.deleteGroup(USERS.admin, GROUPS.salesPipelineEditors);
    const partial = submit(engine, USERS.lynne, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'APAC')] }), {
      expand: { assignment: true },
    });
    expect(partial).toMatchObject({ state: 'partiallyDelivered', status: 'PartiallyDelivered', assignment: { state: 'partiallyDelivered' } });
  });
});
