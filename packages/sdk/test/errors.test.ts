// GraphError: what a failed call tells its caller, whatever the body looked like.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, GraphError } from '../src/index.ts';
import { at } from './support/graph-handlers.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 't', batching: false, retries: 0 });
const PACKAGE = at(BASE, `${EM_PATH}/accessPackages/p1`);

async function failure(respond: () => Response): Promise<GraphError> {
  server.use(http.get(PACKAGE, respond));
  const error = await sdk.getPackage('p1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('GraphError from a Graph error body', () => {
  it.each([
    [400, 'InvalidRequestPolicyMismatch'],
    [401, 'InvalidAuthenticationToken'],
    [403, 'CallerNotResourceOwner'],
    [404, 'ResourceNotFound'],
    [409, 'ApprovalStageAlreadyDecided'],
    [429, 'TooManyRequests'],
    [500, 'generalException'],
    [503, 'serviceNotAvailable'],
  ])('%i carries status, code, message, request id, date, target, details', async (status, code) => {
    const body = {
      error: {
        code,
        message: `Message for ${status}.`,
        target: 'assignment',
        details: [{ code: 'detail', message: 'A detail.', target: 'answers' }],
        innerError: { 'request-id': `rid-${status}`, 'client-request-id': 'c1', date: '2026-03-01T10:00:00Z' },
      },
    };
    const error = await failure(() => HttpResponse.json(body, { status }));
    expect(error).toMatchObject({
      name: 'GraphError',
      status,
      code,
      message: `Message for ${status}.`,
      requestId: `rid-${status}`,
      date: '2026-03-01T10:00:00Z',
      target: 'assignment',
      details: body.error.details,
      body,
      method: 'GET',
    });
    expect(error.url).toContain('/accessPackages/p1');
  });

  it('reads the request id from the response header when the body has none', async () => {
    const error = await failure(() =>
      HttpResponse.json({ error: { code: 'Forbidden', message: 'No.' } }, { status: 403, headers: { 'request-id': 'hdr-1' } }),
    );
    expect(error).toMatchObject({ status: 403, code: 'Forbidden', requestId: 'hdr-1' });
  });

  it('keeps Retry-After in seconds', async () => {
    const error = await failure(() =>
      HttpResponse.json({ error: { code: 'TooManyRequests', message: 'Later.' } }, { status: 429, headers: { 'Retry-After': '7' } }),
    );
    expect(error.retryAfter).toBe(7);
  });
});

describe('GraphError without a Graph error body', () => {
  it('derives the code from the status for a non-JSON body and keeps the text', async () => {
    const error = await failure(() => new HttpResponse('<html>Service Unavailable</html>', { status: 503, headers: { 'content-type': 'text/html' } }));
    expect(error).toMatchObject({ status: 503, code: 'serviceUnavailable', body: '<html>Service Unavailable</html>' });
    expect(error.message).toContain('503');
  });

  it('derives the code from the status for an empty body', async () => {
    const error = await failure(() => new HttpResponse(null, { status: 404, headers: { 'request-id': 'empty-1' } }));
    expect(error).toMatchObject({ status: 404, code: 'notFound', requestId: 'empty-1', body: undefined });
  });

  it('derives the code from the status for JSON that is not an error envelope', async () => {
    const error = await failure(() => HttpResponse.json({ oops: true }, { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: 'badGateway', body: { oops: true } });
  });

  it('names a status it has no name for', async () => {
    const error = await failure(() => new HttpResponse(null, { status: 418 }));
    expect(error.code).toBe('http418');
  });
});

describe('the raw client', () => {
  it('throws GraphError instead of returning { error }', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ error: { code: 'Unauthorized', message: 'Who?' } }, { status: 401 })));
    await expect(sdk.raw.GET('/me')).rejects.toMatchObject({ name: 'GraphError', status: 401, code: 'Unauthorized' });
  });
});
