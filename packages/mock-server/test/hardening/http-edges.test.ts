// What only a socket can send: methods the mock does not serve, request targets that are not paths, uploads over
// the limit, clients that hang up mid-upload; and how a bug (a 500) is logged.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphRoute } from '../../src/http/route-table.ts';
import { tableDispatch } from '../../src/http/table-dispatch.ts';
import { logOncePerCause } from '../../src/http/unexpected.ts';
import { mintToken } from '../../src/identity/token.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import { startMockServer, type MockServer } from '../../src/server/index.ts';
import { TEST_ADAPTER } from '../support/test-adapter.ts';
import { EM, tokenOf } from '../support/hardening-http.ts';

let server: MockServer;
const unexpected: unknown[] = [];
beforeAll(async () => {
  server = await startMockServer({ port: 0, adapter: TEST_ADAPTER, onUnexpectedError: (e) => unexpected.push(e) });
});
afterAll(() => server.close());

/** Sends raw bytes and returns the status line and body of the answer. */
function raw(text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => {
      const [head, body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), body });
    });
    socket.on('error', reject);
  });
}

it('TRACE and other methods the mock does not serve answer 405 in Graph error shape', async () => {
  for (const method of ['TRACE', 'PROPFIND', 'HEAD']) {
    const answer = await raw(`${method} /v1.0/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer.status, method).toBe(405);
    if (method !== 'HEAD') expect(JSON.parse(answer.body).error.code).toBe('MethodNotAllowed');
  }
  expect(unexpected).toEqual([]);
});

it('a request target that is not a path (GET //[, a full URL, *) answers 400', async () => {
  for (const target of ['//[', '//evil.example/v1.0/me', 'http://127.0.0.1/v1.0/me', '*']) {
    const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer.status, target).toBe(400);
    expect(JSON.parse(answer.body).error.code, target).toBe('BadRequest');
  }
  expect(unexpected).toEqual([]);
});

it('a 10 MB upload gets the documented 413, every time, before the connection closes', async () => {
  const body = Buffer.alloc(10 * 1024 * 1024, 'x');
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${server.graphUrl}${EM}/assignmentRequests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenOf('alex')}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('RequestEntityTooLarge');
  }
  // Sent chunked (no Content-Length): the limit is found by counting, and the answer still arrives.
  const chunked = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${server.graphUrl}${EM}/assignmentRequests`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    for (let i = 0; i < 10; i++) req.write(Buffer.alloc(1024 * 1024, 'y'));
    req.end();
  });
  expect(chunked).toBe(413);
  expect(unexpected).toEqual([]);
});

it('a client hanging up mid-upload is not an unexpected error', async () => {
  await new Promise<void>((resolve) => {
    const req = httpRequest(`${server.graphUrl}${EM}/assignmentRequests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
    });
    req.on('error', () => resolve());
    req.write(Buffer.alloc(64 * 1024, 'z'), () => setTimeout(() => req.destroy(), 20));
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(unexpected).toEqual([]);
  // The server is still there for everyone else.
  expect((await fetch(`${server.url}/_mock/clock`)).status).toBe(200);
});

it('a 500 logs one short line per cause, naming the route, never the URL', async () => {
  const lines: string[] = [];
  const dispatch = tableDispatch(
    [
      graphRoute('GET', '/users/:id/broken', () => {
        throw new TypeError('Cannot read properties of undefined');
      }),
    ],
    { baseUrl: '*/v1.0', resolveCaller: () => 'someone', onUnexpectedError: logOncePerCause((line) => lines.push(line)) },
  );
  const broken = await startHttpServer({ dispatch });
  try {
    const token = mintToken({ id: 'someone' });
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${broken.url}/v1.0/users/user-${i}/broken?$filter=${'x'.repeat(5000)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('Cannot read');
    }
  } finally {
    await broken.close();
  }
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('GET /users/:id/broken');
  expect(lines[0]).toContain('TypeError: Cannot read properties of undefined');
  expect(lines[0]).not.toContain('user-');
  expect(lines[0].length).toBeLessThan(400);
});
