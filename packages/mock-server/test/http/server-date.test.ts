// Graph's `Date` response header is how a client learns what "today" is. The mock sends its own clock's time there,
// over loopback HTTP and through msw in process alike, and the SDK's serverNow() follows it (batched calls too).
import { createClient } from '@entitlement-kit/sdk';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createMockGraph } from '../../src/index.ts';
import { tokenFor, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();
const DAY = 86_400_000;

describe('the Date header is the mock clock', () => {
  it('over loopback HTTP, on answers and errors, and it moves with the clock', async () => {
    const http = graph();
    const start = Date.parse((await http.ok('GET', '/_mock/clock', 200)).now);
    const me = await http.call('GET', '/me', { as: 'lee' });
    expect(Date.parse(me.headers.get('date')!)).toBe(Math.floor(start / 1000) * 1000);
    const missing = await http.call('GET', '/users/10000000-0000-4000-8000-999999999999', { as: 'lee' });
    expect(missing.status).toBe(404);
    expect(Date.parse(missing.headers.get('date')!)).toBe(Math.floor(start / 1000) * 1000);
    await http.advance('P3D');
    const later = await http.call('GET', '/me', { as: 'lee' });
    expect(Date.parse(later.headers.get('date')!) - Date.parse(me.headers.get('date')!)).toBe(3 * DAY);
  });

  it('through msw in process', async () => {
    const mock = createMockGraph({ baseUrl: 'https://graph.example/v1.0' });
    const response = await getResponse(mock.handlers, new Request('https://graph.example/v1.0/me', { headers: { authorization: `Bearer ${tokenFor('adele')}` } }));
    expect(response?.status).toBe(200);
    expect(new Date(response!.headers.get('date')!).toISOString()).toBe(new Date(Math.floor(Date.parse(mock.engine.now()) / 1000) * 1000).toISOString());
  });

  it("the SDK's serverNow() follows the header, also of a $batch", async () => {
    const http = graph();
    const client = createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('lee') });
    await http.advance('P10D');
    const mockNow = Date.parse((await http.ok('GET', '/_mock/clock', 200)).now);
    expect(Math.abs(client.serverNow().getTime() - Date.now())).toBeLessThan(DAY);
    // Two calls in one tick leave as one $batch.
    await Promise.all([client.getMe(), client.listDirectReports().toArray()]);
    expect(Math.abs(client.serverNow().getTime() - mockNow)).toBeLessThan(5_000);
  });
});
