import { describe, expect, it } from 'vitest';
import { MockGraphError, notFound } from '../../src/core/errors.ts';
import {
  GRAPH_JSON,
  graphCollection,
  graphErrorResponse,
  graphJson,
  noContent,
  requestContext,
  unknownPath,
} from '../../src/http/graph-response.ts';
import { json, toResponse } from '../../src/http/reply.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('graph responses', () => {
  it('graphJson sends JSON with Graph content type and a request-id', async () => {
    const response = graphJson({ id: 'x' }, { status: 201, headers: { location: '/x' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe(GRAPH_JSON);
    expect(response.headers.get('location')).toBe('/x');
    expect(response.headers.get('request-id')).toMatch(UUID);
    expect(await response.json()).toEqual({ id: 'x' });
  });

  it('noContent is an empty 204 with a request-id', async () => {
    const response = noContent();
    expect(response.status).toBe(204);
    expect(response.headers.get('request-id')).toMatch(UUID);
    expect(await response.text()).toBe('');
  });

  it('graphCollection writes context, count and nextLink only when present', async () => {
    const full = await graphCollection({ value: [{ id: 'a' }], count: 7, nextLink: 'http://h/next' }, 'http://h/v1.0/$metadata#users').json();
    expect(full).toEqual({ '@odata.context': 'http://h/v1.0/$metadata#users', '@odata.count': 7, '@odata.nextLink': 'http://h/next', value: [{ id: 'a' }] });
    const bare = await graphCollection({ value: [] }, 'ctx').json();
    expect(Object.keys(bare)).toEqual(['@odata.context', 'value']);
  });

  it('graphErrorResponse renders a MockGraphError in Graph error shape with matching ids', async () => {
    const request = new Request('http://h/v1.0/x', { headers: { 'client-request-id': 'client-1' } });
    const context = requestContext(request);
    const response = graphErrorResponse(new MockGraphError(409, 'DecisionAlreadyMade', 'Someone decided.', 'stage'), context);
    expect(response.status).toBe(409);
    expect(response.headers.get('request-id')).toBe(context.requestId);
    expect(response.headers.get('client-request-id')).toBe('client-1');
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: 'DecisionAlreadyMade',
        message: 'Someone decided.',
        target: 'stage',
        innerError: { 'request-id': context.requestId, 'client-request-id': 'client-1', date: expect.any(String) },
      },
    });
    expect(Number.isNaN(Date.parse(body.error.innerError.date))).toBe(false);
  });

  it('graphErrorResponse turns anything else into a 500 that leaks nothing', async () => {
    const response = graphErrorResponse(new TypeError('cannot read secretField of undefined'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('InternalServerError');
    expect(text).not.toMatch(/secretField|TypeError/);
    expect(JSON.parse(text).error).not.toHaveProperty('target');
  });

  it('graphErrorResponse keeps the status of the core helpers', () => {
    expect(graphErrorResponse(notFound('Access package', 'p')).status).toBe(404);
  });

  it('unknownPath names the last segment without a route table: 400 under the version root, 404 elsewhere', () => {
    const request = new Request('http://h/v1.0/me/unknownThing?$top=1', { method: 'DELETE' });
    const error = unknownPath(request);
    expect([error.status, error.code, error.message]).toEqual([400, 'BadRequest', "Resource not found for the segment 'unknownThing'."]);
    const outside = unknownPath(new Request('http://h/nothing/here'), { underVersionRoot: false });
    expect([outside.status, outside.code]).toEqual([404, 'UnknownPath']);
  });

  it('unknownPath names the first segment the routes do not know, and answers 405 for a known path', () => {
    const request = new Request('http://h/v1.0/me/unknownThing/more', { method: 'GET' });
    const lookup = (reached: string | undefined) => ({ underVersionRoot: true, path: '/me/unknownThing/more', unknownSegment: () => reached });
    expect(unknownPath(request, lookup('unknownThing')).message).toBe("Resource not found for the segment 'unknownThing'.");
    expect([unknownPath(request, lookup(undefined)).status, unknownPath(request, lookup(undefined)).code]).toEqual([405, 'MethodNotAllowed']);
  });

  it('a route reply becomes a response stamped with the request context, keeping status and body', async () => {
    const context = { requestId: 'req-1', clientRequestId: 'client-1' };
    const stamped = toResponse(json({ a: 1 }, 202), context);
    expect(stamped.headers.get('content-type')).toBe(GRAPH_JSON);
    expect([stamped.status, stamped.headers.get('request-id'), stamped.headers.get('client-request-id')]).toEqual([202, 'req-1', 'client-1']);
    expect(await stamped.json()).toEqual({ a: 1 });
  });
});
