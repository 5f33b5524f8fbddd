// Every Graph path of packages/sdk/openapi.yaml, as a thin adapter: read the caller, params and body, call one
// Engine method, shape the answer. The rules (who may do what, which state follows) live in ../core.
// Filterable and orderable properties follow what Graph documents for each collection.
import { badRequest } from '../core/errors.ts';
import type { Engine } from '../core/engine.ts';
import { jsonObject } from '../http/json-body.ts';
import { collection, created, empty, json } from '../http/reply.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { readPath } from '../odata/index.ts';
import type { AccessPackage } from '@entitlement-kit/sdk';
import { serveCollection, serveCount, serveEntity } from './collections.ts';
import { checkBodyTypes } from '../http/graph-types.ts';
import { withUserDefaults } from './user-shape.ts';

const EM = '/identityGovernance/entitlementManagement';
type Body = Record<string, any>;

/** The JSON object body; with a Graph type, its declared properties must also have the right JSON types. */
export function objectBody(ctx: RouteContext, type?: string): Body {
  const body = jsonObject(ctx.body);
  if (type) checkBodyTypes(type, body);
  return body;
}

/** The id at the end of an `@odata.id` reference body (`{ "@odata.id": ".../users/{id}" }`). */
export function referencedId(ctx: RouteContext): string {
  const ref = objectBody(ctx)['@odata.id'];
  const id = typeof ref === 'string' ? /\/([^/()]+?)\/?$/.exec(ref.trim())?.[1] : undefined;
  if (!id) throw badRequest('BadRequest', "A reference body needs '@odata.id' with the URL of the object, ending in its id.", '@odata.id');
  return decodeURIComponent(id);
}

const USER_FIELDS = ['id', 'displayName', 'userPrincipalName', 'mail', 'givenName', 'surname', 'jobTitle', 'department', 'userType', 'accountEnabled'];
const users = {
  rules: { filterable: USER_FIELDS, orderable: ['displayName', 'userPrincipalName'], searchable: ['displayName', 'mail', 'userPrincipalName'] },
};
export const directoryObjects = (context: string) => ({ rules: { ...users.rules, expandable: [] }, context, type: ['user', 'group'] });

const PACKAGE_RULES = {
  filterable: ['id', 'displayName', 'description', 'isHidden', 'catalog/id', 'createdDateTime', 'modifiedDateTime'],
  orderable: ['displayName', 'createdDateTime', 'modifiedDateTime'],
  searchable: ['displayName', 'description'],
};
/** $search on packages also finds them by the names of their resources and roles ("search by resource"). */
const packageSearch = {
  searchNeeds: { resourceRoleScopes: { role: { resource: true as const } } },
  searchText: (p: AccessPackage) =>
    (p.resourceRoleScopes ?? []).map((rs) => `${readPath(rs, 'role/resource/displayName') ?? ''} ${readPath(rs, 'role/displayName') ?? ''}`).join(' '),
};
export const packages = { rules: PACKAGE_RULES, context: 'Collection(microsoft.graph.accessPackage)', type: 'accessPackage', ...packageSearch };

const incompatibleGroups = {
  rules: { filterable: ['id', 'displayName'], orderable: ['displayName'], searchable: ['displayName'], expandable: [] },
  context: 'Collection(microsoft.graph.group)',
  type: 'group',
};
/** The mock keeps no sponsors' navigation for organizations: nothing to expand. */
const connectedOrganizations = {
  rules: { filterable: ['id', 'displayName', 'state'], orderable: ['displayName'], searchable: ['displayName'], expandable: [] },
  context: 'identityGovernance/entitlementManagement/connectedOrganizations',
  type: 'connectedOrganization',
};

const POLICY_RULES = { filterable: ['id', 'displayName', 'accessPackage/id', 'allowedTargetScope'], orderable: ['displayName', 'createdDateTime'] };
const REQUEST_RULES = {
  filterable: ['id', 'state', 'status', 'requestType', 'createdDateTime', 'completedDateTime', 'accessPackage/id', 'requestor/objectId'],
  orderable: ['createdDateTime', 'completedDateTime', 'state'],
  searchable: [],
};
export const ASSIGNMENT_RULES = {
  filterable: ['id', 'state', 'status', 'accessPackage/id', 'target/objectId', 'assignmentPolicy/id'],
  orderable: ['state', 'accessPackage/displayName', 'target/displayName'],
  searchable: [],
};
const CATALOG_RULES = {
  filterable: ['id', 'displayName', 'state', 'catalogType', 'isExternallyVisible'],
  orderable: ['displayName', 'createdDateTime'],
};

/** Every Graph operation of the mock, declared once; both adapters serve this list. */
export function graphRoutes(engine: Engine): RouteDef[] {
  const r = { route: graphRoute };
  const me = (ctx: RouteContext) => ctx.callerId;
  const p = (ctx: RouteContext, name: string) => ctx.params[name];

  return [
    // ---- directory (users trimmed to Graph's default properties unless $select names others: user-shape.ts) ----
    r.route('GET', '/me', (ctx) =>
      withUserDefaults(ctx, serveEntity(ctx, 'user', (expand) => engine.getUser(me(ctx), me(ctx), { expand })), true),
    ),
    r.route('GET', '/me/directReports', (ctx) =>
      withUserDefaults(ctx, serveCollection(ctx, directoryObjects('directoryObjects'), () => engine.listDirectReports(me(ctx), me(ctx))), false),
    ),
    // A manager is declared a directoryObject: the answer names its type.
    r.route('GET', '/me/manager', (ctx) => withUserDefaults(ctx, serveEntity(ctx, ['user'], () => engine.getManager(me(ctx), me(ctx)), []), false)),
    r.route('GET', '/users', (ctx) =>
      withUserDefaults(ctx, serveCollection(ctx, { ...directoryObjects('users'), context: 'users', type: 'user' }, () => engine.listUsers(me(ctx))), true),
    ),
    r.route('POST', '/users', (ctx) => withUserDefaults(ctx, created(engine.createUser(me(ctx), objectBody(ctx, 'user'))), true)),
    r.route('GET', '/users/:id', (ctx) =>
      withUserDefaults(ctx, serveEntity(ctx, 'user', (expand) => engine.getUser(me(ctx), p(ctx, 'id'), { expand })), true),
    ),
    r.route('PATCH', '/users/:id', (ctx) => (engine.updateUser(me(ctx), p(ctx, 'id'), objectBody(ctx, 'user')), empty())),
    r.route('DELETE', '/users/:id', (ctx) => (engine.deleteUser(me(ctx), p(ctx, 'id')), empty())),
    r.route('GET', '/users/:id/directReports', (ctx) =>
      withUserDefaults(ctx, serveCollection(ctx, directoryObjects('directoryObjects'), () => engine.listDirectReports(me(ctx), p(ctx, 'id'))), false),
    ),
    r.route('GET', '/users/:id/manager', (ctx) => withUserDefaults(ctx, serveEntity(ctx, ['user'], () => engine.getManager(me(ctx), p(ctx, 'id')), []), false)),
    r.route('PUT', '/users/:id/manager/$ref', (ctx) => (engine.setManager(me(ctx), p(ctx, 'id'), referencedId(ctx)), empty())),
    r.route('DELETE', '/users/:id/manager/$ref', (ctx) => (engine.removeManager(me(ctx), p(ctx, 'id')), empty())),
    r.route('GET', '/users/:id/sponsors', (ctx) =>
      withUserDefaults(ctx, serveCollection(ctx, directoryObjects('directoryObjects'), () => engine.listSponsors(me(ctx), p(ctx, 'id'))), false),
    ),
    r.route('GET', '/users/:id/authentication/temporaryAccessPassMethods', (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id'], expandable: [] }, context: `users('${p(ctx, 'id')}')/authentication/temporaryAccessPassMethods`, type: 'temporaryAccessPassAuthenticationMethod' },
        () => engine.listTemporaryAccessPasses(me(ctx), p(ctx, 'id')),
      ),
    ),
    r.route('POST', '/users/:id/authentication/temporaryAccessPassMethods', (ctx) =>
      created(engine.createTemporaryAccessPass(me(ctx), p(ctx, 'id'), ctx.body === undefined ? {} : objectBody(ctx, 'temporaryAccessPassAuthenticationMethod'))),
    ),
    r.route('GET', '/groups/:id', (ctx) => serveEntity(ctx, 'group', () => engine.getGroup(me(ctx), p(ctx, 'id')), [])),
    r.route('GET', '/groups/:id/members', (ctx) =>
      withUserDefaults(ctx, serveCollection(ctx, directoryObjects('directoryObjects'), () => engine.listGroupMembers(me(ctx), p(ctx, 'id'))), false),
    ),

    // ---- catalogs ----
    r.route('GET', `${EM}/catalogs`, (ctx) =>
      serveCollection(ctx, { rules: CATALOG_RULES, context: 'identityGovernance/entitlementManagement/catalogs', type: 'accessPackageCatalog' }, (expand) =>
        engine.listCatalogs(me(ctx), { expand }),
      ),
    ),
    r.route('POST', `${EM}/catalogs`, (ctx) => created(engine.createCatalog(me(ctx), objectBody(ctx, 'accessPackageCatalog')))),
    r.route('GET', `${EM}/catalogs/:id`, (ctx) => serveEntity(ctx, 'accessPackageCatalog', (expand) => engine.getCatalog(me(ctx), p(ctx, 'id'), { expand }))),
    r.route('PATCH', `${EM}/catalogs/:id`, (ctx) => (engine.updateCatalog(me(ctx), p(ctx, 'id'), objectBody(ctx, 'accessPackageCatalog')), empty())),
    r.route('DELETE', `${EM}/catalogs/:id`, (ctx) => (engine.deleteCatalog(me(ctx), p(ctx, 'id')), empty())),
    r.route('GET', `${EM}/catalogs/:id/accessPackages`, (ctx) =>
      serveCollection(ctx, packages, (expand) => engine.listCatalogPackages(me(ctx), p(ctx, 'id'), { expand })),
    ),
    r.route('GET', `${EM}/catalogs/:id/resources`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id', 'displayName', 'originSystem', 'originId'], orderable: ['displayName'] }, context: 'Collection(microsoft.graph.accessPackageResource)', type: 'accessPackageResource' },
        (expand) => engine.listCatalogResources(me(ctx), p(ctx, 'id'), { expand }),
      ),
    ),
    r.route('GET', `${EM}/catalogs/:id/resourceRoles`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id', 'displayName', 'originSystem', 'originId', 'resource/id'], orderable: ['displayName'] }, context: 'Collection(microsoft.graph.accessPackageResourceRole)', type: 'accessPackageResourceRole' },
        (expand) => engine.listCatalogResourceRoles(me(ctx), p(ctx, 'id'), { expand }),
      ),
    ),
    r.route('GET', `${EM}/catalogs/:id/customWorkflowExtensions`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id', 'displayName'], orderable: ['displayName'], expandable: [] }, context: 'Collection(microsoft.graph.customCalloutExtension)', type: ['customCalloutExtension', 'accessPackageAssignmentRequestWorkflowExtension', 'accessPackageAssignmentWorkflowExtension'] },
        () => engine.listCustomExtensions(me(ctx), p(ctx, 'id')),
      ),
    ),
    r.route('POST', `${EM}/catalogs/:id/customWorkflowExtensions`, (ctx) =>
      created(engine.createCustomExtension(me(ctx), p(ctx, 'id'), objectBody(ctx, 'customCalloutExtension'))),
    ),
    r.route('POST', `${EM}/resourceRequests`, (ctx) => created(engine.createResourceRequest(me(ctx), objectBody(ctx, 'accessPackageResourceRequest')))),

    // ---- access packages ----
    r.route('GET', `${EM}/accessPackages`, (ctx) => serveCollection(ctx, packages, (expand, window) => engine.listPackages(me(ctx), { expand, window, shared: true }))),
    r.route('POST', `${EM}/accessPackages`, (ctx) => created(engine.createPackage(me(ctx), objectBody(ctx, 'accessPackage')))),
    r.route('GET', `${EM}/accessPackages/filterByCurrentUser(on=':on')`, (ctx) => {
      if (p(ctx, 'on') !== 'allowedRequestor') {
        throw badRequest('InvalidFilterOption', `on='${p(ctx, 'on')}' is not supported here; use allowedRequestor.`, 'on');
      }
      return serveCollection(ctx, packages, (expand, window) => engine.listRequestablePackages(me(ctx), { expand, window, shared: true }));
    }),
    r.route('GET', `${EM}/accessPackages/:id`, (ctx) => serveEntity(ctx, 'accessPackage', (expand) => engine.getPackage(me(ctx), p(ctx, 'id'), { expand }))),
    r.route('PATCH', `${EM}/accessPackages/:id`, (ctx) => (engine.updatePackage(me(ctx), p(ctx, 'id'), objectBody(ctx, 'accessPackage')), empty())),
    r.route('DELETE', `${EM}/accessPackages/:id`, (ctx) => (engine.deletePackage(me(ctx), p(ctx, 'id')), empty())),
    r.route('GET', `${EM}/accessPackages/:id/assignmentPolicies`, (ctx) =>
      serveCollection(ctx, { rules: POLICY_RULES, context: 'Collection(microsoft.graph.accessPackageAssignmentPolicy)', type: 'accessPackageAssignmentPolicy' }, (expand) =>
        engine.listPackagePolicies(me(ctx), p(ctx, 'id'), { expand }),
      ),
    ),
    r.route('POST', `${EM}/accessPackages/:id/getApplicablePolicyRequirements`, (ctx) => {
      const value = engine.getApplicablePolicyRequirements(me(ctx), p(ctx, 'id'));
      return collection({ value }, `${ctx.versionUrl}/$metadata#Collection(microsoft.graph.accessPackageAssignmentRequestRequirements)`);
    }),
    r.route('GET', `${EM}/accessPackages/:id/resourceRoleScopes`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id', 'role/id', 'scope/id'], orderable: ['createdDateTime'] }, context: 'Collection(microsoft.graph.accessPackageResourceRoleScope)', type: 'accessPackageResourceRoleScope' },
        (expand) => engine.listResourceRoleScopes(me(ctx), p(ctx, 'id'), { expand }),
      ),
    ),
    r.route('POST', `${EM}/accessPackages/:id/resourceRoleScopes`, (ctx) =>
      created(engine.addResourceRoleScope(me(ctx), p(ctx, 'id'), objectBody(ctx, 'accessPackageResourceRoleScope'))),
    ),
    r.route('DELETE', `${EM}/accessPackages/:id/resourceRoleScopes/:scopeId`, (ctx) =>
      (engine.removeResourceRoleScope(me(ctx), p(ctx, 'id'), p(ctx, 'scopeId')), empty()),
    ),
    r.route('GET', `${EM}/accessPackages/:id/incompatibleAccessPackages`, (ctx) =>
      serveCollection(ctx, { ...packages, searchText: undefined }, (expand) => engine.listIncompatiblePackages(me(ctx), p(ctx, 'id'), { expand })),
    ),
    r.route('POST', `${EM}/accessPackages/:id/incompatibleAccessPackages/$ref`, (ctx) =>
      (engine.addIncompatiblePackage(me(ctx), p(ctx, 'id'), referencedId(ctx)), empty()),
    ),
    r.route('DELETE', `${EM}/accessPackages/:id/incompatibleAccessPackages/:otherId/$ref`, (ctx) =>
      (engine.removeIncompatiblePackage(me(ctx), p(ctx, 'id'), p(ctx, 'otherId')), empty()),
    ),
    r.route('GET', `${EM}/accessPackages/:id/incompatibleGroups`, (ctx) =>
      serveCollection(ctx, incompatibleGroups, () => engine.listIncompatibleGroups(me(ctx), p(ctx, 'id'))),
    ),
    r.route('POST', `${EM}/accessPackages/:id/incompatibleGroups/$ref`, (ctx) =>
      (engine.addIncompatibleGroup(me(ctx), p(ctx, 'id'), referencedId(ctx)), empty()),
    ),
    r.route('DELETE', `${EM}/accessPackages/:id/incompatibleGroups/:groupId/$ref`, (ctx) =>
      (engine.removeIncompatibleGroup(me(ctx), p(ctx, 'id'), p(ctx, 'groupId')), empty()),
    ),

    // ---- connected organizations ----
    r.route('GET', `${EM}/connectedOrganizations`, (ctx) =>
      serveCollection(ctx, connectedOrganizations, () => engine.listConnectedOrganizations(me(ctx))),
    ),
    r.route('GET', `${EM}/connectedOrganizations/:id`, (ctx) =>
      serveEntity(ctx, 'connectedOrganization', () => engine.getConnectedOrganization(me(ctx), p(ctx, 'id')), []),
    ),

    // ---- policies ----
    r.route('GET', `${EM}/assignmentPolicies`, (ctx) =>
      serveCollection(ctx, { rules: POLICY_RULES, context: 'identityGovernance/entitlementManagement/assignmentPolicies', type: 'accessPackageAssignmentPolicy' }, (expand) =>
        engine.listPolicies(me(ctx), { expand }),
      ),
    ),
    r.route('POST', `${EM}/assignmentPolicies`, (ctx) => created(engine.createPolicy(me(ctx), objectBody(ctx, 'accessPackageAssignmentPolicy')))),
    r.route('GET', `${EM}/assignmentPolicies/:id`, (ctx) => serveEntity(ctx, 'accessPackageAssignmentPolicy', (expand) => engine.getPolicy(me(ctx), p(ctx, 'id'), { expand }))),
    r.route('PUT', `${EM}/assignmentPolicies/:id`, (ctx) => json(engine.replacePolicy(me(ctx), p(ctx, 'id'), objectBody(ctx, 'accessPackageAssignmentPolicy')))),
    r.route('DELETE', `${EM}/assignmentPolicies/:id`, (ctx) => (engine.deletePolicy(me(ctx), p(ctx, 'id')), empty())),

    // ---- requests ----
    r.route('GET', `${EM}/assignmentRequests`, (ctx) =>
      serveCollection(ctx, { rules: REQUEST_RULES, context: 'identityGovernance/entitlementManagement/assignmentRequests', type: 'accessPackageAssignmentRequest' }, (expand, window) =>
        engine.listRequests(me(ctx), { expand, window, shared: true }),
      ),
    ),
    r.route('GET', `${EM}/assignmentRequests/$count`, (ctx) =>
      serveCount(ctx, { rules: REQUEST_RULES, context: '', type: 'accessPackageAssignmentRequest' }, (expand) => engine.listRequests(me(ctx), { expand })),
    ),
    r.route('POST', `${EM}/assignmentRequests`, (ctx) => created(engine.createRequest(me(ctx), objectBody(ctx, 'accessPackageAssignmentRequest')))),
    r.route('GET', `${EM}/assignmentRequests/filterByCurrentUser(on=':on')`, (ctx) =>
      serveCollection(ctx, { rules: REQUEST_RULES, context: 'Collection(microsoft.graph.accessPackageAssignmentRequest)', type: 'accessPackageAssignmentRequest' }, (expand, window) =>
        engine.listMyRequests(me(ctx), p(ctx, 'on'), { expand, window, shared: true }),
      ),
    ),
    r.route('GET', `${EM}/assignmentRequests/:id`, (ctx) => serveEntity(ctx, 'accessPackageAssignmentRequest', (expand) => engine.getRequest(me(ctx), p(ctx, 'id'), { expand }))),
    r.route('DELETE', `${EM}/assignmentRequests/:id`, (ctx) => (engine.deleteRequest(me(ctx), p(ctx, 'id')), empty())),
    r.route('POST', `${EM}/assignmentRequests/:id/cancel`, (ctx) => (engine.cancelRequest(me(ctx), p(ctx, 'id')), empty())),
    r.route('POST', `${EM}/assignmentRequests/:id/resume`, (ctx) => (engine.resumeRequest(me(ctx), p(ctx, 'id'), objectBody(ctx)), empty())),

    // ---- approvals ----
    r.route('GET', `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on=':on')`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id'], expandable: ['stages'] }, context: 'Collection(microsoft.graph.approval)', type: 'approval' },
        () => engine.listMyApprovals(me(ctx), p(ctx, 'on')),
      ),
    ),
    r.route('GET', `${EM}/accessPackageAssignmentApprovals/:id`, (ctx) => serveEntity(ctx, 'approval', () => engine.getApproval(me(ctx), p(ctx, 'id')), ['stages'])),
    r.route('GET', `${EM}/accessPackageAssignmentApprovals/:id/stages`, (ctx) =>
      serveCollection(
        ctx,
        { rules: { filterable: ['id', 'status', 'reviewResult'], expandable: [] }, context: 'Collection(microsoft.graph.approvalStage)', type: 'approvalStage' },
        () => engine.listApprovalStages(me(ctx), p(ctx, 'id')),
      ),
    ),
    r.route('GET', `${EM}/accessPackageAssignmentApprovals/:id/stages/:stageId`, (ctx) =>
      serveEntity(ctx, 'approvalStage', () => engine.getApprovalStage(me(ctx), p(ctx, 'id'), p(ctx, 'stageId')), []),
    ),
    r.route('PATCH', `${EM}/accessPackageAssignmentApprovals/:id/stages/:stageId`, (ctx) =>
      (engine.decide(me(ctx), p(ctx, 'id'), p(ctx, 'stageId'), objectBody(ctx, 'approvalStage')), empty()),
    ),

    // ---- assignments ----
    r.route('GET', `${EM}/assignments`, (ctx) =>
      serveCollection(ctx, { rules: ASSIGNMENT_RULES, context: 'identityGovernance/entitlementManagement/assignments', type: 'accessPackageAssignment' }, (expand, window) =>
        engine.listAssignments(me(ctx), { expand, window, shared: true }),
      ),
    ),
    r.route('GET', `${EM}/assignments/filterByCurrentUser(on=':on')`, (ctx) =>
      serveCollection(ctx, { rules: ASSIGNMENT_RULES, context: 'Collection(microsoft.graph.accessPackageAssignment)', type: 'accessPackageAssignment' }, (expand, window) =>
        engine.listMyAssignments(me(ctx), p(ctx, 'on'), { expand, window, shared: true }),
      ),
    ),
    r.route('GET', `${EM}/assignments/:id`, (ctx) => serveEntity(ctx, 'accessPackageAssignment', (expand) => engine.getAssignment(me(ctx), p(ctx, 'id'), { expand }))),
  ];
}
