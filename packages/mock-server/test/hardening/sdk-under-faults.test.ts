// Issue 7, faults: the SDK against the real HTTP mock with 20% transient 5xx plus throttling. Every read completes
// (retries honour Retry-After), and no POST is ever sent twice, batched or not. The mock counts what arrives with an
// msw handler that only looks and passes on, placed before the Graph routes (so $batch sub-requests pass it too).
import { http, type HttpHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type EntitlementClient } from '@entitlement-kit/sdk';
import { EM, tokenFor, USERS } from '../support/graph-http.ts';
import { startMockServer, type MockServer } from '../../src/server/index.ts';

const FAULTS = { failRate: 0.2, throttleEvery: 5, retryAfterSeconds: 1 };

let server: MockServer;
const arrivals: { method: string; path: string; at: number }[] = [];

beforeAll(async () => {
  // The observer is an msw handler, so this server serves the msw handlers (runtime overrides need that adapter).
  server = await startMockServer({ port: 0, adapter: 'msw' });
  const observer: HttpHandler = http.all('*', ({ request }) => {
    const url = new URL(request.url);
    arrivals.push({ method: request.method, path: decodeURIComponent(url.pathname) + url.search, at: performance.now() });
  });
  server.handlers.unshift(observer);
});
afterAll(() => server?.close());

async function setFaults(settings: object | null): Promise<void> {
  const response = await fetch(`${server.url}/_mock/faults`, {
    method: settings ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: settings ? JSON.stringify(settings) : undefined,
  });
  expect(response.ok).toBe(true);
}

function clientFor(person: keyof typeof USERS, options: { batching: boolean; seen?: { url: string; status: number; retryAfter: string | null; at: number }[] }): EntitlementClient {
  const token = tokenFor(person);
  return createClient({
    baseUrl: server.graphUrl,
    getAccessToken: () => token,
    batching: options.batching,
    // More attempts than the default so that a 20% failure rate cannot exhaust them by chance (0.2^6 per read).
    retries: 5,
    fetch: async (request) => {
      const at = performance.now();
      const response = await fetch(request);
      options.seen?.push({ url: `${request.method} ${request.url}`, status: response.status, retryAfter: response.headers.get('retry-after'), at });
      return response;
    },
  });
}

/** The reads a page of the three widgets makes, several times over. */
async function readAll(client: EntitlementClient): Promise<number> {
  let reads = 0;
  for (let round = 0; round < 4; round++) {
    const results = await Promise.all([
      client.getMe(),
      client.listDirectReports().toArray(),
      client.listRequestablePackages({ top: 3 }).toArray(),
      client.listMyRequests('createdBy').toArray(),
      client.listTeamAssignments().toArray(),
      client.listPendingApprovals().toArray(),
    ]);
    reads += results.length;
    expect(results[0].id).toBe(USERS.lee);
  }
  return reads;
}

/** POSTs that may succeed or fail (injected 5xx, duplicates): what matters is that each is sent exactly once. */
async function postSome(client: EntitlementClient, count: number): Promise<void> {
  await Promise.allSettled(
    Array.from({ length: count }, () =>
      client.requestAccessFor(USERS.alex, {
        accessPackageId: '40000000-0000-4000-8000-000000000001',
        assignmentPolicyId: '50000000-0000-4000-8000-000000000001',
        justification: 'fault run',
      }),
    ),
  );
}

const postsArrived = (since: number) =>
  arrivals.slice(since).filter((a) => a.method === 'POST' && a.path.startsWith(`/v1.0${EM}/assignmentRequests`)).length;

describe('SDK under injected faults (20% 503/504, every 5th call 429, Retry-After 1 s)', () => {
  it('without batching: every read completes, each retry waits Retry-After, no POST is sent twice', async () => {
    const seen: { url: string; status: number; retryAfter: string | null; at: number }[] = [];
    const client = clientFor('lee', { batching: false, seen });
    await setFaults(FAULTS);
    const before = arrivals.length;
    const reads = await readAll(client);
    await postSome(client, 6);
    await setFaults(null);

    const transient = seen.filter((s) => [429, 503, 504].includes(s.status));
    expect(transient.length, 'the faults did happen').toBeGreaterThan(3);
    let retriesChecked = 0;
    for (const fault of transient.filter((s) => !s.url.startsWith('POST'))) {
      const retry = seen.find((s) => s.url === fault.url && s.at > fault.at);
      expect(retry, `a retry of ${fault.url}`).toBeDefined();
      if (fault.retryAfter) {
        // Retry-After is whole seconds; a few ms of timer slack below it would still be a violation worth seeing.
        expect(retry!.at - fault.at, `${fault.url} retried after ${fault.retryAfter}s`).toBeGreaterThanOrEqual(Number(fault.retryAfter) * 1000 - 5);
        retriesChecked++;
      }
    }
    expect(postsArrived(before), 'each of the 6 POSTs reached the mock exactly once').toBe(6);
    console.log(`faults (no batching): ${reads} reads completed, ${transient.length} injected faults, ${retriesChecked} retries after Retry-After, 6 POSTs sent once each`);
  }, 120_000);

  it('with batching: every read completes and no POST inside a $batch is sent twice', async () => {
    const client = clientFor('lee', { batching: true });
    await setFaults(FAULTS);
    const before = arrivals.length;
    const reads = await readAll(client);
    await postSome(client, 6);
    await setFaults(null);
    const batches = arrivals.slice(before).filter((a) => a.path === '/v1.0/$batch').length;
    expect(batches).toBeGreaterThan(0);
    expect(postsArrived(before)).toBe(6);
    console.log(`faults (batching): ${reads} reads completed over ${batches} $batch calls, 6 POSTs sent once each`);
  }, 120_000);
});
