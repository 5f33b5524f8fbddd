// Requests a manager's page makes: Lee Gu (manager of four, approver) opens a page with the provider and all three
// widgets against the real mock HTTP server; every request to the Graph origin is counted until all three widgets
// are interactive (rows shown, no loading state). CORS preflights are counted apart. A fresh browser context per
// run, so no preflight cache carries over.
import type { Browser } from 'puppeteer-core';
import { startMockServer } from '../packages/mock-server/src/server/index.ts';
import { mintToken } from '../packages/mock-server/src/identity/token.ts';
import { USERS } from '../packages/mock-server/src/seed/ids.ts';
import type { BenchPage } from './lib/page.ts';
import type {} from './lib/page-api.ts';
import { median } from './lib/stats.ts';

export interface RequestsResult {
  runs: number;
  /** Median over runs: Graph requests (preflights excluded) until interactive. */
  graphRequests: number;
  preflights: number;
  /** Graph requests in the 1 s after interactive (late calls). */
  lateRequests: number;
  /** Median time from navigation to all three interactive, ms. */
  interactiveMs: number;
  /** What the requests of the last run were (method and path). */
  lastRun: string[];
  perRun: number[];
}

export async function measureRequests(browser: Browser, page: BenchPage, runs: number): Promise<RequestsResult> {
  const mock = await startMockServer({ port: 0, seed: 'contoso' });
  try {
    const graphOrigin = new URL(mock.graphUrl).origin;
    const token = mintToken({ id: USERS.lee, userPrincipalName: 'lee.gu@contoso.com', displayName: 'Lee Gu' });
    const counts: number[] = [];
    const preflights: number[] = [];
    const late: number[] = [];
    const interactive: number[] = [];
    let lastRun: string[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.createBrowserContext();
      try {
        const tab = await context.newPage();
        const cdp = await tab.createCDPSession();
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        const seen: { method: string; url: string; preflight: boolean; after: boolean }[] = [];
        let done = false;
        cdp.on('Network.requestWillBeSent', (event) => {
          if (!event.request.url.startsWith(graphOrigin)) return;
          const preflight = event.type === 'Preflight' || event.request.method === 'OPTIONS';
          seen.push({ method: event.request.method, url: event.request.url, preflight, after: done });
        });
        const start = Date.now();
        await tab.goto(page.pageUrl(mock.graphUrl, token, 'page'));
        await tab.waitForFunction(() => window.bench.interactive(), { polling: 'raf', timeout: 30_000 });
        interactive.push(Date.now() - start);
        done = true;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const before = seen.filter((r) => !r.after);
        counts.push(before.filter((r) => !r.preflight).length);
        preflights.push(before.filter((r) => r.preflight).length);
        late.push(seen.filter((r) => r.after && !r.preflight).length);
        lastRun = seen.map((r) => `${r.preflight ? 'preflight ' : ''}${r.method} ${new URL(r.url).pathname.replace(/^\/v1\.0/, '')}${r.after ? ' (after interactive)' : ''}`);
      } finally {
        await context.close();
      }
    }
    return {
      runs,
      graphRequests: median(counts),
      preflights: median(preflights),
      lateRequests: median(late),
      interactiveMs: median(interactive),
      lastRun,
      perRun: counts,
    };
  } finally {
    await mock.close();
  }
}
