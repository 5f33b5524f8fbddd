// toJSON / fromJSON / reset, and the promise that a failing call changes nothing at all.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { countingIds } from '../../src/core/ids.ts';
import { ManualClock } from '../../src/core/time.ts';
import { contosoSeed } from '../../src/seed/contoso.ts';
import { addBody, answer, campaignExtras, expectRefused, newEngine, openStageId, PACKAGES, POLICIES, QUESTIONS, USERS } from './support/engine.ts';

/** The state as JSON with ids made during the test numbered by first appearance (a discarded draft skips some). */
function withoutFreshIds(state: object): string {
  const seen = new Map<string, string>();
  return JSON.stringify(state).replace(/7e570000-0000-4000-8000-[0-9a-f]{12}/g, (id) => {
    if (!seen.has(id)) seen.set(id, `id-${seen.size}`);
    return seen.get(id) as string;
  });
}

function play(engine: Engine): void {
  const id = engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, campaignExtras())).id as string;
  engine.advance('P1D');
  engine.decide(USERS.lee, id, openStageId(engine, USERS.lee, id), { reviewResult: 'Approve' });
  engine.createRequest(USERS.adele, { requestType: 'userRemove', assignment: { id: engine.listMyAssignments(USERS.adele, 'target')[0].id } });
  engine.advance('P40D');
}

describe('snapshots', () => {
  it('a snapshot survives JSON and carries on exactly like the original', () => {
    const original = newEngine();
    const copy = newEngine({ seed: 'empty' });
    copy.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    expect(copy.toJSON()).toEqual(original.toJSON());
    expect(copy.now()).toBe(original.now());
    play(original);
    play(copy);
    expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(original.toJSON()));
  });

  it('a snapshot taken later restores that moment, clock included', () => {
    const engine = newEngine();
    play(engine);
    const snapshot = JSON.stringify(engine.toJSON());
    const restored = newEngine();
    restored.fromJSON(JSON.parse(snapshot));
    expect(restored.now()).toBe('2026-12-13T09:00:00Z');
    expect(JSON.stringify(restored.toJSON())).toBe(snapshot);
  });

  it('fromJSON copies a snapshot, unless told to adopt it (a state just parsed from a file: no second copy of it)', () => {
    const text = JSON.stringify(newEngine().toJSON());
    const snapshot = JSON.parse(text);
    const copying = newEngine({ seed: 'empty' });
    copying.fromJSON(snapshot);
    play(copying);
    expect(JSON.stringify(snapshot)).toBe(text);
    const adopting = newEngine({ seed: 'empty' });
    adopting.fromJSON(snapshot, { adopt: true });
    play(adopting);
    expect(JSON.stringify(snapshot)).toBe(JSON.stringify(adopting.toJSON()));
    expect(JSON.stringify(adopting.toJSON())).toBe(JSON.stringify(copying.toJSON()));
  });

  it('reset goes back to the seed, by name or to another seed', () => {
    const engine = newEngine();
    const fresh = JSON.stringify(engine.toJSON());
    play(engine);
    engine.reset();
    expect(JSON.stringify(engine.toJSON())).toBe(fresh);
    engine.reset('empty');
    expect(Object.keys(engine.toJSON().users)).toEqual([USERS.admin]);
    expectRefused(engine, () => engine.reset('acme' as never), 400, 'UnknownSeed');
  });

  it('refuses what is not a snapshot', () => {
    const engine = newEngine();
    for (const junk of [null, {}, { version: 2 }, { ...engine.toJSON(), now: 'yesterday' }, { ...engine.toJSON(), users: [] }]) {
      expectRefused(engine, () => engine.fromJSON(junk), 400, 'InvalidSnapshot');
    }
  });
});

describe('a failing call leaves the state JSON identical', () => {
  it('when the failure is found late in a long check (schedule after answers, last stage of a policy, resume state)', () => {
    const engine = newEngine();
    const cases: [() => unknown, number, string][] = [
      [() => engine.createRequest(USERS.lynne, addBody(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, { ...campaignExtras(), schedule: { expiration: { type: 'afterDuration', duration: 'P60D' } } })), 400, 'ScheduleOutsidePolicyExpiration'],
      [() => engine.createPolicy(USERS.admin, {
        displayName: 'Late failure',
        accessPackage: { id: PACKAGES.engineeringWiki },
        questions: [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', text: 'ok' }, { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', text: 'bad', regexPattern: '(' }],
      }), 400, 'InvalidRegexPattern'],
      [() => engine.decide(USERS.joni, 'nope', 'nope', { reviewResult: 'Approve' }), 404, 'ResourceNotFound'],
      [() => engine.createRequest(USERS.lynne, addBody(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: [answer(QUESTIONS.reports, 'pnl'), answer(QUESTIONS.reports, 'payroll')] })), 400, 'AnswerNotAmongChoices'],
    ];
    for (const [call, status, code] of cases) expectRefused(engine, call, status, code);
  });

  it('even when the clock moved underneath: the catch-up of a failed call is discarded, then redone by the next', () => {
    const clock = new ManualClock(contosoSeed.start);
    const engine = newEngine({ clock });
    const before = JSON.stringify(engine.toJSON());
    clock.set(Date.parse('2026-12-01T00:00:00Z'));
    expect(() => engine.cancelRequest(USERS.adele, 'nope')).toThrow();
    expect(JSON.stringify(engine.toJSON())).not.toBe(before);
    expect(engine.now()).toBe('2026-12-01T00:00:00Z');
    const twin = newEngine();
    twin.setNow('2026-12-01T00:00:00Z');
    expect(withoutFreshIds(engine.toJSON())).toBe(withoutFreshIds(twin.toJSON()));
  });

  it('a seed is built at the injected clock’s time', () => {
    const engine = newEngine({ clock: new ManualClock('2031-05-05T05:00:00Z'), newId: countingIds('abcdef00') });
    expect(engine.now()).toBe('2031-05-05T05:00:00Z');
    expect(engine.listMyRequests(USERS.lee, 'approver').length).toBeGreaterThan(0);
  });

  it('returned objects are copies: changing them changes nothing inside', () => {
    const engine = newEngine();
    const before = JSON.stringify(engine.toJSON());
    const pkg = engine.getPackage(USERS.adele, PACKAGES.salesPipeline, { expand: { assignmentPolicies: { questions: true } } });
    pkg.displayName = 'Hacked';
    (pkg.assignmentPolicies?.[0].questions ?? []).length = 0;
    engine.toJSON().users[USERS.adele].displayName = 'Hacked';
    engine.outbox().push({ id: 'x', at: 'x', kind: 'denied', to: [], subject: 'x' });
    expect(JSON.stringify(engine.toJSON())).toBe(before);
  });
});
