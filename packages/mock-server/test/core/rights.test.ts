// Who may request: target scope, self-service, on behalf of reports (manager levels), disabled requests, hidden
// packages, and what filterByCurrentUser / getApplicablePolicyRequirements show each person.
import { describe, expect, it } from 'vitest';
import { addBody, answer, APPS, campaignExtras, expectRefused, newEngine, PACKAGES, POLICIES, QUESTIONS, USERS, submit } from './support/engine.ts';

const names = (packages: { displayName?: string | null }[]) => packages.map((p) => p.displayName);

describe('who may request', () => {
  it('a user requests for themself when the policy allows self-service and they are in scope', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.adele, addBody(PACKAGES.engineeringWiki, POLICIES.engineeringWiki), {
      expand: { requestor: true, assignment: true },
    });
    expect(req.state).toBe('delivered');
    expect(req.requestor?.objectId).toBe(USERS.adele);
    expect(req.assignment?.targetId).toBe(USERS.adele);
  });

  it('a user out of the policy scope is refused: members-only, a specific group', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.rob, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())), 403, 'TargetNotInPolicyScope');
    expectRefused(engine, () => engine.createRequest(USERS.isaiah, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline)), 403, 'TargetNotInPolicyScope');
  });

  it('a guest of a connected organization is in scope of a connected-organization policy', () => {
    const engine = newEngine();
    engine.advance('P30D');
    expect(engine.getApplicablePolicyRequirements(USERS.rob, PACKAGES.partnerPortal).map((r) => r.policyId)).toEqual([POLICIES.partnerPortal]);
    expect(engine.getApplicablePolicyRequirements(USERS.adele, PACKAGES.partnerPortal)).toEqual([]);
  });

  it('a direct manager requests for a report; the request is the manager’s, the access the report’s', () => {
    const engine = newEngine();
    const req = submit(engine, 
      USERS.lee,
      addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { targetId: USERS.alex, answers: [answer(QUESTIONS.region, 'EMEA')] }),
      { expand: { requestor: true, assignment: { target: true } } },
    );
    expect(req.state).toBe('delivered');
    expect(req.requestor?.objectId).toBe(USERS.lee);
    expect(req.assignment?.target?.objectId).toBe(USERS.alex);
  });

  it('on behalf needs the policy switch and onBehalfRequestors', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lee, addBody(PACKAGES.engineeringWiki, POLICIES.engineeringWiki, { targetId: USERS.alex })), 403, 'OnBehalfRequestsDisabled');
    expectRefused(engine, () => engine.createRequest(USERS.patti, addBody(PACKAGES.budgetPlanning, POLICIES.budgetPlanning, { targetId: USERS.christie, justification: 'x' })), 403, 'OnBehalfRequestsDisabled');
  });

  it('managerLevel 2 lets the second-level manager request; level 1 does not', () => {
    const engine = newEngine();
    const req = submit(engine, USERS.miriam, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { targetId: USERS.lynne, ...campaignExtras() }), {
      expand: { assignment: true },
    });
    expect(req.state).toBe('pendingApproval');
    expect(req.assignment?.targetId).toBe(USERS.lynne);
    expectRefused(engine, () => engine.createRequest(USERS.miriam, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { targetId: USERS.lynne })), 403, 'NotTargetManager');
    expectRefused(engine, () => engine.createRequest(USERS.megan, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { targetId: USERS.lynne, ...campaignExtras() })), 403, 'NotTargetManager');
  });

  it('a peer is no on-behalf requestor', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.adele, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { targetId: USERS.lynne })), 403, 'NotTargetManager');
  });

  it('a policy for managers only refuses self requests; one with requests off refuses everyone but admins', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.lee, addBody(PACKAGES.temporaryAccessPass, POLICIES.temporaryAccessPass)), 403, 'SelfRequestNotAllowed');
    expectRefused(engine, () => engine.createRequest(USERS.grady, addBody(PACKAGES.buildAgentsAdmin, POLICIES.buildAgentsAdmin)), 403, 'NewRequestsDisabled');
    const direct = submit(engine, USERS.admin, {
      requestType: 'adminAdd',
      assignment: { accessPackageId: PACKAGES.buildAgentsAdmin, assignmentPolicyId: POLICIES.buildAgentsAdmin, targetId: USERS.johanna },
    });
    expect(direct.state).toBe('delivered');
  });

  it('bad references: unknown package, policy of another package, unknown target, unsupported type', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(USERS.adele, addBody('nope', POLICIES.engineeringWiki)), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.createRequest(USERS.adele, addBody(PACKAGES.salesPipeline, POLICIES.engineeringWiki)), 400, 'PolicyNotForAccessPackage');
    expectRefused(engine, () => engine.createRequest(USERS.lee, addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline, { targetId: 'ghost' })), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.createRequest(USERS.adele, { ...addBody(PACKAGES.salesPipeline, POLICIES.salesPipeline), requestType: 'onBehalfAdd' }), 400, 'UnsupportedRequestType');
    expectRefused(engine, () => engine.createRequest(USERS.adele, { assignment: {} }), 400, 'MissingProperty');
  });

  it('only people make user requests; unknown callers are unauthenticated', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createRequest(APPS.accessAutomation, addBody(PACKAGES.engineeringWiki, POLICIES.engineeringWiki)), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.createRequest('intruder', addBody(PACKAGES.engineeringWiki, POLICIES.engineeringWiki)), 401, 'InvalidAuthenticationToken');
  });
});

describe('filterByCurrentUser(on=allowedRequestor) and getApplicablePolicyRequirements', () => {
  const engine = newEngine();

  it('lists packages a policy lets the caller request, hidden ones left out', () => {
    const adele = names(engine.listRequestablePackages(USERS.adele));
    expect(adele).toContain('Sales Pipeline');
    expect(adele).not.toContain('Customer Data Export');
    expect(adele).not.toContain('Temporary Access Pass');
    expect(adele).not.toContain('Build Agents Admin');
    expect(names(engine.listRequestablePackages(USERS.isaiah))).not.toContain('Sales Pipeline');
    expect(names(engine.listRequestablePackages(USERS.lee))).toContain('Temporary Access Pass');
  });

  it('a hidden package is still there by id and requestable by a direct link', () => {
    expect(engine.getPackage(USERS.adele, PACKAGES.customerDataExport).isHidden).toBe(true);
    expect(engine.getApplicablePolicyRequirements(USERS.adele, PACKAGES.customerDataExport)).toHaveLength(1);
  });

  it('returns one requirements object per policy the caller can use, for themself or a report', () => {
    const adele = engine.getApplicablePolicyRequirements(USERS.adele, PACKAGES.marketingCampaigns);
    expect(adele.map((r) => r.policyId)).toEqual([POLICIES.marketingCampaigns, POLICIES.marketingQuick]);
    expect(adele[0]).toMatchObject({
      isApprovalRequiredForAdd: true,
      isRequestorJustificationRequired: true,
      allowCustomAssignmentSchedule: true,
      schedule: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    });
    expect(adele[0].questions?.map((q) => q['@odata.type'])).toEqual([
      '#microsoft.graph.accessPackageTextInputQuestion',
      '#microsoft.graph.accessPackageTextInputQuestion',
    ]);
    expect(engine.getApplicablePolicyRequirements(USERS.henrietta, PACKAGES.marketingCampaigns)).toHaveLength(1);
    expect(engine.getApplicablePolicyRequirements(USERS.lee, PACKAGES.temporaryAccessPass)).toHaveLength(1);
    expect(engine.getApplicablePolicyRequirements(USERS.isaiah, PACKAGES.salesPipeline)).toEqual([]);
  });
});
