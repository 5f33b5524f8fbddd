// Catalogs and the resources onboarded into them (resourceRequests). Their custom workflow extensions: extension-admin.ts.
import { own } from './own-keys.ts';
import type { AccessPackageCatalog, AccessPackageResource } from '@entitlement-kit/sdk';
import { requireAdmin } from './directory.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { recordResourceRequest } from './resource-requests.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, any>;

export function requireCatalog(tx: Tx, id: string): AccessPackageCatalog {
  const catalog = own(tx.state.catalogs, id);
  if (!catalog) throw notFound('accessPackageCatalog', id);
  return catalog;
}

function catalogFields(body: Body): Partial<AccessPackageCatalog> {
  const out: Partial<AccessPackageCatalog> = {};
  for (const key of ['displayName', 'description'] as const) {
    if (!(key in body)) continue;
    if (body[key] !== null && typeof body[key] !== 'string') throw badRequest('InvalidProperty', `${key} must be a string.`, key);
    out[key] = body[key];
  }
  if ('isExternallyVisible' in body) {
    if (typeof body.isExternallyVisible !== 'boolean') {
      throw badRequest('InvalidProperty', 'isExternallyVisible must be a boolean.', 'isExternallyVisible');
    }
    out.isExternallyVisible = body.isExternallyVisible;
  }
  if ('state' in body) {
    if (body.state !== 'published' && body.state !== 'unpublished') {
      throw badRequest('InvalidProperty', "state must be 'published' or 'unpublished'.", 'state');
    }
    out.state = body.state;
  }
  if ('catalogType' in body) {
    if (!['userManaged', 'serviceDefault', 'serviceManaged'].includes(body.catalogType)) {
      throw badRequest('InvalidProperty', 'catalogType must be userManaged, serviceDefault or serviceManaged.', 'catalogType');
    }
    out.catalogType = body.catalogType;
  }
  return out;
}

export function createCatalog(tx: Tx, callerId: string, body: Body): AccessPackageCatalog {
  requireAdmin(tx.state, callerId);
  if (typeof body?.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
  const now = nowIso(tx);
  const catalog: AccessPackageCatalog = {
    id: tx.newId(),
    description: null,
    catalogType: 'userManaged',
    state: 'published',
    isExternallyVisible: true,
    ...catalogFields(body),
    createdDateTime: now,
    modifiedDateTime: now,
  };
  tx.state.catalogs[catalog.id as string] = catalog;
  return catalog;
}

export function updateCatalog(tx: Tx, callerId: string, id: string, body: Body): void {
  requireAdmin(tx.state, callerId);
  const catalog = requireCatalog(tx, id);
  if (body?.displayName === null || body?.displayName === '') throw missingProperty('displayName');
  Object.assign(catalog, catalogFields(body ?? {}), { modifiedDateTime: nowIso(tx) });
}

export function deleteCatalog(tx: Tx, callerId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requireCatalog(tx, id);
  const { state } = tx;
  if (Object.values(state.packages).some((p) => p.catalogId === id)) {
    throw conflict('CatalogNotEmpty', 'Delete the access packages in the catalog first.');
  }
  for (const [resourceId, r] of Object.entries(state.resources)) if (r.catalogId === id) dropResource(tx, resourceId);
  for (const [extId, e] of Object.entries(state.extensions)) if (e.catalogId === id) delete state.extensions[extId];
  delete state.catalogs[id];
}

function dropResource(tx: Tx, resourceId: string): void {
  const { state } = tx;
  for (const [roleId, r] of Object.entries(state.resourceRoles)) if (r.resourceId === resourceId) delete state.resourceRoles[roleId];
  for (const [scopeId, s] of Object.entries(state.resourceScopes)) if (s.resourceId === resourceId) delete state.resourceScopes[scopeId];
  delete state.resources[resourceId];
}

/** The roles a resource offers, by origin system (a group has Owner and Member, as in Graph). */
export function resourceRolesFor(originSystem: string, originId: string): { displayName: string; originId: string }[] {
  switch (originSystem) {
    case 'AadGroup':
      return [
        { displayName: 'Owner', originId: `Owner_${originId}` },
        { displayName: 'Member', originId: `Member_${originId}` },
      ];
    case 'SharePointOnline':
      return [
        { displayName: 'Visitors', originId: '4' },
        { displayName: 'Members', originId: '5' },
        { displayName: 'Owners', originId: '3' },
      ];
    default:
      return [{ displayName: 'Default Access', originId: 'DefaultAccess' }];
  }
}

const ORIGIN_SYSTEMS = ['AadGroup', 'AadApplication', 'SharePointOnline'];

/** POST resourceRequests: adminAdd onboards a group, application or site into a catalog; adminRemove takes it out. */
export function createResourceRequest(tx: Tx, callerId: string, body: Body) {
  requireAdmin(tx.state, callerId);
  const { state } = tx;
  const catalogId = body?.catalog?.id;
  if (typeof catalogId !== 'string') throw missingProperty('catalog.id');
  requireCatalog(tx, catalogId);
  const now = nowIso(tx);
  if (body.requestType === 'adminRemove') {
    const resourceId = body.resource?.id;
    if (typeof resourceId !== 'string' || own(state.resources, resourceId)?.catalogId !== catalogId) {
      throw notFound('accessPackageResource', String(resourceId));
    }
    const used = Object.values(state.packages).some((p) =>
      p.roleScopes.some((rs) => own(state.resourceRoles, rs.roleId)?.resourceId === resourceId),
    );
    if (used) throw conflict('ResourceInUse', 'An access package still uses a role of this resource.');
    dropResource(tx, resourceId);
    return recordResourceRequest(tx, 'adminRemove', catalogId, resourceId);
  }
  if (body.requestType !== 'adminAdd') {
    throw badRequest('UnsupportedRequestType', "requestType must be 'adminAdd' or 'adminRemove'.", 'requestType');
  }
  const { originId, originSystem } = body.resource ?? {};
  if (typeof originId !== 'string' || !originId) throw missingProperty('resource.originId');
  if (!ORIGIN_SYSTEMS.includes(originSystem)) {
    throw badRequest('InvalidProperty', `resource.originSystem must be one of ${ORIGIN_SYSTEMS.join(', ')}.`, 'resource.originSystem');
  }
  const group = originSystem === 'AadGroup' ? own(state.groups, originId) : undefined;
  if (originSystem === 'AadGroup' && !group) throw notFound('Group', originId);
  if (Object.values(state.resources).some((r) => r.catalogId === catalogId && r.data.originId === originId)) {
    throw conflict('ResourceAlreadyInCatalog', 'The resource is already in this catalog.');
  }
  const resource: AccessPackageResource = {
    id: tx.newId(),
    displayName: group?.displayName ?? (typeof body.resource.displayName === 'string' ? body.resource.displayName : originId),
    description: group?.description ?? null,
    originId,
    originSystem,
    attributes: [],
    createdDateTime: now,
    modifiedDateTime: now,
  };
  const resourceId = resource.id as string;
  state.resources[resourceId] = { catalogId, data: resource };
  for (const role of resourceRolesFor(originSystem, originId)) {
    const id = tx.newId();
    state.resourceRoles[id] = { resourceId, data: { id, ...role, description: null, originSystem } };
  }
  const scopeId = tx.newId();
  state.resourceScopes[scopeId] = {
    resourceId,
    data: { id: scopeId, displayName: 'Root', description: 'Root Scope', originId, originSystem, isRootScope: true },
  };
  return recordResourceRequest(tx, 'adminAdd', catalogId, resourceId);
}
