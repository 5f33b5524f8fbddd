// Catalogs and what they hold: resources with their roles and scopes, and custom workflow extensions.
import { clone } from '../clone.ts';
import type {
  AccessPackageCatalog,
  AccessPackageResource,
  AccessPackageResourceRole,
  AccessPackageResourceScope,
} from '@entitlement-kit/sdk';
import { checkExpand, type Expand, under } from '../expand.ts';
import type { CatalogExtension, State } from '../state.ts';
import { projectPackage } from './packages.ts';

export const CATALOG_NAVIGATIONS = ['accessPackages', 'customWorkflowExtensions', 'resources', 'resourceRoles', 'resourceScopes'];

export function projectCatalog(state: State, id: string, expand?: Expand): AccessPackageCatalog {
  checkExpand(expand, 'accessPackageCatalog', CATALOG_NAVIGATIONS);
  const out: AccessPackageCatalog = clone(state.catalogs[id]);
  const resourceIds = Object.keys(state.resources).filter((r) => state.resources[r].catalogId === id);
  const nested = (name: string) => under(expand, name);
  const sub = nested('accessPackages');
  if (sub) out.accessPackages = Object.keys(state.packages).filter((p) => state.packages[p].catalogId === id).map((p) => projectPackage(state, p, sub));
  const ext = nested('customWorkflowExtensions');
  if (ext) out.customWorkflowExtensions = catalogExtensions(state, id);
  const res = nested('resources');
  if (res) out.resources = resourceIds.map((r) => projectResource(state, r, res));
  const roles = nested('resourceRoles');
  if (roles) out.resourceRoles = Object.keys(state.resourceRoles).filter((r) => resourceIds.includes(state.resourceRoles[r].resourceId)).map((r) => projectRole(state, r, roles));
  const scopes = nested('resourceScopes');
  if (scopes) out.resourceScopes = Object.keys(state.resourceScopes).filter((s) => resourceIds.includes(state.resourceScopes[s].resourceId)).map((s) => projectScope(state, s, scopes));
  return out;
}

export function catalogExtensions(state: State, catalogId: string): CatalogExtension[] {
  return Object.values(state.extensions)
    .filter((e) => e.catalogId === catalogId)
    .map((e) => clone(e.data));
}

export function projectResource(state: State, id: string, expand?: Expand): AccessPackageResource {
  checkExpand(expand, 'accessPackageResource', ['roles', 'scopes']);
  const out: AccessPackageResource = clone(state.resources[id].data);
  const roles = under(expand, 'roles');
  if (roles) out.roles = Object.keys(state.resourceRoles).filter((r) => state.resourceRoles[r].resourceId === id).map((r) => projectRole(state, r, roles));
  const scopes = under(expand, 'scopes');
  if (scopes) out.scopes = Object.keys(state.resourceScopes).filter((s) => state.resourceScopes[s].resourceId === id).map((s) => projectScope(state, s, scopes));
  return out;
}

export function projectRole(state: State, id: string, expand?: Expand): AccessPackageResourceRole {
  checkExpand(expand, 'accessPackageResourceRole', ['resource']);
  const record = state.resourceRoles[id];
  const out: AccessPackageResourceRole = clone(record.data);
  const resource = under(expand, 'resource');
  if (resource) out.resource = projectResource(state, record.resourceId, resource);
  return out;
}

export function projectScope(state: State, id: string, expand?: Expand): AccessPackageResourceScope {
  checkExpand(expand, 'accessPackageResourceScope', ['resource']);
  const record = state.resourceScopes[id];
  const out: AccessPackageResourceScope = clone(record.data);
  const resource = under(expand, 'resource');
  if (resource) out.resource = projectResource(state, record.resourceId, resource);
  return out;
}
