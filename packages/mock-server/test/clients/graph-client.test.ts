// Microsoft's @microsoft/microsoft-graph-client 3.0.7, unchanged, against `mock-server --https`: it attaches tokens
// and follows @odata.nextLink only for https hosts, so it runs in its own process with NODE_EXTRA_CA_CERTS naming
// the certificate the server made at start (the README recipe), and walks the seed flow there.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/server/index.ts';
import { PACKAGES, POLICIES, QUESTIONS, USERS } from '../support/graph-http.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, https: true });
});
afterAll(() => server.close());

describe("Microsoft's graph-client 3.0.7 against mock-server --https", () => {
  it('serves https with a certificate that only the CA file makes trusted', async () => {
    expect(server.graphUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    await expect(fetch(`${server.url}/_mock/clock`)).rejects.toThrow();
  });

  it('walks the seed flow: on-behalf request, approval, paging, removal, $batch, retries on 429', async () => {
    const ids = { pradeep: USERS.pradeep, package: PACKAGES.marketingCampaigns, policy: POLICIES.marketingCampaigns, question: QUESTIONS.campaignCode };
    const script = new URL('./support/graph-client-flow.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, server.url, JSON.stringify(ids)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: server.caFile },
      timeout: 30_000,
    });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(seen).toMatchObject({
      created: 'submitted',
      pendingForDiego: true,
      granted: true,
      removal: 'userRemove',
      batch: [200, 200],
      throttled: [USERS.lee, USERS.lee, USERS.lee],
    });
    expect(seen.reports).toContain(USERS.pradeep);
    expect(seen.teamPaged).toBeGreaterThan(2); // more than one page of $top=2, walked by its PageIterator
  });
});
