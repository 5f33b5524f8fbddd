// No second open request and no request while the access is held, for the same person and package.
import { describe, expect, it } from 'vitest';
import { addBody, answer, campaignExtras, expectRefused, newEngine, PACKAGES, POLICIES, QUESTIONS, USERS, submit } from './support/engine.ts';

describe('duplicate requests', () => {
  it('an open request blocks another for the same target and package, under any policy or requestor', () => {
    const engine = newEngine();
    submit(engine, USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras()));
    expectRefused(engine, () => engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingQuick)), 409, 'ExistingOpenRequest');
    expectRefused(
      engine,
      () => submit(engine, USERS.lee, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { targetId: USERS.lynne, ...campaignExtras() })),
      409,
      'ExistingOpenRequest',
    );
  });

  it('a scheduled request is open too', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.christie, addBody(PACKAGES.budgetPlanning, POLICIES.budgetPlanning, { justification: 'again' })), 409, 'ExistingOpenRequest');
  });

  it('an active assignment blocks a new request; someone else may still ask', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.adele, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'EMEA')] })), 409, 'ExistingAssignment');
    expect(submit(engine, USERS.lynne, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { answers: [answer(QUESTIONS.region, 'EMEA')] })).state).toBe('delivered');
  });

  it('after a denial, cancellation or expiry a new request (a resubmission) is accepted', () => {
    const engine = newEngine();
    expect(submit(engine, USERS.alex, addBody(PACKAGES.customerDataExport, POLICIES.customerDataExport)).state).toBe('pendingApproval');
    expect(submit(engine, USERS.lynne, addBody(PACKAGES.budgetPlanning, POLICIES.budgetPlanning, { justification: 'Q1' })).state).toBe('pendingApproval');
    expect(submit(engine, USERS.henrietta, addBody(PACKAGES.customerDataExport, POLICIES.customerDataExport)).state).toBe('pendingApproval');
  });

  it('admins cannot assign what the user already has either', () => {
    const engine = newEngine();
    expectRefused(
      engine,
      () => submit(engine, USERS.admin, { requestType: 'adminAdd', assignment: { accessPackageId: PACKAGES.buildAgentsAdmin, assignmentPolicyId: POLICIES.buildAgentsAdmin, targetId: USERS.grady } }),
      409,
      'ExistingAssignment',
    );
  });
});
