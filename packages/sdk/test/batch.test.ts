// JSON batching: calls of one tick share a $batch, yet each settles exactly as if it had been sent alone.
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, GraphError, MAX_BATCH_SIZE } from '../src/index.ts';
import { at, graphError } from './support/graph-handlers.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server, wire, batches } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 'tok' });
const user = (id: string) => ({ id, displayName: `User ${id}` });

function serveUsers() {
  server.use(
    http.get(`${BASE}/me`, () => HttpResponse.json(user('me'))),
    http.get(`${BASE}/users/:id`, ({ params }) =>
      params.id === 'missing' ? graphError(404, 'Request_ResourceNotFound', 'No such user.', 'rid-404') : HttpResponse.json(user(String(params.id))),
    ),
  );
}

describe('batching', () => {
  it('sends calls of one tick as one $batch and resolves each with its own answer', async () => {
    serveUsers();
    const [me, a, b] = await Promise.all([sdk.getMe(), sdk.getUser('a'), sdk.getUser('b')]);
    expect([me.id, a.id, b.id]).toEqual(['me', 'a', 'b']);
    expect(wire.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch']);
    expect(batches).toHaveLength(1);
    expect(batches[0].requests).toEqual([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/users/a' },
      { id: '3', method: 'GET', url: '/users/b' },
    ]);
  });

  it('sends a lone call directly', async () => {
    serveUsers();
    await sdk.getMe();
    expect(wire.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
  });

  it(`splits more than ${MAX_BATCH_SIZE} calls into several batches`, async () => {
    serveUsers();
    const ids = Array.from({ length: 25 }, (_, i) => `u${i}`);
    const users = await Promise.all(ids.map((id) => sdk.getUser(id)));
    expect(users.map((u) => u.id)).toEqual(ids);
    expect(batches.map((b) => b.requests.length)).toEqual([20, 5]);
    expect(wire.every((r) => r.path === '/$batch')).toBe(true);
  });

  it('fails only the call whose sub-request failed', async () => {
    serveUsers();
    const [a, missing, b] = await Promise.allSettled([sdk.getUser('a'), sdk.getUser('missing'), sdk.getUser('b')]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { id: 'a' } });
    expect(b).toMatchObject({ status: 'fulfilled', value: { id: 'b' } });
    expect(missing.status).toBe('rejected');
    const error = (missing as PromiseRejectedResult).reason as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', requestId: 'rid-404' });
    expect(batches).toHaveLength(1);
  });

  it('carries method, JSON body and headers, and leaves the token to the outer request', async () => {
    let outerAuthorization: string | null = null;
    const created: unknown[] = [];
    server.use(
      http.post(at(BASE, `${EM_PATH}/assignmentRequests`), async ({ request }) => {
        outerAuthorization = request.headers.get('authorization');
        created.push(await request.json());
        return HttpResponse.json({ id: 'r1', state: 'submitted' }, { status: 201 });
      }),
      http.get(at(BASE, `${EM_PATH}/assignments/filterByCurrentUser(on='targetManager')`), () => HttpResponse.json({ value: [] })),
    );
    const [request] = await Promise.all([
      sdk.requestAccess({ accessPackageId: 'p1', assignmentPolicyId: 'pol1', justification: 'Project' }),
      sdk.listTeamAssignments().toArray(),
    ]);
    expect(request).toMatchObject({ id: 'r1' });
    const [post, get] = batches[0].requests;
    expect(post).toMatchObject({
      method: 'POST',
      url: `${EM_PATH}/assignmentRequests`,
      headers: { 'content-type': 'application/json' },
      body: { requestType: 'userAdd', assignment: { accessPackageId: 'p1', assignmentPolicyId: 'pol1' }, justification: 'Project' },
    });
    expect(get.headers).toEqual({ prefer: 'include-unknown-enum-members' });
    expect(JSON.stringify(batches[0])).not.toContain('tok');
    expect(outerAuthorization).toBe('Bearer tok');
    expect(created).toHaveLength(1);
  });

  it('retries a GET whose sub-response is 429, after Retry-After, and it succeeds', async () => {
    let attempts = 0;
    const times: number[] = [];
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(user('me'))),
      http.get(`${BASE}/users/:id`, () => {
        times.push(Date.now());
        return ++attempts === 1 ? graphError(429, 'TooManyRequests', 'Later.', 'r', { headers: { 'Retry-After': '1' } }) : HttpResponse.json(user('a'));
      }),
    );
    const [me, a] = await Promise.all([sdk.getMe(), sdk.getUser('a')]);
    expect(me.id).toBe('me');
    expect(a.id).toBe('a');
    expect(attempts).toBe(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
    expect(wire.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch', 'GET /users/a']);
  });

  it('sends a POST inside a batch exactly once, even when its sub-response is 503', async () => {
    let posts = 0;
    serveUsers();
    server.use(
      http.post(at(BASE, `${EM_PATH}/assignmentRequests`), () => {
        posts++;
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
      }),
    );
    const [me, created] = await Promise.allSettled([sdk.getMe(), sdk.requestAccess({ accessPackageId: 'p1', assignmentPolicyId: 'pol1' })]);
    expect(me.status).toBe('fulfilled');
    expect(created).toMatchObject({ status: 'rejected', reason: { status: 503, code: 'serviceUnavailable' } });
    await delay(100);
    expect(posts).toBe(1);
    expect(batches).toHaveLength(1);
  });

  it('gives each call the answer of a refused batch', async () => {
    server.use(http.post(`${BASE}/$batch`, () => graphError(401, 'InvalidAuthenticationToken', 'Expired.')));
    const results = await Promise.allSettled([sdk.getMe(), sdk.getUser('a')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });

  it('sends each call on its own with batching: false', async () => {
    serveUsers();
    const plain = createClient({ baseUrl: BASE, getAccessToken: () => 'tok', batching: false });
    await Promise.all([plain.getMe(), plain.getUser('a'), plain.getUser('b')]);
    expect(batches).toHaveLength(0);
    expect(wire.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /me', 'GET /users/a', 'GET /users/b']);
  });

  it('batches per access token', async () => {
    serveUsers();
    const tokens = ['A', 'A', 'B'];
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/users/:id`, ({ request, params }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(user(String(params.id)));
      }),
    );
    const mixed = createClient({ baseUrl: BASE, getAccessToken: () => tokens.shift()! });
    await Promise.all([mixed.getUser('a'), mixed.getUser('b'), mixed.getUser('c')]);
    expect(batches).toHaveLength(1);
    expect(batches[0].requests.map((r) => r.url)).toEqual(['/users/a', '/users/b']);
    expect(wire.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /users/c', 'POST /$batch']);
    expect(seen.sort()).toEqual(['Bearer A', 'Bearer A', 'Bearer B']);
  });
});

describe('abort inside a batch', () => {
  it('removes a call aborted while queued; the others still go as one batch', async () => {
    serveUsers();
    const controller = new AbortController();
    const calls = [sdk.getUser('a'), sdk.getUser('b', { abortSignal: controller.signal }), sdk.getUser('c')];
    controller.abort();
    const [a, b, c] = await Promise.allSettled(calls);
    expect(a).toMatchObject({ status: 'fulfilled', value: { id: 'a' } });
    expect(c).toMatchObject({ status: 'fulfilled', value: { id: 'c' } });
    expect(b).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    expect(batches).toHaveLength(1);
    expect(batches[0].requests.map((r) => r.url)).toEqual(['/users/a', '/users/c']);
  });

  it('sends the last call alone when the others were aborted while queued', async () => {
    serveUsers();
    const controller = new AbortController();
    const calls = [sdk.getUser('a', { abortSignal: controller.signal }), sdk.getUser('b')];
    controller.abort();
    const [a, b] = await Promise.allSettled(calls);
    expect(a).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    expect(b).toMatchObject({ status: 'fulfilled', value: { id: 'b' } });
    expect(wire.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/b']);
  });

  it('rejects only the aborted call once the batch is in flight', async () => {
    server.use(
      http.get(`${BASE}/users/:id`, async ({ params }) => {
        await delay(300);
        return HttpResponse.json(user(String(params.id)));
      }),
    );
    const controller = new AbortController();
    const started = Date.now();
    const aborted = sdk.getUser('b', { abortSignal: controller.signal }).catch((e: unknown) => ({ e, at: Date.now() - started }));
    const others = Promise.all([sdk.getUser('a'), sdk.getUser('c')]);
    setTimeout(() => controller.abort(), 50);
    const outcome = (await aborted) as { e: unknown; at: number };
    expect(outcome.e).toMatchObject({ name: 'AbortError' });
    expect(outcome.at).toBeLessThan(250);
    expect((await others).map((u) => u.id)).toEqual(['a', 'c']);
    expect(batches).toHaveLength(1);
    expect(batches[0].requests).toHaveLength(3);
  });

  it('cancels the $batch itself once every call in it was aborted', async () => {
    let outerAborted = false;
    server.use(
      http.post(`${BASE}/$batch`, async ({ request }) => {
        request.signal.addEventListener('abort', () => (outerAborted = true));
        await delay(500);
        return HttpResponse.json({ responses: [] });
      }),
    );
    const controller = new AbortController();
    const calls = Promise.allSettled([sdk.getUser('a', { abortSignal: controller.signal }), sdk.getUser('b', { abortSignal: controller.signal })]);
    setTimeout(() => controller.abort(), 50);
    const results = await calls;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await delay(20);
    expect(outerAborted).toBe(true);
  });
});
