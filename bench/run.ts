// `npm run bench`: sizes, requests of a manager's page, scale in the browser, the mock at scale (against Prism and
// a bare node:http floor) and SDK overhead. Prints a table and writes bench/results.json. Everything binds to 127.0.0.1 and is closed at the end.
// Figures, not tests: nothing here fails on a budget (the size budget is a test: bench/size-budget.test.ts).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { launchChromium } from './lib/browser.ts';
import { startBenchPage } from './lib/page.ts';
import { median, round } from './lib/stats.ts';
import { measureRequests } from './requests.ts';
import { measureScale } from './scale.ts';
import { measureSdkOverhead } from './sdk-overhead.ts';
import { FULL_PAGE_BUDGET_GZIP, measureSizes } from './size.ts';
import { measureMockScale, type ReadFigure } from './mock-scale.ts';

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

const config = {
  requestRuns: 5,
  scale: { packages: 5000, pending: 10_000, runs: 3, inboxScrollTo: 1000, paneScrollTo: 100, keystrokes: 'package' },
  mockScale: { packages: 1000, readSeconds: 2, readRounds: 3, writes: 200, sizes: [1000, 10_000, 50_000] },
  sdkIterations: 200,
};

const rows: [section: string, figure: string, value: string][] = [];
const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<void> {
  const machine = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => round(l)),
  };
  log(`${machine.cores} cores (${machine.cpu}), load ${machine.loadAverageAtStart.join(' ')}`);

  log('1/5 sizes');
  const sizes = await measureSizes();
  for (const s of sizes) rows.push(['size', s.label, `${KB(s.minBytes)} min, ${KB(s.gzipBytes)} gzip, ${KB(s.brotliBytes)} br`]);
  const full = sizes.find((s) => s.name === 'full-page');
  const sizeBudgetMet = !!full && full.gzipBytes <= FULL_PAGE_BUDGET_GZIP;
  rows.push(['size', `budget: full page <= ${KB(FULL_PAGE_BUDGET_GZIP)} gzip`, sizeBudgetMet ? 'met' : `MISSED by ${KB((full?.gzipBytes ?? 0) - FULL_PAGE_BUDGET_GZIP)}`]);

  const browser = await launchChromium();
  const page = await startBenchPage();
  let requests: Awaited<ReturnType<typeof measureRequests>>;
  let scale: Awaited<ReturnType<typeof measureScale>>;
  try {
    log(`2/5 requests of a manager's page (${config.requestRuns} runs)`);
    requests = await measureRequests(browser, page, config.requestRuns);
    rows.push(['requests', 'Graph requests until all 3 widgets interactive (median)', `${requests.graphRequests} (${requests.graphRequests <= 2 ? 'budget <= 2 met' : 'budget <= 2 MISSED'})`]);
    rows.push(['requests', 'CORS preflights (separate)', String(requests.preflights)]);
    rows.push(['requests', 'Graph requests in the 1 s after interactive', String(requests.lateRequests)]);
    rows.push(['requests', 'navigation to all interactive (median)', ms(requests.interactiveMs)]);

    log(`3/5 scale in the browser (${config.scale.pending} approvals, ${config.scale.packages} packages, ${config.scale.runs} runs)`);
    scale = await measureScale(browser, page, config.scale);
    rows.push(['scale', `inbox (${config.scale.pending} pending): data -> first rows (median)`, ms(scale.inbox.dataToRowsMs)]);
    rows.push(['scale', 'inbox: navigation -> first rows (median)', ms(scale.inbox.loadToRowsMs)]);
    rows.push(['scale', `inbox: rows in DOM after scrolling ${scale.inbox.itemsLoaded} in`, `${scale.inbox.domRows} (${scale.inbox.domRows <= 100 ? '<= 100' : '> 100!'})`]);
    rows.push(['scale', `pane (${config.scale.packages} packages): data -> first rows (median)`, ms(scale.pane.dataToRowsMs)]);
    rows.push(['scale', 'pane: navigation -> first rows (median)', ms(scale.pane.loadToRowsMs)]);
    rows.push(['scale', `pane: rows in DOM after scrolling ${scale.pane.itemsLoaded} in`, `${scale.pane.domRows} (${scale.pane.domRows <= 100 ? '<= 100' : '> 100!'})`]);
    rows.push(['scale', `pane: filter keystroke, median / p95 of ${scale.pane.keystrokes}`, `${ms(scale.pane.keystrokeMedianMs)} / ${ms(scale.pane.keystrokeP95Ms)} (goal 16 ms)`]);
    rows.push(['scale', 'pane: search after the pause, Graph round trip to rows', ms(scale.pane.searchRoundTripMs)]);
    rows.push(['scale', 'seed build (engine rules, one draft)', ms(scale.seedBuildMs)]);
  } finally {
    await browser.close();
    await page.close();
  }

  const m = config.mockScale;
  log(`4/5 the mock at scale (reads vs Prism and the floor; writes at ${m.sizes.join(', ')} requests)`);
  const mockScale = await measureMockScale(m, log);
  const floorOf = (f: ReadFigure) => mockScale.reads.find((o) => o.server === 'floor' && o.read === f.read && o.connections === f.connections);
  const prismOf = (f: ReadFigure) => mockScale.reads.find((o) => o.server === 'prism' && o.read === f.read && o.connections === f.connections);
  const ratio = (a: number, b: number | undefined) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');
  for (const f of mockScale.reads.filter((r) => r.server === 'ours')) {
    const floor = floorOf(f);
    const prism = prismOf(f);
    rows.push([
      'mock reads',
      `${f.read}, ${f.connections} conn`,
      `${f.perSecond.toFixed(0)} req/s (p50 ${ms(f.p50Ms)}, p99 ${ms(f.p99Ms)}); floor ${floor?.perSecond.toFixed(0)}, Prism ${prism?.perSecond.toFixed(0) ?? 'n/a'}; ours/floor ${ratio(f.perSecond, floor?.perSecond)}, ours/Prism x${prism ? (f.perSecond / prism.perSecond).toFixed(1) : 'n/a'}${f.non2xx ? `; ${f.non2xx} errors!` : ''}`,
    ]);
  }
  const { freshUs, keptUs } = mockScale.pageCost;
  rows.push(['mock reads', 'page of 100 packages built in process: afresh / from kept projections', `${freshUs.toFixed(0)} / ${keptUs.toFixed(0)} µs`]);
  for (const w of mockScale.writes) {
    rows.push(['mock writes', `${w.kind} at ${w.requests} requests`, `p50 ${ms(w.p50Ms)}, p99 ${ms(w.p99Ms)}; RSS ${w.rssMb.toFixed(0)} MB, state file ${w.stateMb.toFixed(1)} MB`]);
  }
  rows.push(['mock writes', `grown through $batch of 20 creates`, `${mockScale.batchGrowth.requests} requests in ${mockScale.batchGrowth.seconds.toFixed(1)} s`]);
  rows.push(['mock writes', `seeded through the engine`, `${mockScale.engineSeed.requests} requests in ${mockScale.engineSeed.seconds.toFixed(1)} s (then the state file written whole in ${mockScale.engineSeed.snapshotSeconds.toFixed(1)} s)`]);

  log(`5/5 SDK overhead (${config.sdkIterations} calls each)`);
  const overhead = await measureSdkOverhead(config.sdkIterations);
  for (const r of overhead.rows) {
    rows.push(['sdk overhead', `${r.transport}: ${r.call}`, `x${r.ratio.toFixed(2)} (${ms(r.sdkMedianMs)} vs raw ${ms(r.rawMedianMs)}); batching off x${r.ratioNoBatch.toFixed(2)}`]);
  }

  const loadAverageAtEnd = os.loadavg().map((l) => round(l));
  const results = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd },
    config,
    size: { budgetGzipBytes: FULL_PAGE_BUDGET_GZIP, budgetMet: sizeBudgetMet, entries: sizes },
    requests,
    scale,
    mockScale,
    sdkOverhead: overhead,
    table: rows.map(([section, figure, value]) => ({ section, figure, value })),
  };
  await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

  const width = Math.max(...rows.map((r) => r[1].length));
  const sectionWidth = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nEntitlement Kit bench, ${results.date}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load ${machine.loadAverageAtStart.join('/')} -> ${loadAverageAtEnd.join('/')}`);
  console.log(`Medians over repeated runs; see bench/results.json.\n`);
  for (const [section, figure, value] of rows) console.log(`${section.padEnd(sectionWidth)}  ${figure.padEnd(width)}  ${value}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
