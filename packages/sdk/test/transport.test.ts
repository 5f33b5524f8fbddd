// The transport: a token on every attempt, retries only where they are safe, timeouts, aborts.
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, GraphError } from '../src/index.ts';
import { at, graphError } from './support/graph-handlers.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server, wire } = useGraphServer();
const me = { id: 'u1', displayName: 'Miriam Graham' };

function client(options: Partial<Parameters<typeof createClient>[0]> = {}) {
  let issued = 0;
  const tokens: string[] = [];
  const sdk = createClient({
    baseUrl: BASE,
    batching: false,
    getAccessToken: async () => {
      const token = `token-${++issued}`;
      tokens.push(token);
      return token;
    },
    ...options,
  });
  return { sdk, tokens };
}

describe('access token', () => {
  it('is read again for every call and sent as a bearer token', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(me);
      }),
      http.get(`${BASE}/users/u1`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json(me);
      }),
    );
    const { sdk, tokens } = client();
    await sdk.getMe();
    await sdk.getMe();
    await sdk.getUser('u1');
    expect(tokens).toEqual(['token-1', 'token-2', 'token-3']);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  it('is fetched again for a retry', async () => {
    let attempts = 0;
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return ++attempts === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(me);
      }),
    );
    await client().sdk.getMe();
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('never appears in an error', async () => {
    server.use(http.get(`${BASE}/me`, () => graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.')));
    const secret = 'eyJ.secret-token.sig';
    const error = await createClient({ baseUrl: BASE, getAccessToken: () => secret })
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    const everything = JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack });
    expect(everything).not.toContain(secret);
  });
});

describe('retries', () => {
  it('retries a GET after 429, waiting for Retry-After', async () => {
    const times: number[] = [];
    server.use(
      http.get(`${BASE}/me`, () => {
        times.push(Date.now());
        return times.length === 1
          ? graphError(429, 'TooManyRequests', 'Slow down.', 'req-429', { headers: { 'Retry-After': '1' } })
          : HttpResponse.json(me);
      }),
    );
    await expect(client().sdk.getMe()).resolves.toMatchObject(me);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
  });

  it.each([503, 504])('retries a GET after %i', async (status) => {
    let attempts = 0;
    server.use(
      http.get(`${BASE}/me`, () => (++attempts < 3 ? new HttpResponse(null, { status }) : HttpResponse.json(me))),
    );
    await expect(client().sdk.getMe()).resolves.toMatchObject(me);
    expect(attempts).toBe(3);
  });

  it('gives up after the configured number of retries', async () => {
    let attempts = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        attempts++;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await client({ retries: 1 }).sdk.getMe().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'serviceUnavailable' });
    expect(attempts).toBe(2);
  });

  it.each([429, 503])('never retries a POST after %i', async (status) => {
    let posts = 0;
    server.use(
      http.post(at(BASE, `${EM_PATH}/assignmentRequests`), () => {
        posts++;
        return graphError(status, 'Throttled', 'Not now.', 'req-p', { headers: { 'Retry-After': '0' } });
      }),
    );
    const error = await client()
      .sdk.requestAccess({ accessPackageId: 'p1', assignmentPolicyId: 'pol1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status });
    expect(posts).toBe(1);
  });

  it('never retries a PATCH', async () => {
    let patches = 0;
    server.use(
      http.patch(at(BASE, `${EM_PATH}/accessPackageAssignmentApprovals/r1/stages/s1`), () => {
        patches++;
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
      }),
    );
    await expect(client().sdk.decide('r1', 's1', { reviewResult: 'Approve' })).rejects.toMatchObject({ status: 503 });
    expect(patches).toBe(1);
  });

  it('does not retry a 500', async () => {
    let attempts = 0;
    server.use(
      http.get(`${BASE}/me`, () => {
        attempts++;
        return graphError(500, 'generalException', 'Boom.');
      }),
    );
    await expect(client().sdk.getMe()).rejects.toMatchObject({ status: 500, code: 'generalException' });
    expect(attempts).toBe(1);
  });
});

describe('timeout and network failure', () => {
  it('fails with code timeout when the server is slower than the client timeout', async () => {
    server.use(
      http.get(`${BASE}/me`, async () => {
        await delay(2000);
        return HttpResponse.json(me);
      }),
    );
    const started = Date.now();
    const error = await client({ timeout: 200 }).sdk.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('fails with code networkError when nothing answers', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.error()));
    const error = await client().sdk.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: 'networkError' });
  });

  it('passes a token error through untouched', async () => {
    class InteractionRequired extends Error {}
    const error = await createClient({
      baseUrl: BASE,
      getAccessToken: () => Promise.reject(new InteractionRequired('sign in again')),
    })
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequired);
    expect(wire).toHaveLength(0);
  });
});

describe('abort', () => {
  it('rejects with AbortError and sends nothing when aborted before the call', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json(me)));
    const controller = new AbortController();
    controller.abort();
    const { sdk, tokens } = client();
    const error = await sdk.getMe({ abortSignal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(GraphError);
    expect(wire).toHaveLength(0);
    expect(tokens).toHaveLength(0);
  });

  it('rejects with AbortError when aborted in flight', async () => {
    server.use(
      http.get(`${BASE}/me`, async () => {
        await delay(2000);
        return HttpResponse.json(me);
      }),
    );
    const controller = new AbortController();
    const call = client().sdk.getMe({ abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await call.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(GraphError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops waiting for a retry when aborted', async () => {
    server.use(http.get(`${BASE}/me`, () => graphError(429, 'TooManyRequests', 'Later.', 'r', { headers: { 'Retry-After': '5' } })));
    const controller = new AbortController();
    const call = client().sdk.getMe({ abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(wire).toHaveLength(1);
  });
});
