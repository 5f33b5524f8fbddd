// Routes of issue 12's catalog items: a catalog's custom workflow extensions by id (GET, PATCH as the metadata has
// it, PUT as the docs pages show it; both answer 200 with the object, DELETE refused while a policy runs it), the
// packages that name a package incompatible, `$count` of packages and assignments, and the resource requests list.
// Declared before graphRoutes: msw tries handlers in order, and `accessPackages/:id` would take `$count`.
import type { Engine } from '../core/engine.ts';
import { empty, json } from '../http/reply.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { serveCollection, serveCount, serveEntity } from './collections.ts';
import { ASSIGNMENT_RULES, objectBody, packages } from './graph-routes.ts';

const EM = '/identityGovernance/entitlementManagement';
// Param names as the other routes under `catalogs/:id` (the route table shares a segment's node and its names).
const EXTENSION = `${EM}/catalogs/:id/customWorkflowExtensions/:extensionId`;
const EXTENSION_TYPES = ['customCalloutExtension', 'accessPackageAssignmentRequestWorkflowExtension', 'accessPackageAssignmentWorkflowExtension'];

const resourceRequests = {
  rules: { filterable: ['id', 'requestType', 'state', 'createdDateTime', 'catalog/id', 'resource/id'], orderable: ['createdDateTime'], searchable: [] },
  context: 'identityGovernance/entitlementManagement/resourceRequests',
  type: 'accessPackageResourceRequest',
};

export function catalogRoutes(engine: Engine): RouteDef[] {
  const me = (ctx: RouteContext) => ctx.callerId;
  const p = (ctx: RouteContext, name: string) => ctx.params[name];
  const update = (ctx: RouteContext) => json(engine.updateCustomExtension(me(ctx), p(ctx, 'id'), p(ctx, 'extensionId'), objectBody(ctx, 'customCalloutExtension')));

  return [
    graphRoute('GET', EXTENSION, (ctx) => serveEntity(ctx, EXTENSION_TYPES, () => engine.getCustomExtension(me(ctx), p(ctx, 'id'), p(ctx, 'extensionId')), [])),
    graphRoute('PATCH', EXTENSION, update),
    graphRoute('PUT', EXTENSION, update),
    graphRoute('DELETE', EXTENSION, (ctx) => (engine.deleteCustomExtension(me(ctx), p(ctx, 'id'), p(ctx, 'extensionId')), empty())),

    graphRoute('GET', `${EM}/accessPackages/:id/accessPackagesIncompatibleWith`, (ctx) =>
      serveCollection(ctx, { ...packages, searchText: undefined }, (expand) => engine.listPackagesIncompatibleWith(me(ctx), p(ctx, 'id'), { expand })),
    ),
    graphRoute('GET', `${EM}/accessPackages/$count`, (ctx) => serveCount(ctx, packages, (expand) => engine.listPackages(me(ctx), { expand }))),
    graphRoute('GET', `${EM}/assignments/$count`, (ctx) =>
      serveCount(ctx, { rules: ASSIGNMENT_RULES, context: '', type: 'accessPackageAssignment' }, (expand) => engine.listAssignments(me(ctx), { expand })),
    ),
    graphRoute('GET', `${EM}/resourceRequests`, (ctx) => serveCollection(ctx, resourceRequests, (expand) => engine.listResourceRequests(me(ctx), { expand }))),
  ];
}
