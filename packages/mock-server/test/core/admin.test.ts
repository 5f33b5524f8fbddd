// Set-up operations are for Identity Governance Administrators: the directory, catalogs, resources,
// packages and policies, through the same validation a live call gets.
import { describe, expect, it } from 'vitest';
import { addBody, CATALOGS, expectRefused, EXTENSIONS, GROUPS, newEngine, PACKAGES, POLICIES, USERS, submit } from './support/engine.ts';

const newUser = { accountEnabled: true, displayName: 'Ben Walters', mailNickname: 'ben.walters', userPrincipalName: 'ben.walters@contoso.com', passwordProfile: { password: 'x' } };

describe('admin-only operations', () => {
  it('every set-up call refuses a user without the role and changes nothing', () => {
    const engine = newEngine();
    const calls: (() => unknown)[] = [
      () => engine.createUser(USERS.lee, newUser),
      () => engine.updateUser(USERS.lee, USERS.adele, { jobTitle: 'x' }),
      () => engine.deleteUser(USERS.lee, USERS.adele),
      () => engine.setManager(USERS.lee, USERS.adele, USERS.megan),
      () => engine.removeManager(USERS.lee, USERS.adele),
      () => engine.addSponsor(USERS.lee, USERS.rob, USERS.miriam),
      () => engine.createGroup(USERS.lee, { displayName: 'x' }),
      () => engine.addGroupMember(USERS.lee, GROUPS.salesTeam, USERS.megan),
      () => engine.deleteGroup(USERS.lee, GROUPS.salesTeam),
      () => engine.createCatalog(USERS.lee, { displayName: 'x' }),
      () => engine.updateCatalog(USERS.lee, CATALOGS.finance, { displayName: 'x' }),
      () => engine.deleteCatalog(USERS.lee, CATALOGS.finance),
      () => engine.createResourceRequest(USERS.lee, { requestType: 'adminAdd', catalog: { id: CATALOGS.finance }, resource: { originId: GROUPS.salesTeam, originSystem: 'AadGroup' } }),
      () => engine.createPackage(USERS.lee, { displayName: 'x', catalog: { id: CATALOGS.finance } }),
      () => engine.updatePackage(USERS.lee, PACKAGES.salesPipeline, { isHidden: true }),
      () => engine.deletePackage(USERS.lee, PACKAGES.engineeringWiki),
      () => engine.addResourceRoleScope(USERS.lee, PACKAGES.salesPipeline, {}),
      () => engine.createPolicy(USERS.lee, { displayName: 'x', accessPackage: { id: PACKAGES.salesPipeline } }),
      () => engine.replacePolicy(USERS.lee, POLICIES.salesPipeline, { displayName: 'x' }),
      () => engine.deletePolicy(USERS.lee, POLICIES.engineeringWiki),
      () => engine.listRequests(USERS.lee),
      () => engine.listAssignments(USERS.lee),
    ];
    for (const call of calls) expectRefused(engine, call, 403, 'Authorization_RequestDenied');
  });

  it('users: create, update, delete (with every reference to them), UPNs unique', () => {
    const engine = newEngine();
    const ben = engine.createUser(USERS.admin, newUser);
    expect(ben).toMatchObject({ displayName: 'Ben Walters', userType: 'Member', accountEnabled: true });
    expect(ben).not.toHaveProperty('passwordProfile');
    expectRefused(engine, () => engine.createUser(USERS.admin, newUser), 400, 'UserPrincipalNameInUse');
    expectRefused(engine, () => engine.createUser(USERS.admin, { ...newUser, passwordProfile: undefined }), 400, 'MissingProperty');
    engine.setManager(USERS.admin, ben.id as string, USERS.lee);
    expect(engine.listDirectReports(USERS.adele, USERS.lee).map((u) => u.displayName)).toContain('Ben Walters');
    engine.updateUser(USERS.admin, 'ben.walters@contoso.com', { jobTitle: 'Sales Trainee', department: 'Sales' });
    expect(engine.getUser(USERS.adele, ben.id as string).jobTitle).toBe('Sales Trainee');
    engine.deleteUser(USERS.admin, ben.id as string);
    expectRefused(engine, () => engine.getUser(USERS.adele, ben.id as string), 404, 'ResourceNotFound');
    expect(engine.listDirectReports(USERS.adele, USERS.lee).map((u) => u.displayName)).not.toContain('Ben Walters');
  });

  it('managers: set, read, remove; no cycles', () => {
    const engine = newEngine();
    expect(engine.getManager(USERS.adele, USERS.adele).id).toBe(USERS.lee);
    expectRefused(engine, () => engine.setManager(USERS.admin, USERS.miriam, USERS.adele), 400, 'ManagerCycle');
    expectRefused(engine, () => engine.setManager(USERS.admin, USERS.adele, USERS.adele), 400, 'ManagerCycle');
    engine.setManager(USERS.admin, USERS.adele, USERS.miriam);
    expect(engine.getManager(USERS.adele, USERS.adele).id).toBe(USERS.miriam);
    engine.removeManager(USERS.admin, USERS.adele);
    expectRefused(engine, () => engine.getManager(USERS.adele, USERS.adele), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.removeManager(USERS.admin, USERS.adele), 404, 'ResourceNotFound');
  });

  it('groups and sponsors', () => {
    const engine = newEngine();
    const group = engine.createGroup(USERS.admin, { displayName: 'Interns', description: 'Summer interns' });
    engine.addGroupMember(USERS.admin, group.id as string, USERS.alex);
    expectRefused(engine, () => engine.addGroupMember(USERS.admin, group.id as string, USERS.alex), 400, 'ReferenceAlreadyExists');
    expect(engine.listGroupMembers(USERS.adele, group.id as string).map((m) => m.id)).toEqual([USERS.alex]);
    engine.removeGroupMember(USERS.admin, group.id as string, USERS.alex);
    engine.updateGroup(USERS.admin, group.id as string, { displayName: 'Interns 2027' });
    expect(engine.getGroup(USERS.adele, group.id as string).displayName).toBe('Interns 2027');
    engine.addSponsor(USERS.admin, USERS.rob, group.id as string);
    expect(engine.listSponsors(USERS.rob, USERS.rob).map((s) => s['@odata.type'])).toEqual(['#microsoft.graph.user', '#microsoft.graph.group']);
    engine.removeSponsor(USERS.admin, USERS.rob, group.id as string);
    engine.deleteGroup(USERS.admin, group.id as string);
    expectRefused(engine, () => engine.getGroup(USERS.adele, group.id as string), 404, 'ResourceNotFound');
  });

  it('a catalog, a resource onboarded into it, a package with its role, a policy: then requestable', () => {
    const engine = newEngine();
    const catalog = engine.createCatalog(USERS.admin, { displayName: 'HR', description: 'People systems' });
    engine.createResourceRequest(USERS.admin, { requestType: 'adminAdd', catalog: { id: catalog.id }, resource: { originId: GROUPS.contractors, originSystem: 'AadGroup' } });
    const [resource] = engine.listCatalogResources(USERS.admin, catalog.id as string, { expand: { roles: true, scopes: true } });
    expect(resource.roles?.map((r) => r.displayName)).toEqual(['Owner', 'Member']);
    const pkg = engine.createPackage(USERS.admin, { displayName: 'Contractor onboarding', catalog: { id: catalog.id } });
    const member = resource.roles?.find((r) => r.displayName === 'Member');
    const roleScope = engine.addResourceRoleScope(USERS.admin, pkg.id as string, {
      role: { originId: member?.originId, originSystem: 'AadGroup', resource: { id: resource.id } },
      scope: { originId: resource.scopes?.[0].originId, originSystem: 'AadGroup' },
    });
    expect(roleScope.id).toBe(`${member?.id}_${resource.scopes?.[0].id}`);
    expectRefused(engine, () => engine.addResourceRoleScope(USERS.admin, pkg.id as string, { role: { id: member?.id }, scope: { id: resource.scopes?.[0].id } }), 409, 'ResourceRoleScopeExists');
    const policy = engine.createPolicy(USERS.admin, {
      displayName: 'Everyone',
      accessPackage: { id: pkg.id },
      allowedTargetScope: 'allMemberUsers',
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      expiration: { type: 'afterDuration', duration: 'PT12H' },
      unknownField: 'dropped',
    });
    expect(policy).not.toHaveProperty('unknownField');
    expect(engine.listRequestablePackages(USERS.adele).map((p) => p.id)).toContain(pkg.id);
    expect(submit(engine, USERS.adele, addBody(pkg.id as string, policy.id as string)).state).toBe('delivered');
    expect(engine.listGroupMembers(USERS.admin, GROUPS.contractors).map((m) => m.id)).toContain(USERS.adele);
    expectRefused(engine, () => engine.deletePackage(USERS.admin, pkg.id as string), 409, 'AccessPackageHasAssignments');
    expectRefused(engine, () => engine.deleteCatalog(USERS.admin, catalog.id as string), 409, 'CatalogNotEmpty');
    expectRefused(engine, () => engine.createResourceRequest(USERS.admin, { requestType: 'adminRemove', catalog: { id: catalog.id }, resource: { id: resource.id } }), 409, 'ResourceInUse');
  });

  it('policies are replaced whole with PUT and cannot move or vanish while in use', () => {
    const engine = newEngine();
    const before = engine.getPolicy(USERS.adele, POLICIES.engineeringWiki);
    const replaced = engine.replacePolicy(USERS.admin, POLICIES.engineeringWiki, {
      displayName: 'Members only now',
      allowedTargetScope: 'allMemberUsers',
      requestorSettings: { enableTargetsToSelfAddAccess: true },
    });
    expect(replaced).toMatchObject({ id: POLICIES.engineeringWiki, createdDateTime: before.createdDateTime, displayName: 'Members only now', expiration: { type: 'noExpiration' } });
    expect(replaced.requestorSettings?.enableTargetsToSelfRemoveAccess).toBe(false);
    expectRefused(engine, () => engine.replacePolicy(USERS.admin, POLICIES.engineeringWiki, { displayName: 'x', accessPackage: { id: PACKAGES.salesPipeline } }), 400, 'CannotMovePolicy');
    expectRefused(engine, () => engine.deletePolicy(USERS.admin, POLICIES.engineeringWiki), 409, 'PolicyInUse');
    expectRefused(engine, () => engine.replacePolicy(USERS.admin, 'nope', { displayName: 'x' }), 404, 'ResourceNotFound');
  });

  it('policy validation: stages, approvers, on-behalf requestors, questions, targets, extensions', () => {
    const engine = newEngine();
    const base = { displayName: 'Checked', accessPackage: { id: PACKAGES.engineeringWiki }, allowedTargetScope: 'allMemberUsers' };
    const stage = { primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: USERS.grady }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [] } }, 'MissingApprovalStages'],
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [stage, stage, stage, stage] } }, 'TooManyApprovalStages'],
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [{}] } }, 'MissingApprovers'],
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [{ primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'ghost' }] }] } }, 'InvalidReference'],
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [{ primaryApprovers: [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 5 }] }] } }, 'InvalidManagerLevel'],
      [{ requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [{ primaryApprovers: [{ '@odata.type': '#microsoft.graph.attributeRuleMembers' }] }] } }, 'UnsupportedSubjectSet'],
      [{ requestorSettings: { enableOnBehalfRequestorsToAddAccess: true } }, 'MissingOnBehalfRequestors'],
      [{ allowedTargetScope: 'specificDirectoryUsers' }, 'MissingAllowedTargets'],
      [{ questions: [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', text: 'Code', regexPattern: '([' }] }, 'InvalidRegexPattern'],
      [{ questions: [{ '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', text: 'Pick', choices: [] }] }, 'MissingChoices'],
      [{ questions: [{ '@odata.type': '#microsoft.graph.accessPackageQuestion', text: 'Hm' }] }, 'UnsupportedQuestionType'],
      [{ expiration: { type: 'afterDuration', duration: 'P1M' } }, 'InvalidProperty'],
      [{ customExtensionStageSettings: [{ stage: 'assignmentRequestCreated', customExtension: { id: EXTENSIONS.expiryReminder } }] }, 'CustomExtensionStageMismatch'],
      [{ accessPackage: { id: PACKAGES.salesPipeline }, customExtensionStageSettings: [{ stage: 'assignmentRequestCreated', customExtension: { id: EXTENSIONS.sodCheck } }] }, 'CustomExtensionNotInCatalog'],
      [{ displayName: '' }, 'MissingProperty'],
    ];
    for (const [change, code] of cases) expectRefused(engine, () => engine.createPolicy(USERS.admin, { ...base, ...change }), 400, code);
  });

  it('policy expiry after 0 to 3660 days, as the admin center takes it (seed 003): a zero duration is accepted', () => {
    const engine = newEngine();
    const base = { displayName: 'Zero', accessPackage: { id: PACKAGES.engineeringWiki }, allowedTargetScope: 'allMemberUsers' };
    for (const duration of ['P0D', 'P3660D']) {
      const policy = engine.createPolicy(USERS.admin, { ...base, expiration: { type: 'afterDuration', duration } });
      expect(policy.expiration).toEqual({ type: 'afterDuration', duration });
    }
    expectRefused(engine, () => engine.createPolicy(USERS.admin, { ...base, expiration: { type: 'afterDuration', duration: 'P' } }), 400, 'InvalidProperty');
  });

  it('packages: update (hide), expand, unknown expansions refused', () => {
    const engine = newEngine();
    engine.updatePackage(USERS.admin, PACKAGES.salesPipeline, { isHidden: true, description: 'Now by link only' });
    expect(engine.listRequestablePackages(USERS.adele).map((p) => p.id)).not.toContain(PACKAGES.salesPipeline);
    const pkg = engine.getPackage(USERS.adele, PACKAGES.salesPipeline, { expand: { resourceRoleScopes: { role: true, scope: true }, catalog: true } });
    expect(pkg.resourceRoleScopes?.map((rs) => rs.role?.displayName)).toEqual(['Member', 'Default Access']);
    expect(pkg.catalog).toMatchObject({ id: CATALOGS.salesMarketing });
    expectRefused(engine, () => engine.getPackage(USERS.adele, PACKAGES.salesPipeline, { expand: { owners: true } }), 400, 'BadRequest');
    expectRefused(engine, () => engine.getPackage(USERS.adele, PACKAGES.salesPipeline, { expand: { resourceRoleScopes: { members: true } } }), 400, 'BadRequest');
  });
});
