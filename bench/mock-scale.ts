// The mock at scale, against two anchors, in one run: Stoplight Prism on Microsoft's Graph subset (stateless), a bare
// node:http server sending our own recorded bodies (the floor), and our mock (its own process, `--state` on).
// Reads are driven by autocannon (bounded in time) at 1 and 10 connections; writes (create a request, decide a
// stage) one at a time over a kept-alive connection at 1k, 10k and 50k requests in the state, every write journaled
// to the state file. The state grows to 10k through Graph `$batch` calls of 20 creates; a second server is seeded
// with 50k through the engine (one transaction per request), then its state file is written whole once.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { mintToken } from '../packages/mock-server/src/identity/token.ts';
import type { ScaleSeedInfo } from './scale-seed.ts';
import { LEE } from './scale-seed.ts';
import type { ChildCommand } from './lib/mock-child.ts';
import { startPrism } from './lib/prism.ts';
import { median, percentile } from './lib/stats.ts';

const EM = '/identityGovernance/entitlementManagement';
const READS = [
  { name: '/me', path: '/me' },
  { name: 'packages, page of 100', path: `${EM}/accessPackages?$top=100` },
  { name: "packages filterByCurrentUser(on='allowedRequestor')", path: `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=100` },
  { name: "requests filterByCurrentUser(on='approver')", path: `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$top=100` },
];

export interface ScaleConfig {
  packages: number;
  /** Seconds per read measurement (server x path x connections x round). */
  readSeconds: number;
  /** Rounds in which the servers take turns on each read; figures are the median round. */
  readRounds: number;
  /** Writes measured per state size and kind. */
  writes: number;
  /** Requests in the state at which writes are measured; the first ones are grown through $batch. */
  sizes: number[];
}

export interface ReadFigure {
  server: 'ours' | 'prism' | 'floor';
  read: string;
  connections: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

export interface WriteFigure {
  requests: number;
  kind: 'create a request' | 'decide a stage';
  p50Ms: number;
  p99Ms: number;
  rssMb: number;
  stateMb: number;
}

export interface ScaleResult {
  reads: ReadFigure[];
  writes: WriteFigure[];
  /** Growing the tenant through `$batch` (20 creates per call): requests made and seconds taken. */
  batchGrowth: { requests: number; seconds: number };
  /** Seeding the largest size through the engine, one request per transaction. */
  engineSeed: { requests: number; seconds: number; snapshotSeconds: number };
  /** A page of 100 packages built in the mock's process (median µs): every record afresh, and from what reads keep. */
  pageCost: { freshUs: number; keptUs: number };
}

class Child {
  readonly process: ChildProcess;
  readonly #waiting: ((value: any) => void)[] = [];
  constructor(script: string, args: string[]) {
    const execArgv = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    this.process = fork(script, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.process.on('message', (message) => this.#waiting.shift()?.(message));
  }
  next<T>(): Promise<T> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  ask<T>(command: ChildCommand): Promise<T> {
    const answer = this.next<T>();
    this.process.send(command);
    return answer;
  }
  stop(): void {
    this.process.kill();
  }
}

// Our mock runs as tsc's JavaScript, as the published package does (`tsconfig.child.json`), not under tsx's loader:
// the loader's transform names every closure it creates (`__name`), a cost on each read that users never pay.
let compiledChild: string | undefined;
function mockChildScript(): string {
  if (!compiledChild) {
    const config = fileURLToPath(new URL('./tsconfig.child.json', import.meta.url));
    execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
    compiledChild = fileURLToPath(new URL('./.cache/child/bench/lib/mock-child.js', import.meta.url));
  }
  return compiledChild;
}
const mockChild = (stateFile: string) => new Child(mockChildScript(), [stateFile]);

async function call(url: string, token: string, method = 'GET', body?: unknown): Promise<any> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

async function readOnce(server: ReadFigure['server'], url: string, token: string, read: string, connections: number, seconds: number): Promise<ReadFigure> {
  const result = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  return {
    server,
    read,
    connections,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/** Every read at 1 and 10 connections, the servers in turn each round; per server the median round (errors summed). */
async function readRounds(servers: [ReadFigure['server'], string][], token: string, config: ScaleConfig): Promise<ReadFigure[]> {
  const figures: ReadFigure[] = [];
  for (const read of READS) {
    for (const connections of [1, 10]) {
      const rounds = new Map<ReadFigure['server'], ReadFigure[]>(servers.map(([name]) => [name, []]));
      for (let round = 0; round < config.readRounds; round++) {
        for (const [name, base] of servers) rounds.get(name)?.push(await readOnce(name, `${base}${read.path}`, token, read.name, connections, config.readSeconds));
      }
      for (const [name, list] of rounds) {
        const middle = [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)];
        figures.push({ ...middle, non2xx: list.reduce((sum, f) => sum + f.non2xx, 0) });
      }
    }
  }
  return figures;
}

/** Times `count` operations one after another; p50/p99 in ms. */
async function timed(count: number, op: (i: number) => Promise<void>): Promise<{ p50Ms: number; p99Ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await op(i);
    samples.push(performance.now() - t0);
  }
  return { p50Ms: median(samples), p99Ms: percentile(samples, 99) };
}

/** Creates `count` requests through `$batch` calls of 20, continuing from `made`. */
async function growByBatch(graphUrl: string, info: ScaleSeedInfo, tokens: string[], made: number, count: number): Promise<number> {
  const packages = info.packageIds.length;
  for (let done = 0; done < count; ) {
    const requestor = Math.floor((made + done) / packages);
    // A $batch runs under one caller: 20 creates of one requestor, each for another package.
    const size = Math.min(20, count - done, packages - ((made + done) % packages));
    const requests = Array.from({ length: size }, (_, k) => {
      const p = (made + done + k) % packages;
      return {
        id: String(k + 1),
        method: 'POST',
        url: `${EM}/assignmentRequests`,
        headers: { 'content-type': 'application/json' },
        body: { requestType: 'userAdd', assignment: { accessPackageId: info.packageIds[p], assignmentPolicyId: info.policyIds[p] } },
      };
    });
    const answer = await call(`${graphUrl}/$batch`, tokens[requestor], 'POST', { requests });
    const failed = answer.responses.filter((r: { status: number }) => r.status !== 201);
    if (failed.length) throw new Error(`$batch create failed: ${JSON.stringify(failed[0]).slice(0, 300)}`);
    done += size;
  }
  return made + count;
}

async function measureWrites(
  child: Child,
  graphUrl: string,
  info: ScaleSeedInfo,
  tokens: string[],
  made: number,
  count: number,
): Promise<{ figures: WriteFigure[]; made: number }> {
  const lee = mintToken({ id: LEE });
  const packages = info.packageIds.length;
  const create = await timed(count, async (i) => {
    const n = made + i;
    const p = n % packages;
    await call(`${graphUrl}${EM}/assignmentRequests`, tokens[Math.floor(n / packages)], 'POST', {
      requestType: 'userAdd',
      assignment: { accessPackageId: info.packageIds[p], assignmentPolicyId: info.policyIds[p] },
    });
  });
  const waiting = await call(`${graphUrl}${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$top=${count}&$expand=stages`, lee);
  const stages = waiting.value.map((a: { id: string; stages: { id: string; status: string }[] }) => [a.id, a.stages.find((s) => s.status === 'InProgress')?.id]);
  const decide = await timed(Math.min(count, stages.length), async (i) => {
    await call(`${graphUrl}${EM}/accessPackageAssignmentApprovals/${stages[i][0]}/stages/${stages[i][1]}`, lee, 'PATCH', {
      reviewResult: 'Approve',
      justification: 'bench',
    });
  });
  const stats = await child.ask<{ rss: number; stateBytes: number }>({ cmd: 'stats' });
  const common = { requests: made, rssMb: stats.rss / 2 ** 20, stateMb: stats.stateBytes / 2 ** 20 };
  return {
    figures: [
      { ...common, kind: 'create a request', ...create },
      { ...common, kind: 'decide a stage', ...decide },
    ],
    made: made + count,
  };
}

export async function measureMockScale(config: ScaleConfig, log: (m: string) => void): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ek-bench-scale-'));
  const children: Child[] = [];
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  try {
    const largest = Math.max(...config.sizes);
    const grown = config.sizes.filter((s) => s < largest);
    const requestorsFor = (requests: number) => Math.ceil((requests + 2 * config.writes * config.sizes.length) / config.packages) + 1;

    // Ours, grown through $batch to each smaller size in turn.
    const ours = mockChild(join(dir, 'state.json'));
    children.push(ours);
    const { graphUrl } = await ours.next<{ graphUrl: string }>();
    const { info } = await ours.ask<{ info: ScaleSeedInfo }>({ cmd: 'seed', packages: config.packages, requestors: requestorsFor(Math.max(...grown)) });
    await ours.ask({ cmd: 'persist' });
    const tokens = info.requestorIds.map((id) => mintToken({ id }));
    const writes: WriteFigure[] = [];
    let made = 0;
    let batchSeconds = 0;
    let batchMade = 0;
    let reads: ReadFigure[] = [];
    const lee = mintToken({ id: LEE });
    for (const size of grown) {
      log(`growing to ${size} requests through $batch`);
      const t0 = performance.now();
      const before = made;
      made = await growByBatch(graphUrl, info, tokens, made, size - made);
      batchSeconds += (performance.now() - t0) / 1000;
      batchMade += made - before;
      log(`writes at ${made} requests`);
      const measured = await measureWrites(ours, graphUrl, info, tokens, made, config.writes);
      writes.push(...measured.figures);
      made = measured.made;
    }

    // Reads, at the largest grown size. The floor serves our recorded answers, so they are recorded first; then the
    // three servers take turns on each read (ours, floor, Prism, ours, ...) for `rounds` rounds, so a busy moment on a
    // shared machine falls on all of them alike, and each figure is the median of its rounds.
    const recorded: Record<string, { type: string; body: string }> = {};
    const versionPath = new URL(graphUrl).pathname;
    for (const read of READS) {
      const response = await fetch(`${graphUrl}${read.path}`, { headers: { authorization: `Bearer ${lee}` } });
      recorded[`${versionPath}${read.path}`] = { type: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
    }
    writeFileSync(join(dir, 'recorded.json'), JSON.stringify(recorded));
    const floor = new Child(new URL('./lib/floor-child.ts', import.meta.url).pathname, [join(dir, 'recorded.json')]);
    children.push(floor);
    const { url: floorUrl } = await floor.next<{ url: string }>();
    // Prism has failed to start once in a while under load: one more try, then its rows say n/a.
    for (let attempt = 1; attempt <= 2 && !prism; attempt++) {
      try {
        prism = await startPrism(log);
      } catch (error) {
        log(`Prism did not start (attempt ${attempt}): ${String(error).slice(0, 1500)}`);
      }
    }
    const servers: [ReadFigure['server'], string][] = [['ours', graphUrl], ['floor', `${floorUrl}${versionPath}`]];
    if (prism) servers.push(['prism', prism.url]);
    log(`reads: ${servers.map(([name]) => name).join(', ')} in turn, ${config.readRounds} rounds`);
    reads = await readRounds(servers, lee, config);
    const pageCost = await ours.ask<ScaleResult['pageCost']>({ cmd: 'pageCost', caller: LEE, runs: 200 });
    floor.stop();
    prism?.child.kill();
    ours.stop();

    // The largest size, seeded through the engine in a fresh server.
    log(`seeding ${largest} requests through the engine`);
    const big = mockChild(join(dir, 'big.json'));
    children.push(big);
    const bigUrl = (await big.next<{ graphUrl: string }>()).graphUrl;
    const bigInfo = (await big.ask<{ info: ScaleSeedInfo }>({ cmd: 'seed', packages: config.packages, requestors: requestorsFor(largest) })).info;
    const seeded = await big.ask<{ ms: number; made: number }>({ cmd: 'grow', requests: largest });
    const saved = await big.ask<{ ms: number }>({ cmd: 'persist' });
    log(`writes at ${largest} requests`);
    const bigTokens = bigInfo.requestorIds.map((id) => mintToken({ id }));
    writes.push(...(await measureWrites(big, bigUrl, bigInfo, bigTokens, seeded.made, config.writes)).figures);
    big.stop();

    return {
      reads,
      writes,
      batchGrowth: { requests: batchMade, seconds: batchSeconds },
      engineSeed: { requests: largest, seconds: seeded.ms / 1000, snapshotSeconds: saved.ms / 1000 },
      pageCost,
    };
  } finally {
    for (const child of children) child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
