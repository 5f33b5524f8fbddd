// A userAdd without assignmentPolicyId (Microsoft's create-request examples 3 and 4): the engine takes the one
// policy of the package that lets the caller request for the target, and otherwise says which to choose.
import { describe, expect, it } from 'vitest';
import { answer, expectRefused, newEngine, PACKAGES, POLICIES, QUESTIONS, USERS } from './support/engine.ts';

const withoutPolicy = (accessPackageId: string, extra: Record<string, unknown> = {}) => ({
  requestType: 'userAdd',
  assignment: { accessPackageId },
  justification: 'Winter campaign',
  answers: [answer(QUESTIONS.campaignCode, 'MKT-1234')],
  ...extra,
});

describe('userAdd without assignmentPolicyId', () => {
  it('uses the only policy that lets the caller request', () => {
    const engine = newEngine();
    // Isaiah is not in the sales team, so of Marketing Campaigns' two policies only the employees' one is open to him.
    const request = engine.createRequest(USERS.isaiah, withoutPolicy(PACKAGES.marketingCampaigns));
    expect(engine.getRequest(USERS.isaiah, request.id!, { expand: { assignment: true } }).assignment?.assignmentPolicyId).toBe(POLICIES.marketingCampaigns);
  });

  it('names the choices when several policies let the caller request (400), changing nothing', () => {
    const engine = newEngine();
    const error = expectRefused(engine, () => engine.createRequest(USERS.adele, withoutPolicy(PACKAGES.marketingCampaigns)), 400, 'AssignmentPolicyRequired');
    expect(error.message).toContain(POLICIES.marketingCampaigns);
    expect(error.message).toContain(POLICIES.marketingQuick);
    expect(error.target).toBe('assignment.assignmentPolicyId');
  });

  it('gives the policy\'s own refusal when none lets the caller request', () => {
    const engine = newEngine();
    // On behalf of someone who is not Isaiah's report: every policy refuses, for its own reason.
    expectRefused(engine, () => engine.createRequest(USERS.isaiah, withoutPolicy(PACKAGES.marketingCampaigns, { assignment: { accessPackageId: PACKAGES.marketingCampaigns, targetId: USERS.adele } })), 403, 'NotTargetManager');
  });

  it('an admin still names the policy', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.admin, { requestType: 'adminAdd', assignment: { accessPackageId: PACKAGES.marketingCampaigns, targetId: USERS.isaiah } }), 400, 'MissingProperty');
  });
});
