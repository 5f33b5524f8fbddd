// `npm run bench`: sizes, requests of a manager's page, scale in the browser, mock server throughput and SDK
// overhead. Prints a table and writes bench/results.json. Everything binds to 127.0.0.1 and is closed at the end.
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
import { measureThroughput, type ThroughputResult } from './throughput.ts';

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

const config = {
  requestRuns: 5,
  scale: { packages: 5000, pending: 10_000, runs: 3, inboxScrollTo: 1000, paneScrollTo: 100, keystrokes: 'package' },
  throughput: { packages: 200, pageRequests: 300, cycles: 150, concurrency: 8, repeats: 3 },
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

  const t = config.throughput;
  log(`4/5 mock server throughput (${t.repeats} runs)`);
  const throughputRuns: ThroughputResult[] = [];
  for (let i = 0; i < t.repeats; i++) throughputRuns.push(await measureThroughput(t));
  const pick = (f: (r: ThroughputResult) => number) => median(throughputRuns.map(f));
  const throughput = {
    runs: throughputRuns,
    page100: { perSecond: pick((r) => r.page100.perSecond), p50Ms: pick((r) => r.page100.p50Ms), p99Ms: pick((r) => r.page100.p99Ms), errors: pick((r) => r.page100.errors) },
    cycle: { perSecond: pick((r) => r.cycle.perSecond), httpPerSecond: pick((r) => r.cycle.httpPerSecond), p50Ms: pick((r) => r.cycle.p50Ms), p99Ms: pick((r) => r.cycle.p99Ms), errors: pick((r) => r.cycle.errors) },
  };
  rows.push(['throughput', `page of 100 requestable (${t.packages} pkgs, c=${t.concurrency}, ${t.pageRequests} req)`, `${throughput.page100.perSecond.toFixed(0)} req/s, p50 ${ms(throughput.page100.p50Ms)}, p99 ${ms(throughput.page100.p99Ms)}`]);
  rows.push(['throughput', `request+approve cycle (3 HTTP, c=${t.concurrency}, ${t.cycles} cycles)`, `${throughput.cycle.perSecond.toFixed(1)} cycles/s (${throughput.cycle.httpPerSecond.toFixed(0)} req/s), p50 ${ms(throughput.cycle.p50Ms)}, p99 ${ms(throughput.cycle.p99Ms)}`]);

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
    throughput,
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
