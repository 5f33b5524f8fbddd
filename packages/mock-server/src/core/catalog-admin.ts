// Catalogs, the resources onboarded into them (resourceRequests) and their custom workflow extensions.
import { own } from './own-keys.ts';
import type { AccessPackageCatalog, AccessPackageResource } from '@entitlement-kit/sdk';
import { requireAdmin } from './directory.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { isRequestWorkflow } from './extensions.ts';
import type { CatalogExtension } from './state.ts';
import { DAY, durationMs, MINUTE } from './time.ts';
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
    return { id: tx.newId(), requestType: 'adminRemove' as const, state: 'delivered' as const, createdDateTime: now };
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
  return { id: tx.newId(), requestType: 'adminAdd' as const, state: 'delivered' as const, createdDateTime: now };
}

const EXTENSION_TYPES = [
  '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension',
  '#microsoft.graph.accessPackageAssignmentWorkflowExtension',
];

function endpointOf(value: Body | undefined) {
  const type = String(value?.['@odata.type'] ?? '').replace(/^#?/, '#');
  if (type === '#microsoft.graph.httpRequestEndpoint') {
    if (typeof value?.targetUrl !== 'string' || !/^https?:\/\//.test(value.targetUrl)) {
      throw badRequest('InvalidProperty', 'endpointConfiguration.targetUrl must be an http(s) URL.', 'endpointConfiguration.targetUrl');
    }
    return { '@odata.type': type, targetUrl: value.targetUrl };
  }
  if (type === '#microsoft.graph.logicAppTriggerEndpointConfiguration') {
    const field = (key: string) => (typeof value?.[key] === 'string' ? value[key] : null);
    return {
      '@odata.type': type,
      subscriptionId: field('subscriptionId'),
      resourceGroupName: field('resourceGroupName'),
      logicAppWorkflowName: field('logicAppWorkflowName'),
      url: field('url'),
    };
  }
  throw badRequest(
    'InvalidProperty',
    'endpointConfiguration must be #microsoft.graph.httpRequestEndpoint or #microsoft.graph.logicAppTriggerEndpointConfiguration.',
    'endpointConfiguration',
  );
}

function authenticationOf(value: Body | undefined) {
  if (!value) return null;
  const type = String(value['@odata.type'] ?? '').replace(/^#?/, '#');
  if (type === '#microsoft.graph.azureAdTokenAuthentication') {
    return { '@odata.type': type, resourceId: typeof value.resourceId === 'string' ? value.resourceId : null };
  }
  if (type === '#microsoft.graph.azureAdPopTokenAuthentication') return { '@odata.type': type };
  throw badRequest('InvalidProperty', 'authenticationConfiguration has an unsupported @odata.type.', 'authenticationConfiguration');
}

/** POST catalogs/{id}/customWorkflowExtensions. A callbackConfiguration makes a request extension "launch and wait". */
export function createExtension(tx: Tx, callerId: string, catalogId: string, body: Body): CatalogExtension {
  requireAdmin(tx.state, callerId);
  requireCatalog(tx, catalogId);
  const type = String(body?.['@odata.type'] ?? '').replace(/^#?/, '#');
  if (!EXTENSION_TYPES.includes(type)) {
    throw badRequest('InvalidProperty', `@odata.type must be one of ${EXTENSION_TYPES.join(', ')}.`, '@odata.type');
  }
  if (typeof body.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
  const now = nowIso(tx);
  const upn = own(tx.state.users, callerId)?.userPrincipalName ?? callerId;
  const ext: CatalogExtension = {
    '@odata.type': type,
    id: tx.newId(),
    displayName: body.displayName,
    description: typeof body.description === 'string' ? body.description : null,
    endpointConfiguration: endpointOf(body.endpointConfiguration),
    authenticationConfiguration: authenticationOf(body.authenticationConfiguration),
    createdBy: upn,
    createdDateTime: now,
    lastModifiedBy: upn,
    lastModifiedDateTime: now,
  };
  const timeout = body.callbackConfiguration?.timeoutDuration;
  if (timeout !== undefined && timeout !== null) {
    const ms = durationMs(timeout);
    if (!isRequestWorkflow(ext) || ms === undefined || ms < 5 * MINUTE || ms > 14 * DAY) {
      throw badRequest(
        'InvalidProperty',
        'callbackConfiguration.timeoutDuration (request-workflow extensions only) must be between PT5M and P14D.',
        'callbackConfiguration.timeoutDuration',
      );
    }
    ext.callbackConfiguration = { timeoutDuration: timeout };
  }
  tx.state.extensions[ext.id as string] = { catalogId, data: ext };
  return ext;
}

export function deleteExtension(tx: Tx, callerId: string, catalogId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  if (own(tx.state.extensions, id)?.catalogId !== catalogId) throw notFound('customCalloutExtension', id);
  if (Object.values(tx.state.policies).some((p) => p.extensionStages.some((s) => s.customExtensionId === id))) {
    throw conflict('CustomExtensionInUse', 'A policy still runs this custom extension.');
  }
  delete tx.state.extensions[id];
}
