// A catalog's custom workflow extensions: create, update (PATCH as the metadata has it, PUT as the docs pages show
// it: the same partial body, answered with the object) and delete (refused while a policy's
// customExtensionStageSettings still run it). What a body may set is the same for create and update; an update keeps
// what the body leaves out. `callbackConfiguration` makes a request-workflow extension "launch and wait";
// `clientConfiguration` (retries, timeout of the call) is kept as given.
import { own } from './own-keys.ts';
import { requireAdmin } from './directory.ts';
import { requireCatalog } from './catalog-admin.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { isRequestWorkflow } from './extensions.ts';
import type { CatalogExtension } from './state.ts';
import { DAY, durationMs, MINUTE } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, any>;

const EXTENSION_TYPES = [
  '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension',
  '#microsoft.graph.accessPackageAssignmentWorkflowExtension',
];

const typeName = (value: unknown) => String(value ?? '').replace(/^#?/, '#');

function endpointOf(value: Body | undefined) {
  const type = typeName(value?.['@odata.type']);
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
  const type = typeName(value['@odata.type']);
  if (type === '#microsoft.graph.azureAdTokenAuthentication') {
    return { '@odata.type': type, resourceId: typeof value.resourceId === 'string' ? value.resourceId : null };
  }
  if (type === '#microsoft.graph.azureAdPopTokenAuthentication') return { '@odata.type': type };
  throw badRequest('InvalidProperty', 'authenticationConfiguration has an unsupported @odata.type.', 'authenticationConfiguration');
}

function callbackOf(ext: CatalogExtension, value: Body | null | undefined): CatalogExtension['callbackConfiguration'] {
  const timeout = value?.timeoutDuration;
  if (timeout === undefined || timeout === null) return null;
  const ms = durationMs(timeout);
  if (!isRequestWorkflow(ext) || ms === undefined || ms < 5 * MINUTE || ms > 14 * DAY) {
    throw badRequest(
      'InvalidProperty',
      'callbackConfiguration.timeoutDuration (request-workflow extensions only) must be between PT5M and P14D.',
      'callbackConfiguration.timeoutDuration',
    );
  }
  return { timeoutDuration: timeout };
}

function clientOf(value: Body | null | undefined): CatalogExtension['clientConfiguration'] {
  if (value === undefined || value === null) return null;
  const out: NonNullable<CatalogExtension['clientConfiguration']> = {};
  for (const key of ['maximumRetries', 'timeoutInMilliseconds'] as const) {
    const n = value[key];
    if (n === undefined || n === null) continue;
    if (!Number.isSafeInteger(n) || n < 0) throw badRequest('InvalidProperty', `clientConfiguration.${key} must be a whole number of at least 0.`, `clientConfiguration.${key}`);
    out[key] = n;
  }
  return out;
}

/** Sets on `ext` what `body` gives (all of it for a create, what it names for an update). */
function applyBody(ext: CatalogExtension, body: Body, creating: boolean): void {
  const given = (key: string) => creating || key in body;
  if (given('displayName')) {
    if (typeof body.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
    ext.displayName = body.displayName;
  }
  if (given('description')) ext.description = typeof body.description === 'string' ? body.description : null;
  if (given('endpointConfiguration')) ext.endpointConfiguration = endpointOf(body.endpointConfiguration);
  if (given('authenticationConfiguration')) ext.authenticationConfiguration = authenticationOf(body.authenticationConfiguration);
  if (given('callbackConfiguration')) ext.callbackConfiguration = callbackOf(ext, body.callbackConfiguration);
  if (given('clientConfiguration')) ext.clientConfiguration = clientOf(body.clientConfiguration);
}

/** POST catalogs/{id}/customWorkflowExtensions. */
export function createExtension(tx: Tx, callerId: string, catalogId: string, body: Body): CatalogExtension {
  requireAdmin(tx.state, callerId);
  requireCatalog(tx, catalogId);
  const type = typeName(body?.['@odata.type']);
  if (!EXTENSION_TYPES.includes(type)) {
    throw badRequest('InvalidProperty', `@odata.type must be one of ${EXTENSION_TYPES.join(', ')}.`, '@odata.type');
  }
  const now = nowIso(tx);
  const upn = own(tx.state.users, callerId)?.userPrincipalName ?? callerId;
  const ext = { '@odata.type': type, id: tx.newId(), createdBy: upn, createdDateTime: now, lastModifiedBy: upn, lastModifiedDateTime: now } as CatalogExtension;
  applyBody(ext, body, true);
  tx.state.extensions[ext.id as string] = { catalogId, data: ext };
  return ext;
}

function requireExtension(tx: Tx, catalogId: string, id: string): CatalogExtension {
  const record = own(tx.state.extensions, id);
  if (record?.catalogId !== catalogId) throw notFound('customCalloutExtension', id);
  return record.data;
}

/** PATCH or PUT catalogs/{id}/customWorkflowExtensions/{id}: the properties the body names; the type cannot change. */
export function updateExtension(tx: Tx, callerId: string, catalogId: string, id: string, body: Body): CatalogExtension {
  requireAdmin(tx.state, callerId);
  const ext = requireExtension(tx, catalogId, id);
  if ('@odata.type' in body && typeName(body['@odata.type']) !== ext['@odata.type']) {
    throw badRequest('InvalidProperty', `An extension's type cannot change: this one is ${ext['@odata.type']}.`, '@odata.type');
  }
  applyBody(ext, body, false);
  ext.lastModifiedBy = own(tx.state.users, callerId)?.userPrincipalName ?? callerId;
  ext.lastModifiedDateTime = nowIso(tx);
  return ext;
}

/** GET catalogs/{id}/customWorkflowExtensions/{id}. */
export const getExtension = (tx: Tx, catalogId: string, id: string): CatalogExtension => requireExtension(tx, catalogId, id);

export function deleteExtension(tx: Tx, callerId: string, catalogId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requireExtension(tx, catalogId, id);
  if (Object.values(tx.state.policies).some((p) => p.extensionStages.some((s) => s.customExtensionId === id))) {
    throw conflict('CustomExtensionInUse', 'A policy still runs this custom extension.');
  }
  delete tx.state.extensions[id];
}
