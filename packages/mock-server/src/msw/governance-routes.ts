// Graph operations added for issue 12 (directory and governance administration beyond the request flows):
// access package suggestions, entitlementManagementSettings, accessPackageSubjects. Thin adapters, as in graph-routes.ts; the rules live in ../core.
import type { Engine } from '../core/engine.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { empty } from '../http/reply.ts';
import { serveCollection, serveEntity } from './collections.ts';
import { objectBody } from './graph-routes.ts';

const EM = '/identityGovernance/entitlementManagement';

const suggestionRules = { filterable: ['id'], orderable: [], searchable: [] };
const suggestions = (context: string) => ({ rules: suggestionRules, context, type: 'accessPackageSuggestion' });

export function governanceRoutes(engine: Engine): RouteDef[] {
  const me = (ctx: RouteContext) => ctx.callerId;
  const p = (ctx: RouteContext, name: string) => ctx.params[name];
  return [
    // ---- access package suggestions ----
    graphRoute('GET', `${EM}/accessPackageSuggestions`, (ctx) =>
      serveCollection(ctx, suggestions('identityGovernance/entitlementManagement/accessPackageSuggestions'), (expand) =>
        engine.listSuggestions(me(ctx), undefined, { expand }),
      ),
    ),
    // The docs' @odata.context names the function call itself.
    graphRoute('GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on=':on')`, (ctx) =>
      serveCollection(
        ctx,
        suggestions(`identityGovernance/entitlementManagement/accessPackageSuggestions/filterByCurrentUser(on='${p(ctx, 'on')}')`),
        (expand) => engine.listSuggestions(me(ctx), p(ctx, 'on'), { expand }),
      ),
    ),

    // ---- settings (a singleton) and subjects ----
    graphRoute('GET', `${EM}/settings`, (ctx) => serveEntity(ctx, 'entitlementManagementSettings', () => engine.getSettings(me(ctx)), [])),
    graphRoute('PATCH', `${EM}/settings`, (ctx) => (engine.updateSettings(me(ctx), objectBody(ctx, 'entitlementManagementSettings')), empty())),
    graphRoute('GET', `${EM}/subjects(objectId=':objectId')`, (ctx) =>
      serveEntity(ctx, 'accessPackageSubject', (expand) => engine.getSubject(me(ctx), p(ctx, 'objectId'), { expand })),
    ),
    graphRoute('PATCH', `${EM}/subjects(objectId=':objectId')`, (ctx) =>
      (engine.updateSubject(me(ctx), p(ctx, 'objectId'), objectBody(ctx, 'accessPackageSubject')), empty()),
    ),
    graphRoute('GET', `${EM}/subjects/:id`, (ctx) => serveEntity(ctx, 'accessPackageSubject', (expand) => engine.getSubject(me(ctx), p(ctx, 'id'), { expand }))),
  ];
}
