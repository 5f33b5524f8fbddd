import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../src/seed/index.ts';
import { contosoSeed } from '../../src/seed/contoso.ts';
import { directReports, isGovernanceAdmin, managerChain } from '../../src/core/directory.ts';
import { GROUPS, newEngine, PACKAGES, USERS } from './support/engine.ts';

describe('seeds', () => {
  const state = contosoSeed.build(contosoSeed.start);
  const policies = Object.values(state.policies);

  it('contoso has at least 3 catalogs and 12 access packages, every package with a policy', () => {
    expect(Object.keys(state.catalogs).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(state.packages).length).toBeGreaterThanOrEqual(12);
    for (const id of Object.keys(state.packages)) expect(policies.some((p) => p.packageId === id), id).toBe(true);
  });

  it('contoso has a manager with 3+ reports under a second-level manager, and a guest with a sponsor', () => {
    expect(directReports(state, USERS.lee).length).toBeGreaterThanOrEqual(3);
    expect(managerChain(state, USERS.adele).slice(0, 2)).toEqual([USERS.lee, USERS.miriam]);
    expect(state.users[USERS.rob].userType).toBe('Guest');
    expect(state.sponsors[USERS.rob]).toEqual([USERS.lee]);
    expect(state.users[USERS.admin].userPrincipalName).toBe('admin@contoso.com');
    expect(isGovernanceAdmin(state, USERS.admin)).toBe(true);
    expect(state.members[GROUPS.financeApprovers].length).toBeGreaterThan(1);
  });

  it('contoso policies cover 0 to 3 stages, every question kind, fallback and escalation approvers', () => {
    const stageCounts = new Set(policies.map((p) => p.data.requestApprovalSettings?.stages?.length ?? 0));
    expect([...stageCounts].sort()).toEqual([0, 1, 2, 3]);
    const questions = policies.flatMap((p) => p.questions);
    expect(questions.some((q) => 'regexPattern' in q && q.regexPattern && q.isSingleLineQuestion)).toBe(true);
    expect(questions.some((q) => 'isSingleLineQuestion' in q && q.isSingleLineQuestion === false)).toBe(true);
    expect(questions.some((q) => 'choices' in q && !q.isMultipleSelectionAllowed)).toBe(true);
    expect(questions.some((q) => 'choices' in q && q.isMultipleSelectionAllowed)).toBe(true);
    expect(questions.every((q) => q.localizations?.some((l) => l.languageCode === 'de'))).toBe(true);
    const stages = policies.flatMap((p) => p.data.requestApprovalSettings?.stages ?? []);
    expect(stages.some((s) => s.fallbackPrimaryApprovers?.length)).toBe(true);
    expect(stages.some((s) => s.isEscalationEnabled && s.escalationApprovers?.length)).toBe(true);
    expect(stages.some((s) => s.isApproverJustificationRequired)).toBe(true);
    const kinds = new Set(stages.flatMap((s) => [...(s.primaryApprovers ?? [])].map((a) => a['@odata.type'])));
    for (const kind of ['requestorManager', 'singleUser', 'groupMembers', 'targetUserSponsors', 'internalSponsors']) {
      expect(kinds.has(`#microsoft.graph.${kind}`), kind).toBe(true);
    }
  });

  it('contoso policies cover the request options and expirations', () => {
    const settings = policies.map((p) => p.data.requestorSettings ?? {});
    expect(policies.some((p) => p.data.requestApprovalSettings?.isRequestorJustificationRequired)).toBe(true);
    expect(settings.some((s) => s.allowCustomAssignmentSchedule)).toBe(true);
    expect(settings.some((s) => s.enableOnBehalfRequestorsToAddAccess)).toBe(true);
    expect(settings.some((s) => s.enableTargetsToSelfAddAccess && !s.enableOnBehalfRequestorsToAddAccess)).toBe(true);
    expect(settings.some((s) => !s.enableTargetsToSelfAddAccess && !s.enableOnBehalfRequestorsToAddAccess)).toBe(true);
    const expirations = policies.map((p) => p.data.expiration ?? {});
    expect(expirations.some((e) => e.type === 'afterDuration' && e.duration?.includes('D'))).toBe(true);
    expect(expirations.some((e) => e.type === 'afterDuration' && e.duration?.includes('H'))).toBe(true);
    expect(expirations.some((e) => e.type === 'afterDateTime')).toBe(true);
    expect(expirations.some((e) => e.type === 'noExpiration')).toBe(true);
  });

  it('contoso has a hidden package, an incompatible pair and a Temporary Access Pass package with an extension', () => {
    expect(Object.values(state.packages).some((p) => p.data.isHidden)).toBe(true);
    expect(state.packages[PACKAGES.vendorPaymentsApprove].incompatiblePackageIds).toContain(PACKAGES.vendorPaymentsCreate);
    const tap = policies.find((p) => p.packageId === PACKAGES.temporaryAccessPass);
    expect(tap?.extensionStages.map((s) => s.stage)).toContain('assignmentRequestApproved');
    const stages = new Set(policies.flatMap((p) => p.extensionStages.map((s) => s.stage)));
    expect(stages.size).toBe(6);
  });

  it('contoso starts with pending approvals and delivered assignments so every view has data', () => {
    const requests = Object.values(state.requests);
    for (const s of ['pendingApproval', 'delivered', 'denied', 'canceled', 'scheduled', 'deliveryFailed'] as const) {
      expect(requests.some((r) => r.state === s), s).toBe(true);
    }
    const assignments = Object.values(state.assignments);
    expect(assignments.some((a) => a.state === 'delivered' && a.targetId !== a.requestorId)).toBe(true);
    expect(assignments.some((a) => a.state === 'expired')).toBe(true);
    const engine = newEngine();
    expect(engine.listMyRequests(USERS.lee, 'approver').length).toBeGreaterThanOrEqual(2);
    expect(engine.listMyAssignments(USERS.lee, 'targetManager').length).toBeGreaterThanOrEqual(2);
    expect(engine.listDecidedRequests(USERS.grady).length).toBeGreaterThanOrEqual(2);
  });

  it('each seed builds the same state twice, starting at its fixed time', () => {
    for (const seed of Object.values(SEEDS)) {
      expect(seed.build(seed.start)).toEqual(seed.build(seed.start));
      expect(seed.build(seed.start).now).toBe(seed.start);
    }
  });

  it('empty has only the administrator and the app identity', () => {
    const empty = SEEDS.empty.build(SEEDS.empty.start);
    expect(Object.keys(empty.users)).toEqual([USERS.admin]);
    expect(Object.keys(empty.servicePrincipals)).toHaveLength(1);
    expect(Object.keys(empty.packages)).toHaveLength(0);
    expect(newEngine({ seed: 'empty' }).listRequestablePackages(USERS.admin)).toEqual([]);
  });

  it('a seed built at another start moves its history with it', () => {
    const later = contosoSeed.build('2030-01-01T00:00:00Z');
    expect(later.now).toBe('2030-01-01T00:00:00Z');
    expect(Object.values(later.requests).map((r) => r.state)).toEqual(Object.values(state.requests).map((r) => r.state));
  });
});
