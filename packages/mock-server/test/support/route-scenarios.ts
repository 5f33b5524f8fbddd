// The same checks of the route factory run through msw's setupServer and through the loopback HTTP server: the
// two ways the mock is served must answer alike. Every Graph response is checked against openapi.yaml.
import { expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/identity/base64url.ts';
import { EM, PACKAGES, USERS, tokenFor, type DummyGraph } from './dummy-graph.ts';
import { expectGraphResponse, type BatchRequestEntry } from './graph-schema.ts';

interface Call {
  method?: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export function routeScenarios(origin: () => string, graph: () => DummyGraph): void {
  const url = (path: string) => `${origin()}${path.startsWith('/_mock') ? '' : '/v1.0'}${path}`;

  async function call(path: string, { method = 'GET', token = tokenFor(0), body, headers = {} }: Call = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(url(path), init);
    return { response, body: await expectGraphResponse(response.clone(), method, url(path)) as any };
  }

  it('serves a route to the caller named by the token, with request ids', async () => {
    const { response, body } = await call('/me', { headers: { 'client-request-id': 'client-42' } });
    expect(response.status).toBe(200);
    expect(body).toEqual(USERS[0]);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('client-request-id')).toBe('client-42');
    expect((await call('/me', { token: tokenFor(1) })).body.id).toBe(USERS[1].id);
  });

  it.each([
    ['no token', null],
    ['a token for nobody in the directory', encodeBase64Url('{}') + '.' + encodeBase64Url('{"oid":"nobody"}') + '.x'],
    ['a malformed token', 'not-a-jwt'],
  ])('answers 401 InvalidAuthenticationToken for %s', async (_, token) => {
    const { response, body } = await call('/me', { token });
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
  });

  it.each([
    ["plain quotes", "filterByCurrentUser(on='allowedRequestor')"],
    ['%27-encoded quotes', 'filterByCurrentUser(on=%27allowedRequestor%27)'],
  ])('matches a function segment written with %s and pages through it by nextLink', async (_, segment) => {
    let link: string | undefined = `${EM}/accessPackages/${segment}?$count=true&$orderby=createdDateTime desc`;
    const seen: string[] = [];
    let pages = 0;
    while (link) {
      const { response, body }: { response: Response; body: any } = await call(link);
      expect(response.status).toBe(200);
      expect(body['@odata.count']).toBe(PACKAGES.length);
      expect(body['@odata.context']).toBe(`${origin()}/v1.0/$metadata#Collection(microsoft.graph.accessPackage)`);
      seen.push(...body.value.map((p: { id: string }) => p.id));
      link = body['@odata.nextLink']?.slice(`${origin()}/v1.0`.length);
      if (body['@odata.nextLink']) expect(body['@odata.nextLink'].startsWith(`${origin()}/v1.0/`)).toBe(true);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...PACKAGES].reverse().map((p) => p.id));
  });

  it('passes route params to the handler and turns its MockGraphError into Graph error shape', async () => {
    const { response, body } = await call(`${EM}/accessPackages/filterByCurrentUser(on='bogus')`);
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BadRequest', target: 'on', message: "Unsupported on='bogus'." });
  });

  it('serves an entity with $expand, 404 for an unknown id, 400 for a collection option', async () => {
    const found = await call(`${EM}/accessPackages/${PACKAGES[0].id}?$expand=catalog&$select=id,displayName`);
    expect(found.response.status).toBe(200);
    expect(found.body).toEqual({ id: PACKAGES[0].id, displayName: PACKAGES[0].displayName, catalog: expect.objectContaining({ displayName: 'Dummy catalog' }) });
    const missing = await call(`${EM}/accessPackages/nope`);
    expect([missing.response.status, missing.body.error.code]).toEqual([404, 'ResourceNotFound']);
    const bad = await call(`${EM}/accessPackages/${PACKAGES[0].id}?$top=1`);
    expect([bad.response.status, bad.body.error.code, bad.body.error.target]).toEqual([400, 'UnsupportedQueryOption', '$top']);
  });

  it('parses JSON bodies and refuses malformed ones with 400 BadRequest', async () => {
    const created = await call(`${EM}/assignmentRequests`, { method: 'POST', body: { requestType: 'userAdd', justification: 'Need it' } });
    expect(created.response.status).toBe(201);
    expect(created.body).toMatchObject({ requestType: 'userAdd', justification: 'Need it', status: `By ${USERS[0].id}` });
    const malformed = await call(`${EM}/assignmentRequests`, { method: 'POST', body: '{"requestType": ' });
    expect([malformed.response.status, malformed.body.error.code]).toEqual([400, 'BadRequest']);
    const empty = await call(`${EM}/assignmentRequests`, { method: 'POST' });
    expect([empty.response.status, empty.body.error.code]).toEqual([400, 'MissingRequestType']);
  });

  it('answers 204 with no body, and 404 from the handler', async () => {
    const canceled = await call(`${EM}/assignmentRequests/r-1/cancel`, { method: 'POST' });
    expect(canceled.response.status).toBe(204);
    expect(canceled.body).toBeUndefined();
    const missing = await call(`${EM}/assignmentRequests/missing/cancel`, { method: 'POST' });
    expect(missing.response.status).toBe(404);
  });

  it('turns an unexpected error into a bare 500 and reports it', async () => {
    const before = graph().unexpected.length;
    const { response, body } = await call('/users/boom/manager');
    expect(response.status).toBe(500);
    expect(body.error.code).toBe('InternalServerError');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
    expect(graph().unexpected.length).toBe(before + 1);
  });

  it('answers 400 BadRequest naming the segment for a path under the base that no route serves, as Graph does', async () => {
    const response = await fetch(url('/me/inventedThings'), { headers: { authorization: `Bearer ${tokenFor(0)}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'BadRequest', message: "Resource not found for the segment 'inventedThings'." });
  });

  it('runs a $batch through the same routes, each sub-request answered on its own', async () => {
    const requests: Array<BatchRequestEntry & Record<string, unknown>> = [
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=1` },
      { id: '3', method: 'GET', url: `${EM}/accessPackages/nope` },
      { id: '4', method: 'POST', url: `${EM.slice(1)}/assignmentRequests`, headers: { 'content-type': 'application/json' }, body: { requestType: 'userAdd' } },
      { id: '5', method: 'POST', url: `${EM}/assignmentRequests/r-9/cancel`, dependsOn: ['4'] },
    ];
    const response = await fetch(url('/$batch'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(1)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    const body = (await expectGraphResponse(response, 'POST', url('/$batch'), { requests })) as any;
    expect(body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200, 404, 201, 204]);
    expect(body.responses[0].body.id).toBe(USERS[1].id);
    expect(body.responses[1].body.value).toHaveLength(1);
    expect(body.responses[1].body['@odata.nextLink']).toMatch(new RegExp(`^${origin()}/v1.0/`));
  });

  it('answers 400 inside a batch for a sub-request nothing serves, and 401 for a batch without a token', async () => {
    const requests = [{ id: '1', method: 'GET', url: '/nothing/here' }];
    const ok = await fetch(url('/$batch'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(0)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    expect((await ok.json()).responses[0]).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
    const anonymous = await fetch(url('/$batch'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requests }) });
    expect(anonymous.status).toBe(401);
  });

  it('applies injected faults to Graph routes (429 with Retry-After) but not to /_mock/', async () => {
    graph().faults.configure({ throttleEvery: 2, retryAfterSeconds: 3 });
    try {
      expect((await call('/me')).response.status).toBe(200);
      const throttled = await call('/me');
      expect(throttled.response.status).toBe(429);
      expect(throttled.response.headers.get('retry-after')).toBe('3');
      expect(throttled.body.error.code).toBe('TooManyRequests');
      for (let i = 0; i < 4; i++) expect((await call('/_mock/clock', { token: null })).response.status).toBe(200);
    } finally {
      graph().faults.clear();
    }
  });

  it('serves /_mock/ control routes without a token; a minted token then works', async () => {
    const clock = await call('/_mock/clock', { token: null });
    expect(clock.body).toEqual({ now: '2024-01-01T00:00:00Z' });
    const minted = await call('/_mock/token', { method: 'POST', token: null, body: { userPrincipalName: USERS[1].userPrincipalName } });
    expect(minted.body.token_type).toBe('Bearer');
    expect((await call('/me', { token: minted.body.access_token })).body.id).toBe(USERS[1].id);
  });
}
