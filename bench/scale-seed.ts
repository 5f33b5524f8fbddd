// A seed for the scale benchmarks: the contoso tenant plus a "Bench" catalog of PACKAGES requestable packages
// (all directory members may request, one approval stage with Lee Gu as the single approver) and PENDING
// pending requests waiting for Lee, made by BENCH_USERS generated people. Built with the engine's own rules on one
// recording view with the engine's indexes (no per-write copy, no table scans), so 10,000 requests take seconds.
import { createCatalog } from '../packages/mock-server/src/core/catalog-admin.ts';
import { Draft } from '../packages/mock-server/src/core/draft.ts';
import { countingIds } from '../packages/mock-server/src/core/ids.ts';
import { Indexes, useIndexes } from '../packages/mock-server/src/core/indexes.ts';
import { createPackage } from '../packages/mock-server/src/core/package-admin.ts';
import { createPolicy } from '../packages/mock-server/src/core/policy-admin.ts';
import { createRequest } from '../packages/mock-server/src/core/requests.ts';
import { continueRequest } from '../packages/mock-server/src/core/workflow.ts';
import type { Seed } from '../packages/mock-server/src/core/snapshot.ts';
import type { Tx } from '../packages/mock-server/src/core/tx.ts';
import { contosoSeed } from '../packages/mock-server/src/seed/contoso.ts';
import { addPerson } from '../packages/mock-server/src/seed/directory.ts';
import { USERS } from '../packages/mock-server/src/seed/ids.ts';

export const LEE = USERS.lee;
export const ADMIN = USERS.admin;

export interface ScaleSeedOptions {
  packages: number;
  pending: number;
  /** Requestors to create; by default as many as the pending requests need (one open request per package each). */
  requestors?: number;
}

export interface ScaleSeedInfo {
  packageIds: string[];
  policyIds: string[];
  requestorIds: string[];
}

/** Bench people: requestors whose requests wait for Lee. */
export function benchUserId(n: number): string {
  return `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function scaleSeed(options: ScaleSeedOptions, info: ScaleSeedInfo = { packageIds: [], policyIds: [], requestorIds: [] }): Seed {
  return {
    name: 'bench-scale',
    start: contosoSeed.start,
    build(startIso) {
      const state = contosoSeed.build(startIso);
      // The rules run on a recording view with indexes, as in the engine, so no rule scans a table per request.
      const indexes = new Indexes(state);
      const draft = new Draft(state, (root) => indexes.touch(root));
      useIndexes(draft.state, indexes);
      const tx: Tx = { state: draft.state, now: Date.parse(startIso), newId: countingIds('be0c0000'), callouts: [] };
      info.packageIds.length = info.policyIds.length = info.requestorIds.length = 0;
      const catalog = createCatalog(tx, ADMIN, { displayName: 'Bench', description: 'Generated for the benchmarks.' });
      for (let i = 0; i < options.packages; i++) {
        const n = String(i + 1).padStart(5, '0');
        const pkg = createPackage(tx, ADMIN, {
          displayName: `Bench package ${n}`,
          description: `Generated package ${n} for the scale benchmark.`,
          catalog: { id: catalog.id },
        });
        const policy = createPolicy(tx, ADMIN, {
          displayName: 'Everyone, Lee approves',
          accessPackage: { id: pkg.data.id },
          allowedTargetScope: 'allMemberUsers',
          expiration: { type: 'afterDuration', duration: 'P30D' },
          requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
          requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            isRequestorJustificationRequired: false,
            stages: [
              {
                durationBeforeAutomaticDenial: 'P14D',
                primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: LEE }],
              },
            ],
          },
        });
        info.packageIds.push(pkg.data.id as string);
        info.policyIds.push(policy.data.id as string);
      }
      // One pending request per (requestor, package) pair: a person may hold one open request per package.
      const perUser = Math.max(1, options.packages);
      const users = options.requestors ?? Math.ceil(options.pending / perUser);
      for (let u = 0; u < users; u++) {
        const id = benchUserId(u + 1);
        addPerson(state, { id, displayName: `Bench Requestor ${u + 1}`, userPrincipalName: `bench.requestor${u + 1}@contoso.com`, jobTitle: 'Tester', department: 'Bench' });
        info.requestorIds.push(id);
      }
      for (let r = 0; r < options.pending; r++) {
        const user = info.requestorIds[Math.floor(r / perUser)];
        const p = r % perUser;
        const req = createRequest(tx, user, {
          requestType: 'userAdd',
          justification: `Bench request ${r + 1}`,
          assignment: { accessPackageId: info.packageIds[p], assignmentPolicyId: info.policyIds[p] },
        });
        // Processed here, as the next call would (a seed has no scheduler index yet: the first read would take it all).
        continueRequest(tx, req);
      }
      return state;
    },
  };
}
