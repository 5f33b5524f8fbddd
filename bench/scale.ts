// Scale in the browser: <approval-inbox> with PENDING approvals waiting for Lee Gu and <request-access-pane> with
// PACKAGES requestable packages, from the real mock HTTP server (paged by the server, 25 a page as the widgets ask).
// Per widget: time from the data's arrival (responseEnd of the last Graph response before the rows) to the first
// rows in its shadow DOM; rows in the DOM after scrolling many pages in (the windowed list must keep it <= 100);
// and for the pane, the time per keystroke of the package filter.
import type { Browser, Page } from 'puppeteer-core';
import { mintToken } from '../packages/mock-server/src/identity/token.ts';
import { startMockServer } from '../packages/mock-server/src/server/index.ts';
import type { BenchPage } from './lib/page.ts';
import type {} from './lib/page-api.ts';
import { median, percentile } from './lib/stats.ts';
import { LEE, scaleSeed } from './scale-seed.ts';

export interface ScaleOptions {
  packages: number;
  pending: number;
  runs: number;
  /** Items to scroll in before counting DOM rows. */
  inboxScrollTo: number;
  paneScrollTo: number;
  keystrokes: string;
}

export interface WidgetScale {
  /** Median over runs, ms: data arrived -> first rows in the DOM. */
  dataToRowsMs: number;
  /** Median over runs, ms: navigation -> first rows. */
  loadToRowsMs: number;
  itemsLoaded: number;
  domRows: number;
}

export interface ScaleResult {
  seedBuildMs: number;
  inbox: WidgetScale;
  pane: WidgetScale & { keystrokeMedianMs: number; keystrokeP95Ms: number; keystrokes: number; searchRoundTripMs: number };
}

async function openWidget(browser: Browser, url: string, tag: string): Promise<{ page: Page; close: () => Promise<void>; dataToRows: number; loadToRows: number }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction((t) => window.bench.rows(t) > 0, { polling: 'raf', timeout: 120_000 }, tag);
  const loadToRows = Date.now() - start;
  await page.waitForFunction((t) => window.bench.times[t]?.dataAt !== undefined, { timeout: 5_000 }, tag);
  const times = await page.evaluate((t) => window.bench.times[t], tag);
  return { page, close: () => context.close(), dataToRows: (times.firstRowsAt ?? NaN) - (times.dataAt ?? NaN), loadToRows };
}

/** Scrolls the list to its end until `target` items are loaded (or the list ends, or `budgetMs` passes). */
async function scrollIn(page: Page, tag: string, field: string, target: number, budgetMs: number): Promise<number> {
  const until = Date.now() + budgetMs;
  for (;;) {
    const state = await page.evaluate((t, f) => window.bench.loaded(t, f), tag, field);
    if (state.items >= target || (!state.hasMore && !state.busy) || Date.now() > until) return state.items;
    if (!state.busy) await page.evaluate((t) => window.bench.scrollToEnd(t), tag);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

export async function measureScale(browser: Browser, benchPage: BenchPage, options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const mock = await startMockServer({ port: 0, seed: 'empty' });
  try {
    // The generated seed goes in through the engine (as --state or /_mock/reset would), not through 10,000 POSTs.
    mock.engine.reset(scaleSeed({ packages: options.packages, pending: options.pending }));
    const seedBuildMs = performance.now() - started;
    const token = mintToken({ id: LEE, userPrincipalName: 'lee.gu@contoso.com', displayName: 'Lee Gu' });

    const inboxRuns: { dataToRows: number; loadToRows: number }[] = [];
    let inboxItems = 0;
    let inboxDom = 0;
    for (let run = 0; run < options.runs; run++) {
      const opened = await openWidget(browser, benchPage.pageUrl(mock.graphUrl, token, 'inbox'), 'approval-inbox');
      try {
        inboxRuns.push(opened);
        if (run === options.runs - 1) {
          inboxItems = await scrollIn(opened.page, 'approval-inbox', 'pending', options.inboxScrollTo, 60_000);
          await new Promise((resolve) => setTimeout(resolve, 300));
          inboxDom = await opened.page.evaluate(() => window.bench.domRows('approval-inbox'));
        }
      } finally {
        await opened.close();
      }
    }

    const paneRuns: { dataToRows: number; loadToRows: number }[] = [];
    const keystrokes: number[] = [];
    let paneItems = 0;
    let paneDom = 0;
    let searchRoundTripMs = NaN;
    for (let run = 0; run < options.runs; run++) {
      const opened = await openWidget(browser, benchPage.pageUrl(mock.graphUrl, token, 'pane'), 'request-access-pane');
      try {
        paneRuns.push(opened);
        if (run === options.runs - 1) {
          paneItems = await scrollIn(opened.page, 'request-access-pane', 'catalog', options.paneScrollTo, 90_000);
          await new Promise((resolve) => setTimeout(resolve, 300));
          paneDom = await opened.page.evaluate(() => window.bench.domRows('request-access-pane'));
        }
        // Keystrokes 60 ms apart: within the 300 ms pause, so each is the widget's own work, not a search.
        keystrokes.push(...(await opened.page.evaluate((text) => window.bench.typeInFilter(text, 60), options.keystrokes)));
        if (run === options.runs - 1) {
          // Then the pause: the search goes to Graph and the filtered rows come back.
          const t0 = Date.now();
          await opened.page.waitForFunction(() => window.bench.loaded('request-access-pane', 'catalog').busy, { polling: 'raf', timeout: 5_000 }).catch(() => undefined);
          await opened.page.waitForFunction(() => !window.bench.loaded('request-access-pane', 'catalog').busy && window.bench.rows('request-access-pane') > 0, { polling: 'raf', timeout: 60_000 });
          searchRoundTripMs = Date.now() - t0;
        }
      } finally {
        await opened.close();
      }
    }

    return {
      seedBuildMs,
      inbox: {
        dataToRowsMs: median(inboxRuns.map((r) => r.dataToRows)),
        loadToRowsMs: median(inboxRuns.map((r) => r.loadToRows)),
        itemsLoaded: inboxItems,
        domRows: inboxDom,
      },
      pane: {
        dataToRowsMs: median(paneRuns.map((r) => r.dataToRows)),
        loadToRowsMs: median(paneRuns.map((r) => r.loadToRows)),
        itemsLoaded: paneItems,
        domRows: paneDom,
        keystrokeMedianMs: median(keystrokes),
        keystrokeP95Ms: percentile(keystrokes, 95),
        keystrokes: keystrokes.length,
        searchRoundTripMs,
      },
    };
  } finally {
    await mock.close();
  }
}
