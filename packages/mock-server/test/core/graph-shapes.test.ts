// Everything the engine returns must be a valid instance of its Graph schema: no invented fields, right types,
// enums and UTC date-times.
import { describe, expect, it } from 'vitest';
import type { Expand } from '../../src/core/expand.ts';
import { graphSchemaErrors } from './support/graph-schema.ts';
import { APPS, CATALOGS, newEngine, PACKAGES, POLICIES, USERS } from './support/engine.ts';

const S = (name: string) => `microsoft.graph.${name}`;
const expectValid = (name: string, values: unknown[]) => {
  expect(values.length, `some ${name} to check`).toBeGreaterThan(0);
  for (const v of values) expect(graphSchemaErrors(S(name), v)).toEqual([]);
};

describe('engine output conforms to the Graph schemas', () => {
  const engine = newEngine();
  engine.advance('P20D');
  const all: Expand = { requestor: true, accessPackage: { catalog: true }, assignment: { target: true, accessPackage: true, assignmentPolicy: true } };

  it('requests, with and without expansions', () => {
    expectValid('accessPackageAssignmentRequest', engine.listRequests(USERS.admin));
    expectValid('accessPackageAssignmentRequest', engine.listRequests(USERS.admin, { expand: all }));
  });

  it('assignments', () => {
    expectValid(
      'accessPackageAssignment',
      engine.listAssignments(USERS.admin, { expand: { target: true, accessPackage: true, assignmentPolicy: true } }),
    );
  });

  it('approvals and stages', () => {
    const approvals = [...engine.listMyApprovals(USERS.lee), ...engine.listDecidedApprovals(USERS.lee)];
    expectValid('approval', approvals);
    expectValid('approvalStage', approvals.flatMap((a) => a.stages ?? []));
  });

  it('packages with every expansion, policies with questions and extension settings', () => {
    const expand: Expand = {
      assignmentPolicies: { questions: true, customExtensionStageSettings: { customExtension: true } },
      resourceRoleScopes: { role: { resource: true }, scope: true },
      catalog: true,
      incompatibleAccessPackages: true,
      accessPackagesIncompatibleWith: true,
      incompatibleGroups: true,
    };
    expectValid('accessPackage', engine.listPackages(USERS.admin, { expand }));
    expectValid('accessPackageAssignmentPolicy', engine.listPolicies(USERS.admin, { expand: { questions: true, customExtensionStageSettings: { customExtension: true }, accessPackage: true, catalog: true } }));
  });

  it('requirements', () => {
    expectValid('accessPackageAssignmentRequestRequirements', [
      ...engine.getApplicablePolicyRequirements(USERS.adele, PACKAGES.marketingCampaigns),
      ...engine.getApplicablePolicyRequirements(USERS.alex, PACKAGES.financialReporting),
      ...engine.getApplicablePolicyRequirements(USERS.adele, PACKAGES.salesPipeline),
    ]);
  });

  it('catalogs, resources, roles, extensions', () => {
    expectValid('accessPackageCatalog', engine.listCatalogs(USERS.admin, { expand: { resources: true, resourceRoles: true, resourceScopes: true, accessPackages: true, customWorkflowExtensions: true } }));
    expectValid('accessPackageResource', engine.listCatalogResources(USERS.admin, CATALOGS.salesMarketing, { expand: { roles: true, scopes: true } }));
    expectValid('accessPackageResourceRole', engine.listCatalogResourceRoles(USERS.admin, CATALOGS.finance, { expand: { resource: true } }));
    expectValid('customCalloutExtension', engine.listCustomExtensions(USERS.admin, CATALOGS.itEngineering));
  });

  it('users, groups, sponsors and the Temporary Access Pass', () => {
    expectValid('user', engine.listUsers(USERS.adele));
    expectValid('group', engine.listGroups(USERS.adele));
    expectValid('directoryObject', engine.listSponsors(USERS.adele, USERS.rob));
    expectValid('temporaryAccessPassAuthenticationMethod', [
      engine.createTemporaryAccessPass(APPS.accessAutomation, USERS.lynne, { lifetimeInMinutes: 60 }),
      ...engine.listTemporaryAccessPasses(USERS.lynne, USERS.lynne),
    ]);
  });

  it('a freshly created request and its policy', () => {
    const req = engine.createRequest(USERS.adele, {
      requestType: 'userAdd',
      assignment: { accessPackageId: PACKAGES.engineeringWiki, assignmentPolicyId: POLICIES.engineeringWiki },
    }, { expand: all });
    expectValid('accessPackageAssignmentRequest', [req]);
  });

  it('the checker itself rejects an invented field and a local time', () => {
    expect(graphSchemaErrors(S('accessPackage'), { id: 'x', inventedField: 1 })).not.toEqual([]);
    expect(graphSchemaErrors(S('accessPackage'), { id: 'x', createdDateTime: '2026-11-02T09:00:00+01:00' })).not.toEqual([]);
    expect(graphSchemaErrors(S('accessPackageAssignment'), { state: 'bogus' })).not.toEqual([]);
  });
});
