// SDK overhead: the same Graph call as a high-level SDK verb and as a raw fetch, against the same handler.
// In process (the msw handlers through getResponse: no socket, so the SDK's own cost shows) and over loopback HTTP.
// Calls alternate SDK / raw so drift on a shared machine hits both alike; the ratio is of medians.
import { getResponse } from 'msw';
import { createClient } from '../packages/sdk/src/index.ts';
import { mintToken } from '../packages/mock-server/src/identity/token.ts';
import { createMockGraph } from '../packages/mock-server/src/msw/mock-graph.ts';
import { startMockServer } from '../packages/mock-server/src/server/index.ts';
import { median } from './lib/stats.ts';
import { LEE } from './scale-seed.ts';

export interface OverheadRow {
  transport: 'in-process handler' | 'loopback HTTP';
  call: string;
  rawMedianMs: number;
  sdkMedianMs: number;
  ratio: number;
  /** The same verb with `batching: false` (no same-tick wait for companions). */
  sdkNoBatchMedianMs: number;
  ratioNoBatch: number;
}

export interface OverheadResult {
  iterations: number;
  rows: OverheadRow[];
}

type Fetch = (request: Request) => Promise<Response>;

async function compare(
  transport: OverheadRow['transport'],
  fetch: Fetch,
  baseUrl: string,
  iterations: number,
): Promise<OverheadRow[]> {
  const token = mintToken({ id: LEE });
  const batched = createClient({ baseUrl, getAccessToken: () => token, fetch });
  const unbatched = createClient({ baseUrl, getAccessToken: () => token, fetch, batching: false });
  type Client = typeof batched;
  const calls: [string, string, (client: Client) => Promise<unknown>][] = [
    ['getMe() vs GET /me', '/me', (client) => client.getMe()],
    [
      'listRequestablePackages() page of 25 vs GET filterByCurrentUser',
      "/identityGovernance/entitlementManagement/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=25",
      async (client) => (await client.listRequestablePackages({ top: 25 }).byPage().next()).value,
    ],
  ];
  const rows: OverheadRow[] = [];
  for (const [name, path, sdkCall] of calls) {
    const raw = async () => {
      const response = await fetch(new Request(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }));
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    };
    const rawTimes: number[] = [];
    const sdkTimes: number[] = [];
    const noBatchTimes: number[] = [];
    for (let i = 0; i < iterations + 20; i++) {
      const t0 = performance.now();
      await raw();
      const t1 = performance.now();
      await sdkCall(batched);
      const t2 = performance.now();
      await sdkCall(unbatched);
      const t3 = performance.now();
      // The first 20 of each are warm-up.
      if (i >= 20) {
        rawTimes.push(t1 - t0);
        sdkTimes.push(t2 - t1);
        noBatchTimes.push(t3 - t2);
      }
    }
    const rawMedianMs = median(rawTimes);
    const sdkMedianMs = median(sdkTimes);
    const sdkNoBatchMedianMs = median(noBatchTimes);
    rows.push({
      transport,
      call: name,
      rawMedianMs,
      sdkMedianMs,
      ratio: sdkMedianMs / rawMedianMs,
      sdkNoBatchMedianMs,
      ratioNoBatch: sdkNoBatchMedianMs / rawMedianMs,
    });
  }
  return rows;
}

export async function measureSdkOverhead(iterations: number): Promise<OverheadResult> {
  const { handlers } = createMockGraph({ seed: 'contoso' });
  const inProcess: Fetch = async (request) => (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
  const rows = await compare('in-process handler', inProcess, 'http://graph.bench/v1.0', iterations);
  const server = await startMockServer({ port: 0, seed: 'contoso' });
  try {
    rows.push(...(await compare('loopback HTTP', (request) => fetch(request), server.graphUrl, iterations)));
  } finally {
    await server.close();
  }
  return { iterations, rows };
}
