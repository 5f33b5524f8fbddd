// Mock HTTP server throughput on loopback: a bounded number of requests from plain fetch with bounded concurrency
// (autocannon is not installed here). Two workloads: a page of 100 requestable packages, and a request + approve
// cycle (POST assignmentRequests as a requestor, GET the approval and PATCH its stage as the approver).
import { mintToken } from '../packages/mock-server/src/identity/token.ts';
import { startMockServer } from '../packages/mock-server/src/server/index.ts';
import { median, percentile } from './lib/stats.ts';
import { LEE, scaleSeed, type ScaleSeedInfo } from './scale-seed.ts';

const EM = '/identityGovernance/entitlementManagement';

export interface LoadFigures {
  operations: number;
  concurrency: number;
  /** Operations per second (for the cycle: cycles; each is 3 HTTP requests). */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface ThroughputResult {
  packages: number;
  page100: LoadFigures;
  cycle: LoadFigures & { httpPerSecond: number };
}

/** Runs `count` operations, at most `concurrency` at a time; latency per operation. */
async function load(count: number, concurrency: number, op: (i: number) => Promise<void>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        try {
          await op(i);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { operations: count, concurrency, perSecond: count / seconds, p50Ms: median(latencies), p99Ms: percentile(latencies, 99), errors };
}

async function call(url: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function measureThroughput(options: { packages: number; pageRequests: number; cycles: number; concurrency: number }): Promise<ThroughputResult> {
  const info: ScaleSeedInfo = { packageIds: [], policyIds: [], requestorIds: [] };
  const mock = await startMockServer({ port: 0, seed: 'empty' });
  try {
    // Requestors enough for one new (requestor, package) pair per cycle; no pending requests at the start.
    const seed = scaleSeed({ packages: options.packages, pending: 0, requestors: Math.ceil(options.cycles / options.packages) }, info);
    mock.engine.reset(seed);
    const g = mock.graphUrl;
    const lee = mintToken({ id: LEE });
    const page100 = await load(options.pageRequests, options.concurrency, async () => {
      const body = await call(`${g}${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$top=100`, lee);
      if (body.value.length !== 100) throw new Error(`page of ${body.value.length}`);
    });
    const tokens = info.requestorIds.map((id) => mintToken({ id }));
    const cycle = await load(options.cycles, options.concurrency, async (i) => {
      const p = i % options.packages;
      const request = await call(`${g}${EM}/assignmentRequests`, tokens[Math.floor(i / options.packages)], {
        method: 'POST',
        body: { requestType: 'userAdd', assignment: { accessPackageId: info.packageIds[p], assignmentPolicyId: info.policyIds[p] } },
      });
      const approval = await call(`${g}${EM}/accessPackageAssignmentApprovals/${request.id}`, lee);
      const stage = approval.stages.find((s: { status?: string }) => s.status?.toLowerCase() === 'inprogress') ?? approval.stages[0];
      await call(`${g}${EM}/accessPackageAssignmentApprovals/${request.id}/stages/${stage.id}`, lee, {
        method: 'PATCH',
        body: { reviewResult: 'Approve', justification: 'Bench' },
      });
    });
    return { packages: options.packages, page100, cycle: { ...cycle, httpPerSecond: cycle.perSecond * 3 } };
  } finally {
    await mock.close();
  }
}
