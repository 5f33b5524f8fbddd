import { describe, expect, it } from 'vitest';
import { notFound } from '../../src/core/errors.ts';
import { executeBatch } from '../../src/http/batch.ts';
import { graphErrorResponse, graphJson, noContent } from '../../src/http/graph-response.ts';

const VERSION = 'http://127.0.0.1:4010/v1.0';

function batchRequest(body: unknown, headers: Record<string, string> = { authorization: 'Bearer outer-token' }) {
  return new Request(`${VERSION}/$batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Records every sub-request and answers from `answer`. */
function recorder(answer: (sub: Request) => Response | Promise<Response> = () => graphJson({ ok: true })) {
  const seen: Array<{ method: string; url: string; authorization: string | null; contentType: string | null; body: string }> = [];
  const dispatch = async (sub: Request) => {
    seen.push({
      method: sub.method,
      url: sub.url,
      authorization: sub.headers.get('authorization'),
      contentType: sub.headers.get('content-type'),
      body: await sub.clone().text(),
    });
    return answer(sub);
  };
  return { seen, dispatch };
}

async function run(body: unknown, dispatch = recorder().dispatch) {
  const response = await executeBatch(batchRequest(body), dispatch, VERSION);
  return { status: response.status, body: await response.json() };
}

describe('executeBatch', () => {
  it('runs each sub-request against the version root with the outer token, and inlines JSON bodies', async () => {
    const { seen, dispatch } = recorder((sub) =>
      sub.method === 'POST' ? graphJson({ created: true }, { status: 201, headers: { location: `${VERSION}/x/1` } }) : sub.method === 'DELETE' ? noContent() : graphJson({ id: 'me' }),
    );
    const { status, body } = await run(
      {
        requests: [
          { id: '1', method: 'GET', url: '/me?$select=id' },
          { id: '2', method: 'post', url: 'identityGovernance/entitlementManagement/assignmentRequests', headers: { 'Content-Type': 'application/json', authorization: 'Bearer forged' }, body: { requestType: 'userAdd' } },
          { id: '3', method: 'DELETE', url: '/x/1' },
        ],
      },
      dispatch,
    );
    expect(status).toBe(200);
    expect(seen).toEqual([
      { method: 'GET', url: `${VERSION}/me?$select=id`, authorization: 'Bearer outer-token', contentType: null, body: '' },
      {
        method: 'POST',
        url: `${VERSION}/identityGovernance/entitlementManagement/assignmentRequests`,
        authorization: 'Bearer outer-token',
        contentType: 'application/json',
        body: '{"requestType":"userAdd"}',
      },
      { method: 'DELETE', url: `${VERSION}/x/1`, authorization: 'Bearer outer-token', contentType: null, body: '' },
    ]);
    expect(body.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 201],
      ['3', 204],
    ]);
    expect(body.responses[0].body).toEqual({ id: 'me' });
    expect(body.responses[1].headers).toMatchObject({ 'Content-Type': expect.stringContaining('application/json'), Location: `${VERSION}/x/1` });
    expect(body.responses[2]).not.toHaveProperty('body');
  });

  it('answers a failing sub-request on its own; the others still succeed', async () => {
    const { dispatch } = recorder((sub) => {
      if (sub.url.endsWith('/missing')) return graphErrorResponse(notFound('Thing', 'missing'));
      if (sub.url.endsWith('/throws')) throw new Error('internal');
      return graphJson({ fine: true });
    });
    const { status, body } = await run(
      {
        requests: [
          { id: 'a', method: 'GET', url: '/missing' },
          { id: 'b', method: 'GET', url: '/throws' },
          { id: 'c', method: 'GET', url: '/fine' },
        ],
      },
      dispatch,
    );
    expect(status).toBe(200);
    expect(body.responses.map((r: { status: number }) => r.status)).toEqual([404, 500, 200]);
    expect(body.responses[0].body.error.code).toBe('ResourceNotFound');
    expect(JSON.stringify(body.responses[1])).not.toContain('internal');
  });

  it('runs what a request dependsOn first and answers 424 when a dependency failed', async () => {
    const { seen, dispatch } = recorder((sub) => (sub.url.endsWith('/bad') ? graphErrorResponse(notFound('Thing', 'bad')) : graphJson({})));
    const { body } = await run(
      {
        requests: [
          { id: '1', method: 'GET', url: '/first', dependsOn: ['2'] },
          { id: '2', method: 'GET', url: '/second' },
          { id: '3', method: 'GET', url: '/bad' },
          { id: '4', method: 'GET', url: '/after-bad', dependsOn: ['3'] },
        ],
      },
      dispatch,
    );
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(['/v1.0/second', '/v1.0/first', '/v1.0/bad']);
    expect(body.responses.map((r: { id: string; status: number }) => `${r.id}:${r.status}`)).toEqual(['1:200', '2:200', '3:404', '4:424']);
    expect(body.responses[3].body.error.code).toBe('FailedDependency');
  });

  const twentyOne = { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) };
  it.each([
    ['21 requests', twentyOne, /at most 20/],
    ['no requests', { requests: [] }, /no requests/],
    ['no requests array', { value: [] }, /expected \{ "requests"/],
    ['malformed JSON', '{"requests": [', /Unable to read JSON/],
    ['an empty body', '', /expected \{ "requests"/],
    ['a duplicate id', { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] }, /used twice/],
    ['a numeric id', { requests: [{ id: 1, method: 'GET', url: '/me' }] }, /id must be a non-empty string/],
    ['an unknown method', { requests: [{ id: '1', method: 'TRACE', url: '/me' }] }, /method "TRACE"/],
    ['an absolute url', { requests: [{ id: '1', method: 'GET', url: 'https://evil.example/me' }] }, /relative to the version root/],
    ['a nested batch', { requests: [{ id: '1', method: 'POST', url: '/$batch', headers: { 'content-type': 'application/json' }, body: {} }] }, /nested \$batch/],
    ['a body without Content-Type', { requests: [{ id: '1', method: 'POST', url: '/x', body: {} }] }, /no Content-Type/],
    ['non-string headers', { requests: [{ id: '1', method: 'GET', url: '/x', headers: { a: 1 } }] }, /map of strings/],
    ['dependsOn an unknown id', { requests: [{ id: '1', method: 'GET', url: '/x', dependsOn: ['9'] }] }, /depends on '9'/],
    ['dependsOn itself', { requests: [{ id: '1', method: 'GET', url: '/x', dependsOn: ['1'] }] }, /depends on '1'/],
    [
      'a dependsOn cycle',
      { requests: [{ id: '1', method: 'GET', url: '/x', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/y', dependsOn: ['1'] }] },
      /cycle/,
    ],
  ])('400 BadRequest in Graph error shape for %s, running nothing', async (_, payload, message) => {
    const { seen, dispatch } = recorder();
    const response = await executeBatch(batchRequest(payload), dispatch, VERSION);
    expect(response.status).toBe(400);
    expect(response.headers.get('request-id')).toBeTruthy();
    const body = await response.json();
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toMatch(message);
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    expect(seen).toEqual([]);
  });

  it('accepts exactly 20 requests', async () => {
    const { status, body } = await run({ requests: twentyOne.requests.slice(0, 20) });
    expect(status).toBe(200);
    expect(body.responses).toHaveLength(20);
  });
});
