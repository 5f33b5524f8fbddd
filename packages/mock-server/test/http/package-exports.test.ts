// What the README promises a consumer: the package's `/handlers` entry in msw's setupServer (no socket at all, any
// base URL) and its `/node` entry as a loopback server, imported by package name, answering the same contract.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockGraph } from '@entitlement-kit/mock-server/handlers';
import { startMockServer } from '@entitlement-kit/mock-server/node';
import { EM, GraphHttp, PACKAGES, USERS } from '../support/graph-http.ts';

const GRAPH = { url: 'https://graph.microsoft.com', graphUrl: 'https://graph.microsoft.com/v1.0' };

describe('@entitlement-kit/mock-server/handlers with msw setupServer', () => {
  const mock = createMockGraph({ baseUrl: GRAPH.graphUrl });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers Graph and /_mock calls at the production base URL, in-process', async () => {
    const http = new GraphHttp(GRAPH);
    expect((await http.ok('GET', '/me', 200, { as: 'lee' })).id).toBe(USERS.lee);
    const team = await http.all(`${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage`, 'lee');
    expect(team.map((a) => a.accessPackage.id)).toContain(PACKAGES.salesPipeline);
    await http.advance('PT1H');
    expect(mock.engine.now()).toBe('2026-11-02T10:00:00Z');
  });
});

describe('@entitlement-kit/mock-server/node', () => {
  it('starts on a free loopback port and closes', async () => {
    const running = await startMockServer({ seed: 'empty' });
    try {
      expect(running.graphUrl).toBe(`http://127.0.0.1:${running.port}/v1.0`);
      const http = new GraphHttp(running);
      expect((await http.ok('GET', '/me', 200, { as: 'admin' })).userPrincipalName).toBe('admin@contoso.com');
    } finally {
      await running.close();
    }
  });
});
