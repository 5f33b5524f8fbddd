// A $batch item reaches Graph paths under the version root and nothing else, over real loopback HTTP: however its
// URL is spelled, it cannot run another $batch or reach the control API, and an item whose headers HTTP cannot
// carry is answered 400 on its own while the rest of the batch runs.
import { expect, it } from 'vitest';
import { errorShapeProblems, send, stateHash, tokenOf, withServer, type Sent } from '../support/hardening-http.ts';

const batchOf = (requests: unknown[]): Sent => ({ method: 'POST', path: '/$batch', token: tokenOf('admin'), body: { requests } });

const ESCAPES: Array<[string, string, unknown?]> = [
  ['GET', './$batch'],
  ['POST', '/%24batch', { requests: [{ id: 'a', method: 'GET', url: '/me' }] }],
  ['POST', 'me/../$batch', { requests: [{ id: 'a', method: 'GET', url: '/me' }] }],
  ['POST', '/$BATCH', { requests: [{ id: 'a', method: 'GET', url: '/me' }] }],
  ['GET', '../_mock/state'],
  ['POST', '../_mock/clock', { advance: 'P30D' }],
  ['POST', '/../_mock/reset', { seed: 'empty' }],
  ['GET', '%2e%2e/_mock/outbox'],
  ['GET', '.%2E/.%2e/_mock/state'],
  ['GET', '..\\_mock/state'],
  ['GET', 'me/../../_mock/state'],
];

it('refuses every item URL that leaves the version root or names $batch, changing nothing', async () => {
  await withServer(async (server) => {
    const hash = stateHash(server);
    const failures: string[] = [];
    for (const [method, url, body] of ESCAPES) {
      const item = { id: '1', method, url, ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) };
      const sent = batchOf([item, { id: '2', method: 'GET', url: '/me' }]);
      const answer = await send(server, sent);
      const problems = answer.status === 400 ? errorShapeProblems(sent, answer) : [`status ${answer.status}`];
      if (problems.length) failures.push(`${method} ${url}: ${problems.join('; ')} ${answer.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(stateHash(server)).toBe(hash);
  });
});

it('still runs items whose URLs resolve inside the version root', async () => {
  await withServer(async (server) => {
    const answer = await send(server, batchOf([
      { id: '1', method: 'GET', url: 'me' },
      { id: '2', method: 'GET', url: '/users/../me' },
      { id: '3', method: 'GET', url: './me/directReports' },
    ]));
    expect(answer.status).toBe(200);
    expect(answer.json.responses.map((r: { status: number }) => r.status)).toEqual([200, 200, 200]);
  });
});

it('answers an item with a header HTTP cannot carry 400 for that item alone', async () => {
  await withServer(async (server) => {
    const answer = await send(server, batchOf([
      { id: '1', method: 'GET', url: '/me', headers: { 'bad name': 'x' } },
      { id: '2', method: 'GET', url: '/me', headers: { 'x-note': 'line\nbreak' } },
      { id: '3', method: 'GET', url: '/me', headers: { 'x-note': 'fine' } },
    ]));
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(answer.json.responses.map((r: { id: string; status: number; body: any }) => [r.id, [r.status, r.body?.error?.code]]));
    expect(byId).toEqual({ 1: [400, 'BadRequest'], 2: [400, 'BadRequest'], 3: [200, undefined] });
  });
});
