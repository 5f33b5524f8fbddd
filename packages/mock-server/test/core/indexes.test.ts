// The engine's indexes (and its due-event heap) answer exactly what a scan of the state answers, after any
// sequence of calls, accepted or refused; a refused call, however late it fails, changes nothing; and the
// projections kept between reads (`shared`) are always what a fresh projection gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directReports, findUser } from '../../src/core/directory.ts';
import type { Engine, StateJournal } from '../../src/core/engine.ts';
import { MockGraphError } from '../../src/core/errors.ts';
import { countingIds, type IdSource } from '../../src/core/ids.ts';
import { packagePolicyIds } from '../../src/core/projections/packages.ts';
import { assignmentsFor, decidedRequests, requestablePackageIds, requestsFor } from '../../src/core/queries.ts';
import { runDue } from '../../src/core/scheduler.ts';
import type { State } from '../../src/core/state.ts';
import { durationMs } from '../../src/core/time.ts';
import { newEngine, USERS } from './support/engine.ts';
import { apply, ASSIGNMENT_OPTIONS, op, people, REQUEST_OPTIONS, type Op } from './support/random-calls.ts';

const failingSave: StateJournal = {
  commit() {
    throw new Error('No space left on device');
  },
  replace() {},
};

/**
 * Applies the call twice: first with a save that fails after the rule has run to the end (every change it makes
 * must be undone), then for real. A refused call must leave the state exactly as it was. Returns whether the call
 * was accepted.
 */
function applyChecked(engine: Engine, o: Op): boolean {
  const before = JSON.stringify(engine.toJSON());
  engine.setJournal(failingSave);
  try {
    apply(engine, o);
  } catch (error) {
    if (error instanceof MockGraphError || (error as Error).message !== 'No space left on device') expect(error).toBeInstanceOf(MockGraphError);
  } finally {
    engine.setJournal(undefined);
  }
  expect(JSON.stringify(engine.toJSON()), `${o.kind}: a failed save left changes behind`).toBe(before);
  try {
    apply(engine, o);
    return true;
  } catch (error) {
    if (!(error instanceof MockGraphError)) throw error;
    expect(JSON.stringify(engine.toJSON()), `${o.kind} refused with ${error.code} but changed the state`).toBe(before);
    return false;
  }
}

const ids = (records: { id: string }[]) => records.map((r) => r.id);

/** Every indexed question, asked of the engine's live state (indexes) and of a plain copy (scans). */
function expectIndexesAgree(engine: Engine): void {
  const scanned = engine.toJSON();
  // The engine's own answers run through its indexes; project them to ids the same way.
  for (const me of signedIn(scanned)) {
    for (const on of REQUEST_OPTIONS) {
      const all = ids(requestsFor(scanned, me, on));
      expect(ids(engine.listMyRequests(me, on) as { id: string }[]), `requests on=${on}`).toEqual(all);
      // A page read off an index is the same slice of the same list.
      const window = { offset: 1, limit: 2 };
      expect(ids(engine.listMyRequests(me, on, { window }) as { id: string }[]), `a page of requests on=${on}`).toEqual(all.slice(1, 3));
      expect(window).toMatchObject({ total: all.length });
    }
    for (const on of ASSIGNMENT_OPTIONS) {
      const all = ids(assignmentsFor(scanned, me, on));
      expect(ids(engine.listMyAssignments(me, on) as { id: string }[]), `assignments on=${on}`).toEqual(all);
      const window = { offset: 1, limit: 2 };
      expect(ids(engine.listMyAssignments(me, on, { window }) as { id: string }[]), `a page of assignments on=${on}`).toEqual(all.slice(1, 3));
      expect(window).toMatchObject({ total: all.length });
    }
    // Cached between changes of the directory, policies and packages; equal to a fresh scan.
    expect((engine.listRequestablePackages(me) as { id: string }[]).map((p) => p.id), 'requestable packages').toEqual(requestablePackageIds(scanned, me));
    expect(ids(engine.listDecidedRequests(me) as { id: string }[]), 'decided').toEqual(ids(decidedRequests(scanned, me)));
    expect(ids(engine.listDirectReports(me, me) as { id: string }[]), 'direct reports').toEqual(directReports(scanned, me));
  }
  for (const user of Object.values(scanned.users)) {
    expect(engine.findPrincipal(user.userPrincipalName as string)?.id).toBe(findUser(scanned, user.userPrincipalName as string)?.id);
  }
  for (const packageId of Object.keys(scanned.packages)) {
    expect((engine.listPackagePolicies(USERS.admin, packageId) as { id: string }[]).map((p) => p.id)).toEqual(packagePolicyIds(scanned, packageId));
  }
}

/**
 * The people who can still call: a guest whose last access ended is blocked from signing in and, 30 days later,
 * deleted (401 for any call).
 */
const signedIn = (state: State) => people.filter((me) => state.users[me] !== undefined && state.users[me].accountEnabled !== false);

/** Lists read with `shared` (kept projections, read before the call too, so stale ones would show) equal fresh ones. */
function expectSharedAgree(engine: Engine, after: string): void {
  expect(engine.listPackages(USERS.admin, { shared: true }), `packages after ${after}`).toEqual(engine.listPackages(USERS.admin));
  expect(engine.listRequests(USERS.admin, { shared: true }), `requests after ${after}`).toEqual(engine.listRequests(USERS.admin));
  expect(engine.listAssignments(USERS.admin, { shared: true }), `assignments after ${after}`).toEqual(engine.listAssignments(USERS.admin));
  for (const me of signedIn(engine.toJSON()).slice(0, 4)) {
    expect(engine.listMyRequests(me, 'approver', { shared: true }), `approver's requests after ${after}`).toEqual(engine.listMyRequests(me, 'approver'));
    expect(engine.listRequestablePackages(me, { shared: true }), `requestable after ${after}`).toEqual(engine.listRequestablePackages(me));
  }
}

/** An engine whose id source can be swapped, so a scan-driven replay can mint the same ids. */
function switchableEngine(): { engine: Engine; use(source: IdSource): void } {
  let source = countingIds('7e570000');
  return { engine: newEngine({ newId: () => source() }), use: (next) => (source = next) };
}

describe('indexes agree with a full scan', () => {
  it('after random sequences of requests, decisions, cancellations, removals, clock moves and directory changes', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const { engine, use } = switchableEngine();
        expectSharedAgree(engine, 'the seed');
        for (const o of ops) {
          if (applyChecked(engine, o)) accepted++;
          else refused++;
          // The cached answer follows every change it depends on (group members, managers, ...).
          const scanned = engine.toJSON();
          for (const me of signedIn(scanned).slice(3, 9)) expect((engine.listRequestablePackages(me) as { id: string }[]).map((p) => p.id), `requestable after ${o.kind}`).toEqual(requestablePackageIds(scanned, me));
          expectSharedAgree(engine, o.kind);
        }
        expectIndexesAgree(engine);

        // The due-event heap picks what a scan of every record picks: the same events, in the same order.
        const plain: State = engine.toJSON();
        const later = Date.parse(plain.now) + (durationMs('P200D') as number);
        use(countingIds('d0e00000'));
        engine.setNow(new Date(later).toISOString());
        const tx = { state: plain, now: Date.parse(plain.now), newId: countingIds('d0e00000'), callouts: [] };
        runDue(tx, later);
        expect(JSON.stringify(engine.toJSON())).toBe(JSON.stringify(plain));
        expectIndexesAgree(engine);
      }),
      { numRuns: 50, seed: 14 },
    );
    console.log(`indexes property test: ${accepted} accepted and ${refused} refused calls, indexes and scans agreed throughout`);
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(50);
  }, 120_000);
});
