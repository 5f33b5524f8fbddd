// The route factory served over a real loopback socket by startHttpServer, plus what only a socket has: body
// limits, unmatched paths outside the base, CORS preflight, loopback-only binding and a clean close.
import { request as httpRequest } from 'node:http';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server.ts';
import { dummyGraph, tokenFor } from '../support/dummy-graph.ts';
import { routeScenarios } from '../support/route-scenarios.ts';

const graph = dummyGraph('*/v1.0');
let server: RunningHttpServer;
const unexpected: unknown[] = [];

beforeAll(async () => {
  const extra = [
    http.get('*/stream', () => {
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(encoder.encode(`chunk ${i}\n`));
          controller.close();
        },
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'text/plain' } });
    }),
    http.get('*/explode', () => {
      throw new Error('handler outside the route factory blew up');
    }),
  ];
  server = await startHttpServer({ handlers: () => [...extra, ...graph.handlers], maxBodyBytes: 1024, onUnexpectedError: (e) => unexpected.push(e) });
});
afterAll(() => server.close());

describe('createGraphRoutes through startHttpServer on 127.0.0.1', () => {
  routeScenarios(() => server.url, () => graph);
});

describe('startHttpServer', () => {
  it('binds 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers 404 UnknownPath in Graph error shape for a path outside every handler', async () => {
    const response = await fetch(`${server.url}/nothing/here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('request-id')).toBeTruthy();
    expect((await response.json()).error.code).toBe('UnknownPath');
  });

  it('refuses a body over the limit with 413, by header or by counting a chunked upload', async () => {
    const big = JSON.stringify({ requestType: 'userAdd', justification: 'x'.repeat(2000) });
    const byLength = await fetch(`${server.url}/v1.0/identityGovernance/entitlementManagement/assignmentRequests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(0)}`, 'content-type': 'application/json' },
      body: big,
    });
    expect(byLength.status).toBe(413);
    expect((await byLength.json()).error.code).toBe('RequestEntityTooLarge');

    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1.0/x`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      // No Content-Length: node sends it chunked, so only counting can catch it.
      req.write('x'.repeat(800));
      req.end('y'.repeat(800));
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('RequestEntityTooLarge');
  });

  it('streams a response body chunk by chunk', async () => {
    const response = await fetch(`${server.url}/stream`);
    expect(await response.text()).toBe('chunk 0\nchunk 1\nchunk 2\n');
  });

  it('turns an error escaping a plain msw handler into a 500 and reports it', async () => {
    const before = unexpected.length;
    const response = await fetch(`${server.url}/explode`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('blew up');
    expect(unexpected.length).toBe(before + 1);
  });

  it('answers CORS preflights and exposes Graph headers to pages on other origins', async () => {
    const preflight = await fetch(`${server.url}/v1.0/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
    const actual = await fetch(`${server.url}/v1.0/me`, { headers: { authorization: `Bearer ${tokenFor(0)}` } });
    expect(actual.headers.get('access-control-expose-headers')).toContain('request-id');
    expect(actual.headers.get('access-control-expose-headers')).toContain('Date');
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startHttpServer({ host: '0.0.0.0', handlers: () => [] })).rejects.toThrow(/only binds loopback/);
    await expect(startHttpServer({ host: '192.168.1.10', handlers: () => [] })).rejects.toThrow(/only binds loopback/);
  });

  it('closes promptly even with a keep-alive connection open, and reports a busy port', async () => {
    const other = await startHttpServer({ handlers: () => graph.handlers });
    const agentResponse = await fetch(`${other.url}/v1.0/me`, { headers: { authorization: `Bearer ${tokenFor(0)}`, connection: 'keep-alive' } });
    await agentResponse.text();
    await expect(startHttpServer({ port: other.port, handlers: () => [] })).rejects.toThrow(/EADDRINUSE/);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${other.url}/v1.0/me`)).rejects.toThrow();
  });
});
