// parameters.bypassApproval: a manager asking for a report who is the stage's only approver records the
// approval themself, but only when the request says so; otherwise they are skipped like any self-approver.
import { describe, expect, it } from 'vitest';
import { addBody, campaignExtras, newEngine, PACKAGES, POLICIES, USERS, submit } from './support/engine.ts';

const tap = (extra: Record<string, unknown> = {}) =>
  addBody(PACKAGES.temporaryAccessPass, POLICIES.temporaryAccessPass, { targetId: USERS.alex, ...extra });

describe('bypassApproval', () => {
  it('with bypassApproval the manager’s stage is approved by the manager and the access delivered', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.lee, tap({ parameters: { bypassApproval: true } }));
    expect(req.state).toBe('delivered');
    const stage = engine.getApproval(USERS.lee, req.id as string).stages?.[0];
    expect(stage).toMatchObject({ status: 'Completed', reviewResult: 'Approved', reviewedBy: { id: USERS.lee } });
    expect(engine.outbox().filter((n) => n.requestId === req.id).map((n) => n.kind)).toEqual(['approved', 'delivered']);
  });

  it('without it the manager is skipped and the fallback approver is asked', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.lee, tap());
    expect(req.state).toBe('pendingApproval');
    expect(engine.listMyRequests(USERS.nestor, 'approver').map((r) => r.id)).toContain(req.id);
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).not.toContain(req.id);
  });

  it('bypassApproval: false is the same as leaving it out', () => {
    const engine = newEngine();
    expect(submit(engine, USERS.lee, tap({ parameters: { bypassApproval: false } })).state).toBe('pendingApproval');
  });

  it('does nothing when the manager is not the only approver, nor for a self request', () => {
    const engine = newEngine();
    const onBehalf = submit(engine, 
      USERS.miriam,
      addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { targetId: USERS.lynne, ...campaignExtras(), parameters: { bypassApproval: true } }),
    );
    expect(onBehalf.state).toBe('pendingApproval');
    expect(engine.listMyRequests(USERS.lee, 'approver').map((r) => r.id)).toContain(onBehalf.id);
    const self = submit(engine, USERS.megan, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { ...campaignExtras(), parameters: { bypassApproval: true } }));
    expect(self.state).toBe('pendingApproval');
  });
});
