// What keeps the mock small at scale (README, Performance): index keys holding one id hold the id itself and go back
// to it when a Set empties to one; the due heap's stale entries stay within a bound; request records share one V8
// hidden class; dates of recent instants share their text. Behaviour, not byte counts: each test checks what is kept
// and that it stays right.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Draft } from '../../src/core/draft.ts';
import { assignmentDue, requestDue } from '../../src/core/due.ts';
import { countingIds } from '../../src/core/ids.ts';
import { Indexes, useIndexes } from '../../src/core/indexes.ts';
import { createRequest } from '../../src/core/requests.ts';
import { runDue } from '../../src/core/scheduler.ts';
import type { State } from '../../src/core/state.ts';
import { iso } from '../../src/core/time.ts';
import type { Tx } from '../../src/core/tx.ts';
import { cancel } from '../../src/core/workflow.ts';
import { contosoSeed } from '../../src/seed/contoso.ts';
import { addBody, campaignExtras, PACKAGES, POLICIES, USERS } from './support/engine.ts';

/** The contoso state with indexes, and writes on it as the engine makes them (recording view, due events first). */
function indexedContoso(): { state: State; indexes: Indexes; write<T>(rule: (tx: Tx) => T): T } {
  const state = contosoSeed.build(contosoSeed.start);
  const indexes = new Indexes(state);
  useIndexes(state, indexes);
  const newId = countingIds('3e300000');
  const now = Date.parse(contosoSeed.start);
  return {
    state,
    indexes,
    write(rule) {
      const draft = new Draft(state, (root) => indexes.touch(root));
      useIndexes(draft.state, indexes);
      const tx: Tx = { state: draft.state, now, newId, callouts: [] };
      runDue(tx, now);
      return rule(tx);
    },
  };
}

/** Lynne asks for Marketing Campaigns (Lee approves) and cancels before Lee decides: the stage deadline goes stale. */
function requestAndCancel(write: ReturnType<typeof indexedContoso>['write']): string {
  const id = write((tx) => createRequest(tx, USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())).id);
  write((tx) => cancel(tx, USERS.lynne, id));
  return id;
}

describe('index keys', () => {
  it('hold one id, then several in key order, then one again, as a scan of the table would list them', () => {
    const { state, indexes } = indexedContoso();
    const set = (user: string, manager: string | undefined) => {
      if (manager === undefined) delete state.managers[user];
      else state.managers[user] = manager;
      indexes.touch(['managers', user]);
    };
    const scan = (manager: string) => Object.keys(state.managers).filter((user) => state.managers[user] === manager);
    const expectAgrees = (manager: string) => {
      expect(indexes.ids('managers', 'manager', manager)).toEqual(scan(manager));
      const all = scan(manager);
      expect(indexes.page('managers', 'manager', manager, 0, 10)).toEqual({ ids: all, total: all.length });
      expect(indexes.page('managers', 'manager', manager, 1, 10)).toEqual({ ids: all.slice(1), total: all.length });
    };
    const boss = 'b055b055-0000-4000-8000-000000000001';
    set('x1', 'someone else');
    set('x2', boss);
    expectAgrees(boss);
    // x1 was put in the table before x2: filed later, listed first.
    set('x1', boss);
    set('x3', boss);
    expectAgrees(boss);
    expect(indexes.ids('managers', 'manager', boss)).toEqual(['x1', 'x2', 'x3']);
    set('x2', undefined);
    set('x3', 'someone else');
    expectAgrees(boss);
    expect(indexes.ids('managers', 'manager', boss)).toEqual(['x1']);
    set('x3', boss);
    expectAgrees(boss);
    set('x1', undefined);
    set('x3', undefined);
    expectAgrees(boss);
    expect(indexes.page('managers', 'manager', boss, 0, 10)).toEqual({ ids: [], total: 0 });
  });
});

describe('the due heap', () => {
  it('keeps at most twice the live due entries (and a slack of 64) however many go stale, and picks what a fresh index picks', () => {
    const { state, indexes, write } = indexedContoso();
    for (let i = 0; i < 300; i++) requestAndCancel(write);
    const live =
      Object.values(state.requests).filter((r) => requestDue(r).length > 0).length +
      Object.values(state.assignments).filter((a) => assignmentDue(a).length > 0).length;
    expect(indexes.dueHeapSize).toBeLessThanOrEqual(2 * live + 64);
    // 300 stage deadlines went stale, far more than the bound: what was kept is still right.
    const fresh = new Indexes(state);
    for (const until of [Date.parse(contosoSeed.start), Date.parse('2027-01-01T00:00:00Z'), Date.parse('2099-01-01T00:00:00Z')]) {
      expect(indexes.nextDue(until)).toEqual(fresh.nextDue(until));
    }
  });
});

describe('request records', () => {
  it('share one V8 hidden class, however many are made (a class per record cost ~0.7 KB each at 50,000)', () => {
    setFlagsFromString('--allow-natives-syntax');
    const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const { state, write } = indexedContoso();
    const requests = Array.from({ length: 40 }, () => state.requests[requestAndCancel(write)]);
    expect(requests.filter((r) => !sameShape(r, requests[0])).length).toBe(0);
  });
});

describe('iso', () => {
  it('gives the text toISOString gives (no .000 fraction) for instants asked again, many times over its recent ones', () => {
    const base = Date.parse('2026-11-02T09:00:00Z');
    const expected = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 200; i++) expect(iso(base + i * 61_000 + (i % 7 === 0 ? 123 : 0))).toBe(expected(base + i * 61_000 + (i % 7 === 0 ? 123 : 0)));
    }
    expect(iso(base)).toBe('2026-11-02T09:00:00Z');
    expect(iso(base + 5)).toBe('2026-11-02T09:00:00.005Z');
    expect(() => iso(Number.NaN)).toThrow(RangeError);
  });
});
