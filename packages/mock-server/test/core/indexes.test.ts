// The engine's indexes (and its due-event heap) answer exactly what a scan of the state answers, after any
// sequence of calls, accepted or refused; and a refused call, however late it fails, changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directReports, findUser } from '../../src/core/directory.ts';
import type { Engine, StateJournal } from '../../src/core/engine.ts';
import { MockGraphError } from '../../src/core/errors.ts';
import { countingIds, type IdSource } from '../../src/core/ids.ts';
import { packagePolicyIds } from '../../src/core/projections/packages.ts';
import { assignmentsFor, decidedRequests, requestsFor } from '../../src/core/queries.ts';
import { runDue } from '../../src/core/scheduler.ts';
import type { State } from '../../src/core/state.ts';
import { durationMs } from '../../src/core/time.ts';
import { addBody, answer, newEngine, POLICIES, QUESTIONS, USERS } from './support/engine.ts';
import { GROUPS } from '../../src/seed/ids.ts';

const people = Object.values(USERS);
const policies = Object.values(POLICIES);
const groups = Object.values(GROUPS);
const REQUEST_OPTIONS = ['target', 'createdBy', 'approver', 'targetOrRequestor', 'targetManager', 'requestForOthers'];
const ASSIGNMENT_OPTIONS = ['target', 'createdBy', 'targetManager'];
const ANSWERS = [answer(QUESTIONS.region, 'EMEA'), answer(QUESTIONS.campaignCode, 'MKT-1234'), answer(QUESTIONS.reports, 'Quarterly')];

type Op =
  | { kind: 'request'; caller: number; target: number; policy: number; answers: boolean }
  | { kind: 'adminAdd'; target: number; policy: number }
  | { kind: 'decide'; approver: number; pick: number; approve: boolean }
  | { kind: 'cancel'; caller: number; pick: number }
  | { kind: 'remove'; caller: number; pick: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'manager'; user: number; manager: number }
  | { kind: 'member'; group: number; user: number; add: boolean };

const person = fc.nat({ max: people.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), caller: person, target: person, policy: fc.nat({ max: policies.length - 1 }), answers: fc.boolean() }),
  fc.record({ kind: fc.constant('adminAdd' as const), target: person, policy: fc.nat({ max: policies.length - 1 }) }),
  fc.record({ kind: fc.constant('decide' as const), approver: person, pick: fc.nat(), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('cancel' as const), caller: person, pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), caller: person, pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }),
  fc.record({ kind: fc.constant('manager' as const), user: person, manager: person }),
  fc.record({ kind: fc.constant('member' as const), group: fc.nat({ max: groups.length - 1 }), user: person, add: fc.boolean() }),
);

const nth = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

function apply(engine: Engine, o: Op): void {
  switch (o.kind) {
    case 'request': {
      const target = people[o.target];
      const extra = { justification: 'Property test', ...(o.answers ? { answers: ANSWERS } : {}), ...(target !== people[o.caller] ? { targetId: target } : {}) };
      const policy = policies[o.policy];
      const packageId = engine.toJSON().policies[policy].packageId;
      engine.createRequest(people[o.caller], addBody(packageId, policy, extra));
      return;
    }
    case 'adminAdd': {
      const policy = policies[o.policy];
      const packageId = engine.toJSON().policies[policy].packageId;
      engine.createRequest(USERS.admin, { requestType: 'adminAdd', assignment: { accessPackageId: packageId, assignmentPolicyId: policy, targetId: people[o.target] } });
      return;
    }
    case 'decide': {
      const approval = nth(engine.listMyApprovals(people[o.approver]), o.pick);
      const stage = approval?.stages?.find((s) => s.status === 'InProgress');
      if (approval && stage) engine.decide(people[o.approver], approval.id as string, stage.id as string, { reviewResult: o.approve ? 'Approve' : 'Deny', justification: 'ok' });
      return;
    }
    case 'cancel': {
      const request = nth(engine.listMyRequests(people[o.caller], 'createdBy'), o.pick);
      if (request) engine.cancelRequest(people[o.caller], request.id as string);
      return;
    }
    case 'remove': {
      const assignment = nth(engine.listMyAssignments(people[o.caller], 'target'), o.pick);
      if (assignment) engine.createRequest(people[o.caller], { requestType: 'userRemove', assignment: { id: assignment.id } });
      return;
    }
    case 'advance':
      engine.advance(`PT${o.hours}H`);
      return;
    case 'manager':
      engine.setManager(USERS.admin, people[o.user], people[o.manager]);
      return;
    case 'member':
      if (o.add) engine.addGroupMember(USERS.admin, groups[o.group], people[o.user]);
      else engine.removeGroupMember(USERS.admin, groups[o.group], people[o.user]);
  }
}

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
  for (const me of people) {
    for (const on of REQUEST_OPTIONS) {
      expect(ids(engine.listMyRequests(me, on) as { id: string }[]), `requests on=${on}`).toEqual(ids(requestsFor(scanned, me, on)));
    }
    for (const on of ASSIGNMENT_OPTIONS) {
      expect(ids(engine.listMyAssignments(me, on) as { id: string }[]), `assignments on=${on}`).toEqual(ids(assignmentsFor(scanned, me, on)));
    }
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
        for (const o of ops) (applyChecked(engine, o) ? accepted++ : refused++);
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
      { numRuns: 60, seed: 14 },
    );
    console.log(`indexes property test: ${accepted} accepted and ${refused} refused calls, indexes and scans agreed throughout`);
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(50);
  });
});
