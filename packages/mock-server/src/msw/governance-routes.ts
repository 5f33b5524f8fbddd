// Graph operations added for issue 12 (directory and governance administration beyond the request flows):
// access package suggestions, entitlementManagementSettings, accessPackageSubjects, connected organizations'
// administration and sponsors, a Temporary Access Pass by id (under /users/{id} and /me). Thin adapters, as in graph-routes.ts; the rules live in ../core.
import type { Engine } from '../core/engine.ts';
import { graphRoute, type RouteContext, type RouteDef } from '../http/route-table.ts';
import { created, empty, json } from '../http/reply.ts';
import { serveCollection, serveEntity } from './collections.ts';
import { directoryObjects, objectBody, referencedId } from './graph-routes.ts';
import { withUserDefaults } from './user-shape.ts';

const EM = '/identityGovernance/entitlementManagement';
const SPONSOR_KINDS = ['internalSponsors', 'externalSponsors'] as const;

const passes = (context: string) => ({
  rules: { filterable: ['id'], expandable: [] },
  context,
  type: 'temporaryAccessPassAuthenticationMethod',
});

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

    // ---- connected organizations: create, update, delete, sponsors ----
    graphRoute('POST', `${EM}/connectedOrganizations`, (ctx) =>
      created(engine.createConnectedOrganization(me(ctx), objectBody(ctx, 'connectedOrganization'))),
    ),
    graphRoute('PATCH', `${EM}/connectedOrganizations/:id`, (ctx) =>
      json(engine.updateConnectedOrganization(me(ctx), p(ctx, 'id'), objectBody(ctx, 'connectedOrganization')), 202),
    ),
    graphRoute('DELETE', `${EM}/connectedOrganizations/:id`, (ctx) => (engine.deleteConnectedOrganization(me(ctx), p(ctx, 'id')), empty())),
    ...SPONSOR_KINDS.flatMap((kind) => [
      graphRoute('GET', `${EM}/connectedOrganizations/:id/${kind}`, (ctx) =>
        withUserDefaults(ctx, serveCollection(ctx, directoryObjects('directoryObjects'), () => engine.listOrganizationSponsors(me(ctx), p(ctx, 'id'), kind)), false),
      ),
      graphRoute('POST', `${EM}/connectedOrganizations/:id/${kind}/$ref`, (ctx) =>
        (engine.addOrganizationSponsor(me(ctx), p(ctx, 'id'), kind, referencedId(ctx)), empty()),
      ),
      graphRoute('DELETE', `${EM}/connectedOrganizations/:id/${kind}/:sponsorId/$ref`, (ctx) =>
        (engine.removeOrganizationSponsor(me(ctx), p(ctx, 'id'), kind, p(ctx, 'sponsorId')), empty()),
      ),
    ]),

    // ---- Temporary Access Pass by id; /me has no POST (Microsoft documents creating one only under /users) ----
    graphRoute('GET', '/me/authentication/temporaryAccessPassMethods', (ctx) =>
      serveCollection(ctx, passes(`users('${me(ctx)}')/authentication/temporaryAccessPassMethods`), () => engine.listTemporaryAccessPasses(me(ctx), me(ctx))),
    ),
    // `:id` names the user, as in graph-routes.ts: routes that share a path segment share its parameter name.
    ...(['/me', '/users/:id'] as const).flatMap((owner) => {
      const userOf = (ctx: RouteContext) => (owner === '/me' ? me(ctx) : p(ctx, 'id'));
      return [
        graphRoute('GET', `${owner}/authentication/temporaryAccessPassMethods/:methodId`, (ctx) =>
          serveEntity(ctx, 'temporaryAccessPassAuthenticationMethod', () => engine.getTemporaryAccessPass(me(ctx), userOf(ctx), p(ctx, 'methodId')), []),
        ),
        graphRoute('DELETE', `${owner}/authentication/temporaryAccessPassMethods/:methodId`, (ctx) =>
          (engine.deleteTemporaryAccessPass(me(ctx), userOf(ctx), p(ctx, 'methodId')), empty()),
        ),
      ];
    }),
  ];
}
