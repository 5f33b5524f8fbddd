// Access packages: create, update, delete, their resource roles and their incompatibilities.
import { own } from './own-keys.ts';
import type { AccessPackage } from '@entitlement-kit/sdk';
import { requireAdmin } from './directory.ts';
import { requireGroup } from './directory-admin.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { isActive, isOpen } from './request-records.ts';
import type { PackageRecord } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, any>;

export function requirePackage(tx: Tx, id: string): PackageRecord {
  const pkg = own(tx.state.packages, id);
  if (!pkg) throw notFound('accessPackage', id);
  return pkg;
}

function packageFields(body: Body): Partial<AccessPackage> {
  const out: Partial<AccessPackage> = {};
  if ('displayName' in body) {
    if (typeof body.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
    out.displayName = body.displayName;
  }
  if ('description' in body) {
    if (body.description !== null && typeof body.description !== 'string') {
      throw badRequest('InvalidProperty', 'description must be a string.', 'description');
    }
    out.description = body.description;
  }
  if ('isHidden' in body) {
    if (typeof body.isHidden !== 'boolean') throw badRequest('InvalidProperty', 'isHidden must be a boolean.', 'isHidden');
    out.isHidden = body.isHidden;
  }
  return out;
}

export function createPackage(tx: Tx, callerId: string, body: Body): PackageRecord {
  requireAdmin(tx.state, callerId);
  if (typeof body?.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
  const catalogId = body.catalog?.id;
  if (typeof catalogId !== 'string') throw missingProperty('catalog.id');
  if (!own(tx.state.catalogs, catalogId)) throw notFound('accessPackageCatalog', catalogId);
  const now = nowIso(tx);
  const pkg: PackageRecord = {
    catalogId,
    data: { id: tx.newId(), description: null, isHidden: false, ...packageFields(body), createdDateTime: now, modifiedDateTime: now },
    incompatiblePackageIds: [],
    incompatibleGroupIds: [],
    roleScopes: [],
  };
  tx.state.packages[pkg.data.id as string] = pkg;
  return pkg;
}

export function updatePackage(tx: Tx, callerId: string, id: string, body: Body): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, id);
  Object.assign(pkg.data, packageFields(body ?? {}), { modifiedDateTime: nowIso(tx) });
}

/** Graph refuses to delete a package that still has assignments; its policies go with it. */
export function deletePackage(tx: Tx, callerId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requirePackage(tx, id);
  const { state } = tx;
  const busy =
    Object.values(state.assignments).some((a) => a.packageId === id && isActive(a)) ||
    Object.values(state.requests).some((r) => r.packageId === id && isOpen(r));
  if (busy) throw conflict('AccessPackageHasAssignments', 'The access package still has assignments or open requests.');
  delete state.packages[id];
  for (const [policyId, policy] of Object.entries(state.policies)) if (policy.packageId === id) delete state.policies[policyId];
  for (const other of Object.values(state.packages)) other.incompatiblePackageIds = other.incompatiblePackageIds.filter((p) => p !== id);
}

/** POST accessPackages/{id}/resourceRoleScopes: a role (by id, or originId + resource id) on a scope of a catalog resource. */
export function addRoleScope(tx: Tx, callerId: string, packageId: string, body: Body) {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  const { state } = tx;
  const roleId =
    typeof body?.role?.id === 'string'
      ? body.role.id
      : Object.keys(state.resourceRoles).find(
          (r) => state.resourceRoles[r].data.originId === body?.role?.originId && state.resourceRoles[r].resourceId === body?.role?.resource?.id,
        );
  const role = roleId ? own(state.resourceRoles, roleId) : undefined;
  if (!role) throw badRequest('InvalidReference', 'role must name a resource role of the catalog (id, or originId with resource.id).', 'role');
  const scopeId =
    typeof body?.scope?.id === 'string'
      ? body.scope.id
      : Object.keys(state.resourceScopes).find(
          (s) => state.resourceScopes[s].data.originId === body?.scope?.originId && state.resourceScopes[s].resourceId === role.resourceId,
        );
  const scope = scopeId ? own(state.resourceScopes, scopeId) : undefined;
  if (!scope || scope.resourceId !== role.resourceId) {
    throw badRequest('InvalidReference', "scope must name a scope of the role's resource.", 'scope');
  }
  if (own(state.resources, role.resourceId)?.catalogId !== pkg.catalogId) {
    throw badRequest('ResourceNotInCatalog', "The resource is not in the access package's catalog.", 'role');
  }
  const id = `${roleId}_${scopeId}`;
  if (pkg.roleScopes.some((rs) => rs.id === id)) throw conflict('ResourceRoleScopeExists', 'The package already has this role.');
  const roleScope = { id, roleId: roleId as string, scopeId: scopeId as string, createdDateTime: nowIso(tx) };
  pkg.roleScopes.push(roleScope);
  return roleScope;
}

export function removeRoleScope(tx: Tx, callerId: string, packageId: string, roleScopeId: string): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  if (!pkg.roleScopes.some((rs) => rs.id === roleScopeId)) throw notFound('accessPackageResourceRoleScope', roleScopeId);
  pkg.roleScopes = pkg.roleScopes.filter((rs) => rs.id !== roleScopeId);
}

export function addIncompatiblePackage(tx: Tx, callerId: string, packageId: string, otherId: string): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  requirePackage(tx, otherId);
  if (otherId === packageId) throw badRequest('InvalidReference', 'A package cannot be incompatible with itself.');
  if (pkg.incompatiblePackageIds.includes(otherId)) {
    throw badRequest('ReferenceAlreadyExists', 'One or more added object references already exist.');
  }
  pkg.incompatiblePackageIds.push(otherId);
}

export function removeIncompatiblePackage(tx: Tx, callerId: string, packageId: string, otherId: string): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  if (!pkg.incompatiblePackageIds.includes(otherId)) throw notFound('incompatible accessPackage', otherId);
  pkg.incompatiblePackageIds = pkg.incompatiblePackageIds.filter((p) => p !== otherId);
}

export function addIncompatibleGroup(tx: Tx, callerId: string, packageId: string, groupId: string): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  requireGroup(tx.state, groupId);
  if (pkg.incompatibleGroupIds.includes(groupId)) {
    throw badRequest('ReferenceAlreadyExists', 'One or more added object references already exist.');
  }
  pkg.incompatibleGroupIds.push(groupId);
}

export function removeIncompatibleGroup(tx: Tx, callerId: string, packageId: string, groupId: string): void {
  requireAdmin(tx.state, callerId);
  const pkg = requirePackage(tx, packageId);
  if (!pkg.incompatibleGroupIds.includes(groupId)) throw notFound('incompatible group', groupId);
  pkg.incompatibleGroupIds = pkg.incompatibleGroupIds.filter((g) => g !== groupId);
}
