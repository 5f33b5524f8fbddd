// What a server (or whoever sits in its place) can make the client do: send the bearer token to another host
// through a link, throw a raw SyntaxError with a body that is not JSON, or hold a call for a day with Retry-After.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, GraphError } from '../src/index.ts';
import { at, graphError } from './support/graph-handlers.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server } = useGraphServer();
const TOKEN = 'secret-token';
const REQUESTABLE = `${EM_PATH}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
const ELSEWHERE = 'https://collector.example';

const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: BASE, batching: false, getAccessToken: () => TOKEN, ...options });

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

/** Records every request that reaches the other origin, with the Authorization it carried. */
function watchElsewhere(): (string | null)[] {
  const seen: (string | null)[] = [];
  server.use(
    http.all(`${ELSEWHERE}/*`, ({ request }) => {
      seen.push(request.headers.get('authorization'));
      return HttpResponse.json({ value: [] });
    }),
  );
  return seen;
}

describe('the token stays with the baseUrl origin', () => {
  it('refuses an @odata.nextLink to another origin, sending nothing there', async () => {
    const seen = watchElsewhere();
    server.use(
      http.get(at(BASE, REQUESTABLE), () =>
        HttpResponse.json({ value: [{ id: 'p1' }], '@odata.nextLink': `${ELSEWHERE}/v1.0/steal?$skiptoken=2` }),
      ),
    );
    const pages = client().listRequestablePackages().byPage();
    expect((await pages.next()).value?.value).toEqual([{ id: 'p1' }]);
    const error = await failure(pages.next());
    expect(error.code).toBe('untrustedOrigin');
    expect(error.status).toBe(0);
    expect(error.message).toContain(ELSEWHERE);
    expect(seen).toEqual([]);
  });

  it('refuses a continuationToken naming another origin', async () => {
    const seen = watchElsewhere();
    const pages = client().listRequestablePackages().byPage({ continuationToken: `${ELSEWHERE}/v1.0${REQUESTABLE}` });
    expect((await failure(pages.next())).code).toBe('untrustedOrigin');
    expect(seen).toEqual([]);
  });

  it('still follows links on its own origin', async () => {
    server.use(
      http.get(at(BASE, REQUESTABLE), ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? HttpResponse.json({ value: [{ id: 'p2' }] })
          : HttpResponse.json({ value: [{ id: 'p1' }], '@odata.nextLink': `${BASE}${REQUESTABLE}?$skiptoken=1` }),
      ),
    );
    expect(await client().listRequestablePackages().toArray()).toEqual([{ id: 'p1' }, { id: 'p2' }]);
  });
});

describe('a 2xx whose body is not JSON', () => {
  it('is a GraphError with the status and a code, not a SyntaxError', async () => {
    server.use(http.get(`${BASE}/me`, () => new HttpResponse('<html>proxy login</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    const error = await failure(client().getMe());
    expect(error.status).toBe(200);
    expect(error.code).toBe('invalidResponseBody');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('on a following page too', async () => {
    server.use(
      http.get(at(BASE, REQUESTABLE), ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? new HttpResponse('{"value": [', { status: 200, headers: { 'content-type': 'application/json' } })
          : HttpResponse.json({ value: [], '@odata.nextLink': `${BASE}${REQUESTABLE}?$skiptoken=1` }),
      ),
    );
    const error = await failure(client().listRequestablePackages().toArray());
    expect([error.status, error.code]).toEqual([200, 'invalidResponseBody']);
  });
});

describe('Retry-After is capped', () => {
  it('fails at once with the server GraphError when Retry-After passes the cap (default 60 s)', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/me`, () => (calls++, graphError(429, 'TooManyRequests', 'Come back tomorrow.', 'r', { headers: { 'Retry-After': '100000' } }))));
    const started = Date.now();
    const error = await failure(client().getMe());
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([error.status, error.code, error.retryAfter]).toEqual([429, 'TooManyRequests', 100000]);
    expect(calls).toBe(1);
  });

  it('takes the cap from maxRetryAfter', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/me`, () =>
        ++calls === 1 ? graphError(429, 'TooManyRequests', 'Soon.', 'r', { headers: { 'Retry-After': '1' } }) : HttpResponse.json({ id: 'u1' }),
      ),
    );
    const error = await failure(client({ maxRetryAfter: 500 }).getMe());
    expect(error.status).toBe(429);
    expect(calls).toBe(1);
    calls = 0;
    expect(await client({ maxRetryAfter: 1_000 }).getMe()).toEqual({ id: 'u1' });
    expect(calls).toBe(2);
  });
});
