// Access packages and their policies, with the navigation properties Graph expands on them.
import { own } from '../own-keys.ts';
import type { AccessPackage, AccessPackageResourceRoleScope, AssignmentPolicy } from '@entitlement-kit/sdk';
import { clone } from '../clone.ts';
import { checkExpand, type Expand, under } from '../expand.ts';
import { indexesOf } from '../indexes.ts';
import type { State } from '../state.ts';
import { projectCatalog, projectRole, projectScope } from './catalogs.ts';
import { projectGroup } from './directory.ts';

export const PACKAGE_NAVIGATIONS = [
  'assignmentPolicies',
  'resourceRoleScopes',
  'catalog',
  'incompatibleAccessPackages',
  'accessPackagesIncompatibleWith',
  'incompatibleGroups',
];
export const POLICY_NAVIGATIONS = ['accessPackage', 'catalog', 'questions', 'customExtensionStageSettings'];

export function projectPackage(state: State, id: string, expand?: Expand): AccessPackage {
  checkExpand(expand, 'accessPackage', PACKAGE_NAVIGATIONS);
  const pkg = state.packages[id];
  const out: AccessPackage = clone(pkg.data);
  const nested = (name: string) => under(expand, name);
  const policies = nested('assignmentPolicies');
  if (policies) out.assignmentPolicies = packagePolicyIds(state, id).map((p) => projectPolicy(state, p, policies));
  const scopes = nested('resourceRoleScopes');
  if (scopes) out.resourceRoleScopes = pkg.roleScopes.map((rs) => projectRoleScope(state, rs, scopes));
  const catalog = nested('catalog');
  if (catalog) out.catalog = projectCatalog(state, pkg.catalogId, catalog);
  const incompatible = nested('incompatibleAccessPackages');
  if (incompatible) out.incompatibleAccessPackages = pkg.incompatiblePackageIds.map((p) => projectPackage(state, p, incompatible));
  const reverse = nested('accessPackagesIncompatibleWith');
  if (reverse) out.accessPackagesIncompatibleWith = incompatibleWith(state, id).map((p) => projectPackage(state, p, reverse));
  if (nested('incompatibleGroups')) out.incompatibleGroups = pkg.incompatibleGroupIds.filter((g) => state.groups[g]).map((g) => projectGroup(state.groups[g]));
  return out;
}

/** Packages that name this one as incompatible. */
export const incompatibleWith = (state: State, id: string): string[] =>
  Object.keys(state.packages).filter((p) => state.packages[p].incompatiblePackageIds.includes(id));

export const packagePolicyIds = (state: State, packageId: string): string[] =>
  indexesOf(state)?.ids('policies', 'package', packageId) ??
  Object.keys(state.policies).filter((p) => state.policies[p].packageId === packageId);

export function projectRoleScope(
  state: State,
  rs: { id: string; roleId: string; scopeId: string; createdDateTime: string },
  expand?: Expand,
): AccessPackageResourceRoleScope {
  checkExpand(expand, 'accessPackageResourceRoleScope', ['role', 'scope']);
  const out: AccessPackageResourceRoleScope = { id: rs.id, createdDateTime: rs.createdDateTime };
  const role = under(expand, 'role');
  if (role) out.role = projectRole(state, rs.roleId, role);
  const scope = under(expand, 'scope');
  if (scope) out.scope = projectScope(state, rs.scopeId, scope);
  return out;
}

export function projectPolicy(state: State, id: string, expand?: Expand): AssignmentPolicy {
  checkExpand(expand, 'accessPackageAssignmentPolicy', POLICY_NAVIGATIONS);
  const policy = state.policies[id];
  const out: AssignmentPolicy = clone(policy.data);
  const nested = (name: string) => under(expand, name);
  const pkg = nested('accessPackage');
  if (pkg) out.accessPackage = projectPackage(state, policy.packageId, pkg);
  const catalog = nested('catalog');
  if (catalog) out.catalog = projectCatalog(state, state.packages[policy.packageId].catalogId, catalog);
  if (nested('questions')) out.questions = clone(policy.questions);
  const settings = nested('customExtensionStageSettings');
  if (settings) {
    checkExpand(settings, 'customExtensionStageSetting', ['customExtension']);
    out.customExtensionStageSettings = policy.extensionStages.map((s) => ({
      id: s.id,
      stage: s.stage,
      ...(under(settings, 'customExtension') && { customExtension: clone(own(state.extensions, s.customExtensionId)?.data) }),
    }));
  }
  return out;
}
