// --state keeps what issue 12's operations change: the end-user settings (a /_mock control), the settings, subject
// lifecycles, connected organizations and their sponsors, a deleted pass. Each change is journaled and loads back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readStateFile, stateFileJournal } from '../../src/server/state-file.ts';
import { USERS } from '../../src/seed/ids.ts';
import { newEngine } from './support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'ek-governance-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('journals settings, subjects, organizations, sponsors and pass deletions, and loads them back', () => {
  const file = join(dir, 'state.json');
  const engine = newEngine();
  const journal = stateFileJournal(file, () => {});
  engine.setJournal(journal);
  const changes: (() => void)[] = [
    () => engine.setEndUserSettings('countAndNames'),
    () => engine.updateSettings(USERS.admin, { externalUserLifecycleAction: 'blockSignIn', durationUntilExternalUserDeletedAfterBlocked: 'P4D' }),
    () => engine.updateSubject(USERS.admin, USERS.rob, { subjectLifecycle: 'notGoverned' }),
    () => {
      const org = engine.createConnectedOrganization(USERS.admin, { displayName: 'Wingtip Toys', state: 'proposed' });
      engine.addOrganizationSponsor(USERS.admin, org.id as string, 'externalSponsors', USERS.rob);
      engine.updateConnectedOrganization(USERS.admin, org.id as string, { state: 'configured' });
    },
    () => {
      const pass = engine.createTemporaryAccessPass(USERS.admin, USERS.adele, { lifetimeInMinutes: 60 });
      engine.deleteTemporaryAccessPass(USERS.adele, USERS.adele, pass.id as string);
    },
  ];
  for (const change of changes) {
    change();
    expect(JSON.stringify(readStateFile(file))).toBe(JSON.stringify(engine.toJSON()));
  }
  journal.close();
  const loaded = newEngine({ seed: 'empty' });
  loaded.fromJSON(readStateFile(file));
  expect(loaded.endUserSettings()).toEqual({ relatedPeopleInsightLevel: 'countAndNames' });
  expect(loaded.getSettings(USERS.admin)).toMatchObject({ externalUserLifecycleAction: 'blockSignIn', durationUntilExternalUserDeletedAfterBlocked: 'P4D' });
  expect(loaded.getSubject(USERS.admin, USERS.rob).subjectLifecycle).toBe('notGoverned');
  const wingtip = loaded.listConnectedOrganizations(USERS.admin).find((o) => o.displayName === 'Wingtip Toys');
  expect(wingtip?.state).toBe('configured');
  expect(loaded.listOrganizationSponsors(USERS.admin, wingtip?.id as string, 'externalSponsors').map((s) => s.id)).toEqual([USERS.rob]);
  expect(loaded.listTemporaryAccessPasses(USERS.admin, USERS.adele)).toEqual([]);
});

it('journals a blocked guest\'s scheduled deletion; a loaded state deletes the guest when it falls due', () => {
  const file = join(dir, 'guest.json');
  const engine = newEngine();
  const journal = stateFileJournal(file, () => {});
  engine.setJournal(journal);
  for (const held of engine.listMyAssignments(USERS.rob, 'target').filter((a) => a.state === 'delivered')) {
    engine.createRequest(USERS.admin, { requestType: 'adminRemove', assignment: { id: held.id } });
  }
  engine.advance('PT1M');
  const saved = readStateFile(file) as { guestRemovals: Record<string, { at: string }> };
  expect(Object.keys(saved.guestRemovals)).toEqual([USERS.rob]);
  expect(JSON.stringify(saved)).toBe(JSON.stringify(engine.toJSON()));
  journal.close();

  const loaded = newEngine({ seed: 'empty' });
  loaded.fromJSON(readStateFile(file));
  loaded.advance('P30D');
  expect(loaded.toJSON().users[USERS.rob]).toBeUndefined();
  expect(loaded.toJSON().deletedUsers[USERS.rob]).toBeDefined();
  expect(loaded.toJSON().guestRemovals).toEqual({});
});

it('counts a guest\'s deletion from their latest block: re-enabled, given access and blocked again, the guest waits the whole duration anew', () => {
  const engine = newEngine();
  const removeAll = () => {
    const robs = engine.listAssignments(USERS.admin, { expand: { target: true } }).filter((a) => a.target?.objectId === USERS.rob && a.state === 'delivered');
    for (const held of robs) engine.createRequest(USERS.admin, { requestType: 'adminRemove', assignment: { id: held.id } });
    engine.advance('PT1M');
    return robs;
  };
  const [first] = removeAll();
  expect(engine.toJSON().users[USERS.rob].accountEnabled).toBe(false);
  engine.advance('P10D');
  engine.updateUser(USERS.admin, USERS.rob, { accountEnabled: true });
  const asg = engine.toJSON().assignments[first.id as string];
  engine.createRequest(USERS.admin, { requestType: 'adminAdd', assignment: { accessPackageId: asg.packageId, assignmentPolicyId: asg.policyId, targetId: USERS.rob } });
  engine.advance('PT1M');
  removeAll();
  engine.advance('P25D');
  expect(engine.toJSON().users[USERS.rob]).toBeDefined();
  engine.advance('P5D');
  expect(engine.toJSON().users[USERS.rob]).toBeUndefined();
});

it('loads a state without guestRemovals (saved before it existed, or a seed written in JavaScript) and schedules deletions in it', () => {
  const old = newEngine().toJSON() as Partial<ReturnType<ReturnType<typeof newEngine>['toJSON']>>;
  delete old.guestRemovals;
  const loaded = newEngine({ seed: 'empty' });
  loaded.fromJSON(old);
  const custom = newEngine({ seed: { name: 'custom', start: old.now as string, build: () => ({ ...(old as ReturnType<typeof loaded.toJSON>) }) } });
  for (const engine of [loaded, custom]) {
    const robs = engine.listAssignments(USERS.admin, { expand: { target: true } }).filter((a) => a.target?.objectId === USERS.rob && a.state === 'delivered');
    for (const held of robs) engine.createRequest(USERS.admin, { requestType: 'adminRemove', assignment: { id: held.id } });
    engine.advance('P31D');
    expect(engine.toJSON().users[USERS.rob]).toBeUndefined();
  }
});
