// Graph operations added for issue 12 (directory and governance administration beyond the request flows):
// access package suggestions. Thin adapters, as in graph-routes.ts; the rules live in ../core.
import type { Engine } from '../core/engine.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { serveCollection } from './collections.ts';

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
  ];
}
