// Graph's assignment maintenance operations (issue 12): reprocess a failed delivery, and additionalAccess (who holds
// two packages at once, before they are made incompatible). Thin adapters over the engine, as in graph-routes.ts.
import type { Engine } from '../core/engine.ts';
import { accepted } from '../http/reply.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { serveCollection } from './collections.ts';
import { ASSIGNMENT_RULES } from './graph-routes.ts';

const EM = '/identityGovernance/entitlementManagement';

export function maintenanceRoutes(engine: Engine): RouteDef[] {
  const me = (ctx: RouteContext) => ctx.callerId;
  const p = (ctx: RouteContext, name: string) => ctx.params[name];
  return [
    graphRoute('POST', `${EM}/assignmentRequests/:id/reprocess`, (ctx) => (engine.reprocessRequest(me(ctx), p(ctx, 'id')), accepted())),
    graphRoute('POST', `${EM}/assignments/:id/reprocess`, (ctx) => (engine.reprocessAssignment(me(ctx), p(ctx, 'id')), accepted())),
    graphRoute('GET', `${EM}/assignments/additionalAccess(accessPackageId=':accessPackageId',incompatibleAccessPackageId=':incompatibleAccessPackageId')`, (ctx) =>
      serveCollection(ctx, { rules: ASSIGNMENT_RULES, context: 'Collection(microsoft.graph.accessPackageAssignment)', type: 'accessPackageAssignment' }, (expand, window) =>
        engine.listAdditionalAccess(me(ctx), p(ctx, 'accessPackageId'), p(ctx, 'incompatibleAccessPackageId'), { expand, window }),
      ),
    ),
  ];
}
