// entitlementManagementSettings and accessPackageSubjects over a real socket: read and update them as an
// administrator, and the settings' externalUserLifecycleAction applied when a governed guest loses their last
// assignment: blocked at once, deleted after durationUntilExternalUserDeletedAfterBlocked.
import { describe, expect, it } from 'vitest';
import { EM, USERS, useMockServer, type GraphHttp } from '../support/graph-http.ts';
import { ORGANIZATIONS } from '../../src/seed/ids.ts';

const graph = useMockServer();
const SETTINGS = `${EM}/settings`;
const subject = (objectId: string) => `${EM}/subjects(objectId='${objectId}')`;

/** Ends every active assignment of Rob Young, the contoso seed's guest from Fabrikam. */
async function removeRobsAccess(http: GraphHttp): Promise<void> {
  const filter = encodeURIComponent(`target/objectId eq '${USERS.rob}' and state eq 'delivered'`);
  const { value } = await http.ok('GET', `${EM}/assignments?$filter=${filter}`, 200, { as: 'admin' });
  expect(value.length).toBeGreaterThan(0);
  for (const { id } of value) {
    await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'admin', body: { requestType: 'adminRemove', assignment: { id } } });
  }
}

const robSignsIn = async (http: GraphHttp) => (await http.call('GET', '/me', { as: 'rob' })).status;

describe('entitlementManagementSettings', () => {
  it('reads Graph\'s defaults, updates one property at a time, refuses bad values and non-administrators', async () => {
    const http = graph();
    expect(await http.ok('GET', SETTINGS, 200, { as: 'admin' })).toMatchObject({
      id: 'singleton', externalUserLifecycleAction: 'blockSignInAndDelete', durationUntilExternalUserDeletedAfterBlocked: 'P30D',
    });
    await http.refused('GET', SETTINGS, 403, 'Authorization_RequestDenied', { as: 'lee' });
    await http.refused('PATCH', SETTINGS, 403, 'Authorization_RequestDenied', { as: 'lee', body: { externalUserLifecycleAction: 'none' } });

    expect((await http.call('PATCH', SETTINGS, { as: 'admin', body: { durationUntilExternalUserDeletedAfterBlocked: 'P4D' } })).status).toBe(204);
    expect((await http.call('PATCH', SETTINGS, { as: 'admin', body: { externalUserLifecycleAction: 'blockSignIn' } })).status).toBe(204);
    expect(await http.ok('GET', SETTINGS, 200, { as: 'admin' })).toMatchObject({ externalUserLifecycleAction: 'blockSignIn', durationUntilExternalUserDeletedAfterBlocked: 'P4D' });

    const before = await http.ok('GET', '/_mock/state', 200);
    await http.refused('PATCH', SETTINGS, 400, 'InvalidProperty', { as: 'admin', body: { externalUserLifecycleAction: 'unknownFutureValue' } });
    await http.refused('PATCH', SETTINGS, 400, 'InvalidProperty', { as: 'admin', body: { externalUserLifecycleAction: 'none', durationUntilExternalUserDeletedAfterBlocked: 'four days' } });
    await http.refused('PATCH', SETTINGS, 400, 'BadRequest', { as: 'admin', body: { id: 'other' } });
    expect(await http.ok('GET', '/_mock/state', 200)).toEqual(before);
  });

  it('blocks a governed guest\'s sign-in when their last assignment ends, unless the action is none or the guest is not governed', async () => {
    let http = graph();
    expect(await robSignsIn(http)).toBe(200);
    await removeRobsAccess(http);
    expect(await robSignsIn(http)).toBe(401);
    expect((await http.ok('GET', `/users/${USERS.rob}?$select=accountEnabled`, 200, { as: 'admin' })).accountEnabled).toBe(false);

    await http.ok('POST', '/_mock/reset', 204);
    http = graph();
    await http.call('PATCH', SETTINGS, { as: 'admin', body: { externalUserLifecycleAction: 'none' } });
    await removeRobsAccess(http);
    expect(await robSignsIn(http)).toBe(200);

    await http.ok('POST', '/_mock/reset', 204);
    await http.call('PATCH', subject(USERS.rob), { as: 'admin', body: { subjectLifecycle: 'notGoverned' } });
    await removeRobsAccess(http);
    expect(await robSignsIn(http)).toBe(200);
  });
});

describe('a blocked guest\'s deletion (blockSignInAndDelete)', () => {
  const advance = (http: GraphHttp, by: string) => http.ok('POST', '/_mock/clock', 200, { body: { advance: by } });
  const robIs = async (http: GraphHttp) => (await http.call('GET', `/users/${USERS.rob}?$select=accountEnabled`, { as: 'admin' })).status;

  it('deletes the guest durationUntilExternalUserDeletedAfterBlocked after the block (P30D by default, then P4D)', async () => {
    let http = graph();
    await removeRobsAccess(http);
    expect(await robSignsIn(http)).toBe(401);
    await advance(http, 'P29D');
    expect(await robIs(http)).toBe(200);
    await advance(http, 'P1D');
    expect(await robIs(http)).toBe(404);
    // Kept among the deleted users (Graph's deleted items), gone from every relation.
    const state = await http.ok('GET', '/_mock/state', 200);
    expect(state.deletedUsers[USERS.rob]).toMatchObject({ id: USERS.rob, deletedDateTime: expect.any(String) });
    expect(state.guestRemovals).toEqual({});

    await http.ok('POST', '/_mock/reset', 204);
    http = graph();
    await http.call('PATCH', SETTINGS, { as: 'admin', body: { durationUntilExternalUserDeletedAfterBlocked: 'P4D' } });
    await removeRobsAccess(http);
    await advance(http, 'P3D');
    expect(await robIs(http)).toBe(200);
    await advance(http, 'P1D');
    expect(await robIs(http)).toBe(404);
  });

  it('keeps the account when the action is blockSignIn, or when an administrator unblocks it or changes the action first', async () => {
    let http = graph();
    await http.call('PATCH', SETTINGS, { as: 'admin', body: { externalUserLifecycleAction: 'blockSignIn' } });
    await removeRobsAccess(http);
    await advance(http, 'P60D');
    expect(await robIs(http)).toBe(200);
    expect(await robSignsIn(http)).toBe(401);

    await http.ok('POST', '/_mock/reset', 204);
    http = graph();
    await removeRobsAccess(http);
    expect((await http.call('PATCH', `/users/${USERS.rob}`, { as: 'admin', body: { accountEnabled: true } })).status).toBe(204);
    await advance(http, 'P31D');
    expect(await robIs(http)).toBe(200);
    expect(await robSignsIn(http)).toBe(200);

    await http.ok('POST', '/_mock/reset', 204);
    http = graph();
    await removeRobsAccess(http);
    await http.call('PATCH', SETTINGS, { as: 'admin', body: { externalUserLifecycleAction: 'none' } });
    await advance(http, 'P31D');
    expect(await robIs(http)).toBe(200);
  });
});

describe('accessPackageSubjects', () => {
  it('reads a subject by object id or by id, with its lifecycle and connected organization', async () => {
    const http = graph();
    const rob = await http.ok('GET', subject(USERS.rob), 200, { as: 'admin' });
    expect(rob).toMatchObject({ id: USERS.rob, objectId: USERS.rob, subjectType: 'user', subjectLifecycle: 'governed', onPremisesSecurityIdentifier: null, displayName: 'Rob Young (Fabrikam)' });
    expect(await http.ok('GET', `${EM}/subjects/${USERS.rob}`, 200, { as: 'admin' })).toEqual(rob);
    expect((await http.ok('GET', `${subject(USERS.rob)}?$expand=connectedOrganization`, 200, { as: 'admin' })).connectedOrganization)
      .toMatchObject({ id: ORGANIZATIONS.fabrikam, displayName: 'Fabrikam' });
    expect((await http.ok('GET', subject(USERS.adele), 200, { as: 'admin' })).subjectLifecycle).toBe('notDefined');
    await http.refused('GET', subject('dead0000-0000-4000-8000-00000000beef'), 404, 'ResourceNotFound', { as: 'admin' });
    await http.refused('GET', subject(USERS.rob), 403, 'Authorization_RequestDenied', { as: 'lee' });
    await http.refused('GET', `${subject(USERS.rob)}?$expand=catalog`, 400, 'BadRequest', { as: 'admin' });
  });

  it('updates a guest\'s subjectLifecycle, refusing members, bad values and other properties', async () => {
    const http = graph();
    expect((await http.call('PATCH', subject(USERS.rob), { as: 'admin', body: { subjectLifecycle: 'notGoverned' } })).status).toBe(204);
    expect((await http.ok('GET', subject(USERS.rob), 200, { as: 'admin' })).subjectLifecycle).toBe('notGoverned');
    const before = await http.ok('GET', '/_mock/state', 200);
    await http.refused('PATCH', subject(USERS.adele), 400, 'SubjectNotExternal', { as: 'admin', body: { subjectLifecycle: 'governed' } });
    await http.refused('PATCH', subject(USERS.rob), 400, 'InvalidProperty', { as: 'admin', body: { subjectLifecycle: 'unknownFutureValue' } });
    await http.refused('PATCH', subject(USERS.rob), 400, 'BadRequest', { as: 'admin', body: { displayName: 'Robert' } });
    await http.refused('PATCH', subject(USERS.rob), 403, 'Authorization_RequestDenied', { as: 'lee', body: { subjectLifecycle: 'governed' } });
    expect(await http.ok('GET', '/_mock/state', 200)).toEqual(before);
  });
});
