// A few made-up Graph routes over made-up data, declared the way the real adapters declare theirs. They exercise
// the protocol layer (routing, identity, bodies, OData, errors, batching); the domain rules live elsewhere.
import type { HttpHandler } from 'msw';
import { MockGraphError, notFound, unauthorized } from '../../src/core/errors.ts';
import { FaultInjector } from '../../src/http/faults.ts';
import { graphCollection, graphJson, noContent } from '../../src/http/graph-response.ts';
import { createGraphRoutes, type GraphRoutesOptions } from '../../src/http/route.ts';
import { mintToken } from '../../src/identity/token.ts';
import { applyODataQuery, shapeEntity } from '../../src/odata/apply-query.ts';
import { parseEntityQuery, parseODataQuery } from '../../src/odata/parse-query.ts';

export const EM = '/identityGovernance/entitlementManagement';

export const USERS = [
  { id: 'aaaaaaaa-0000-4000-8000-000000000001', userPrincipalName: 'alice@example.test', displayName: 'Alice Dummy' },
  { id: 'aaaaaaaa-0000-4000-8000-000000000002', userPrincipalName: 'bob@example.test', displayName: 'Bob Dummy' },
];

export const PACKAGES = Array.from({ length: 5 }, (_, i) => ({
  id: `bbbbbbbb-0000-4000-8000-00000000000${i + 1}`,
  displayName: `Dummy package ${i + 1}`,
  description: i % 2 ? 'Odd one' : 'Even one',
  isHidden: false,
  createdDateTime: `2024-01-0${i + 1}T00:00:00Z`,
}));

const CATALOG = { id: 'cccccccc-0000-4000-8000-000000000001', displayName: 'Dummy catalog' };

export const tokenFor = (index: number) => mintToken(USERS[index]);

export interface DummyGraph {
  handlers: HttpHandler[];
  faults: FaultInjector;
  unexpected: unknown[];
}

export function dummyGraph(baseUrl: string, overrides: Partial<GraphRoutesOptions> = {}): DummyGraph {
  const faults = new FaultInjector();
  const unexpected: unknown[] = [];
  const routes = createGraphRoutes({
    baseUrl,
    faults,
    resolveCaller: (claims) => {
      const user = USERS.find((u) => u.id === claims.oid || u.userPrincipalName === claims.preferred_username);
      if (!user) throw unauthorized('The token names no user of this directory.');
      return user.id;
    },
    onUnexpectedError: (error) => unexpected.push(error),
    ...overrides,
  });

  const findPackage = (id: string) => PACKAGES.find((p) => p.id === id) ?? throwing(notFound('Access package', id));

  const handlers: HttpHandler[] = [
    routes.route('GET', '/me', ({ callerId }) => graphJson(USERS.find((u) => u.id === callerId))),
    routes.route('GET', '/users', ({ url, versionUrl }) => {
      const query = parseODataQuery(url, { filterable: ['displayName', 'userPrincipalName'], orderable: ['displayName'] });
      return graphCollection(applyODataQuery(USERS, query, { requestUrl: url }), `${versionUrl}/$metadata#users`);
    }),
    routes.route('GET', `${EM}/accessPackages/filterByCurrentUser(on=':on')`, ({ url, params, versionUrl }) => {
      if (params.on !== 'allowedRequestor') throw new MockGraphError(400, 'BadRequest', `Unsupported on='${params.on}'.`, 'on');
      const query = parseODataQuery(url, { filterable: ['displayName'], orderable: ['displayName', 'createdDateTime'] });
      const result = applyODataQuery(PACKAGES, query, { requestUrl: url, defaultPageSize: 2 });
      return graphCollection(result, `${versionUrl}/$metadata#Collection(microsoft.graph.accessPackage)`);
    }),
    routes.route('GET', `${EM}/accessPackages/:id`, ({ url, params }) => {
      const query = parseEntityQuery(url, { expandable: ['catalog'] });
      return graphJson(shapeEntity(findPackage(params.id), query, { expand: (p) => ({ ...p, catalog: CATALOG }) }));
    }),
    routes.route('POST', `${EM}/assignmentRequests`, ({ body, callerId }) => {
      const request = body as { requestType?: string; justification?: string } | undefined;
      if (!request?.requestType) throw new MockGraphError(400, 'MissingRequestType', 'requestType is required.', 'requestType');
      return graphJson(
        { id: 'dddddddd-0000-4000-8000-000000000001', requestType: request.requestType, justification: request.justification ?? null, state: 'submitted', status: `By ${callerId}` },
        { status: 201 },
      );
    }),
    routes.route('POST', `${EM}/assignmentRequests/:id/cancel`, ({ params }) => {
      if (params.id === 'missing') throw notFound('Access package assignment request', params.id);
      return noContent();
    }),
    routes.route('GET', '/users/:id/manager', ({ params }) => {
      if (params.id === 'boom') throw new Error('secret internal detail');
      return graphJson({ '@odata.type': '#microsoft.graph.user', ...USERS[0] });
    }),
    routes.control('GET', '/_mock/clock', () => graphJson({ now: '2024-01-01T00:00:00Z' })),
    routes.control('POST', '/_mock/token', ({ body }) => {
      const user = USERS.find((u) => u.userPrincipalName === (body as { userPrincipalName?: string })?.userPrincipalName);
      if (!user) throw new MockGraphError(404, 'UnknownUser', 'No such user.');
      return graphJson({ access_token: mintToken(user), token_type: 'Bearer', expires_in: 3600 });
    }),
  ];
  handlers.push(routes.batchHandler(() => handlers), routes.fallback());
  return { handlers, faults, unexpected };
}

function throwing(error: Error): never {
  throw error;
}
