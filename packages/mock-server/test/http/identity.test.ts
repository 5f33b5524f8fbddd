// Flow (h) over a real socket: who is calling. Missing, malformed and unknown-user tokens get 401 in Graph's error
// shape; refused calls (401, 403, 400, 404, 409) leave the whole state exactly as it was.
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/identity/base64url.ts';
import { EM, PACKAGES, POLICIES, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
const REQUESTS = `${EM}/assignmentRequests`;
const jwt = (payload: unknown) => [{ alg: 'none', typ: 'JWT' }, payload].map((part) => encodeBase64Url(JSON.stringify(part))).join('.') + '.x';

describe('identity over HTTP', () => {
  it.each([
    ['no Authorization header', undefined],
    ['an empty bearer', 'Bearer '],
    ['another scheme', `Basic ${Buffer.from('lee:secret').toString('base64')}`],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['segments that are not JSON', 'Bearer e30.%%%.x'],
    ['a payload without oid or preferred_username', `Bearer ${jwt({ name: 'Nobody' })}`],
    ['an oid the directory does not know', `Bearer ${jwt({ oid: '10000000-0000-4000-8000-999999999999' })}`],
    ['a UPN the directory does not know', `Bearer ${jwt({ preferred_username: 'ghost@contoso.com' })}`],
  ])('answers 401 InvalidAuthenticationToken for %s', async (_what, authorization) => {
    const http = graph();
    const error = await http.refused('GET', '/me', 401, 'InvalidAuthenticationToken', authorization === undefined ? {} : { authorization });
    // The credential is never echoed back in the error.
    const credential = authorization?.split(' ')[1] ?? '';
    if (credential.length > 8) expect(JSON.stringify(error)).not.toContain(credential);
  });

  it('knows the caller by oid or by preferred_username, and a token from POST /_mock/token works', async () => {
    const http = graph();
    expect((await http.ok('GET', '/me', 200, { authorization: `Bearer ${jwt({ preferred_username: 'Adele.Vance@contoso.com' })}` })).id).toBe(USERS.adele);
    const minted = await http.ok('POST', '/_mock/token', 200, { body: { userPrincipalName: 'miriam.graham@contoso.com' } });
    expect(minted).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await http.ok('GET', '/me', 200, { as: { token: minted.access_token } })).id).toBe(USERS.miriam);
    await http.refused('POST', '/_mock/token', 404, 'UnknownUser', { body: { userPrincipalName: 'ghost@contoso.com' } });
  });

  it('a refused call changes nothing: GET /_mock/state is the same before and after', async () => {
    const http = graph();
    const before = await http.state();
    const body = userAdd(PACKAGES.customerDataExport, POLICIES.customerDataExport);
    await http.refused('POST', REQUESTS, 401, 'InvalidAuthenticationToken', { body });
    await http.refused('POST', REQUESTS, 401, 'InvalidAuthenticationToken', { authorization: `Bearer ${jwt({ oid: 'nobody' })}`, body });
    await http.refused('POST', REQUESTS, 403, 'NewRequestsDisabled', { as: 'lynne', body: userAdd(PACKAGES.buildAgentsAdmin, POLICIES.buildAgentsAdmin) });
    await http.refused('POST', REQUESTS, 403, 'IncompatibleAccessPackage', {
      as: 'lynne',
      body: userAdd(PACKAGES.vendorPaymentsApprove, POLICIES.vendorPaymentsApprove, { justification: 'Both sides, please.' }),
    });
    await http.refused('POST', REQUESTS, 400, 'BadRequest', { as: 'lynne', body: '{"requestType": "userAdd",' });
    await http.refused('POST', `${REQUESTS}/00000000-0000-4000-8000-000000000000/cancel`, 404, 'ResourceNotFound', { as: 'lynne' });
    await http.refused('DELETE', `/users/${USERS.lynne}`, 403, 'Authorization_RequestDenied', { as: 'lee' });
    // A throttled call is refused before it reaches the domain.
    await http.ok('PUT', '/_mock/faults', 200, { body: { throttleEvery: 1, retryAfterSeconds: 7 } });
    const throttled = await http.call('POST', REQUESTS, { as: 'lynne', body });
    expect([throttled.status, throttled.body.error.code, throttled.headers.get('retry-after')]).toEqual([429, 'TooManyRequests', '7']);
    await http.ok('DELETE', '/_mock/faults', 204);
    expect(await http.state()).toEqual(before);
  });

  it('roles come from the directory, never from the token', async () => {
    const http = graph();
    const forged = `Bearer ${jwt({ oid: USERS.lynne, roles: ['Identity Governance Administrator'], wids: ['62e90394-69f5-4237-9190-012177145e10'] })}`;
    await http.refused('POST', `${EM}/catalogs`, 403, 'Authorization_RequestDenied', { authorization: forged, body: { displayName: 'Mine now' } });
    expect((await http.ok('POST', `${EM}/catalogs`, 201, { as: 'admin', body: { displayName: 'Admin catalog' } })).displayName).toBe('Admin catalog');
  });
});
