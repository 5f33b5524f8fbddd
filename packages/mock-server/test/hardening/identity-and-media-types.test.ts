// Who may call, and what a body must say it is, over real loopback HTTP. Entra signs no one in to a disabled
// account, so its tokens (minted before or after) get 401 and /_mock/token refuses it; a disabled approver can no
// longer decide. JSON bodies must be sent as application/json: a page on another site can send text/plain (a
// "simple" request, no CORS preflight), so accepting it would let any web page move a developer's mock clock.
import { expect, it } from 'vitest';
import { ADELE_CAMPAIGN_REQUEST, ADELE_CAMPAIGN_STAGE } from '../support/sweep-operations.ts';
import { EM, USERS, send, stateHash, tokenOf, urlOf, withServer } from '../support/hardening-http.ts';
import type { MockServer } from '../../src/server/index.ts';

async function disable(server: MockServer, userId: string): Promise<void> {
  const answer = await send(server, { method: 'PATCH', path: `/users/${userId}`, token: tokenOf('admin'), body: { accountEnabled: false } });
  expect(answer.status).toBe(204);
}

it('gives a disabled account 401 for a token minted before, and refuses to mint a new one', async () => {
  await withServer(async (server) => {
    const token = tokenOf('adele');
    expect((await send(server, { method: 'GET', path: '/me', token })).status).toBe(200);
    await disable(server, USERS.adele);
    const me = await send(server, { method: 'GET', path: '/me', token });
    expect([me.status, me.json.error.code]).toEqual([401, 'InvalidAuthenticationToken']);
    const minted = await send(server, { method: 'POST', path: '/_mock/token', body: { userPrincipalName: 'adele.vance@contoso.com' } });
    expect([minted.status, minted.json.error.code]).toEqual([401, 'AccountDisabled']);
    const byId = await send(server, { method: 'POST', path: '/_mock/token', body: { userPrincipalName: USERS.adele } });
    expect(byId.status).toBe(401);
  });
});

it('lets a disabled approver decide nothing: 401, and the stage stays open', async () => {
  await withServer(async (server) => {
    await disable(server, USERS.lee);
    const hash = stateHash(server);
    const stage = `${EM}/accessPackageAssignmentApprovals/${ADELE_CAMPAIGN_REQUEST}/stages/${ADELE_CAMPAIGN_STAGE}`;
    const decision = await send(server, { method: 'PATCH', path: stage, token: tokenOf('lee'), body: { reviewResult: 'Approve', justification: 'ok' } });
    expect(decision.status).toBe(401);
    expect(stateHash(server)).toBe(hash);
  });
});

/** A raw call with this exact Content-Type (or none). */
async function post(server: MockServer, path: string, body: string, contentType: string | null, token?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(urlOf(server, path), { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
}

it('refuses a JSON body not sent as application/json with 415, on control, Graph and $batch routes, changing nothing', async () => {
  await withServer(async (server) => {
    const hash = stateHash(server);
    const admin = tokenOf('admin');
    const calls: Array<[string, string, string | undefined]> = [
      ['/_mock/clock', '{"advance":"P30D"}', undefined],
      ['/_mock/reset', '{"seed":"empty"}', undefined],
      ['/_mock/token', '{"userPrincipalName":"admin@contoso.com"}', undefined],
      [`${EM}/catalogs`, '{"displayName":"Cross-site"}', admin],
      ['/$batch', '{"requests":[{"id":"1","method":"GET","url":"/me"}]}', admin],
    ];
    for (const [path, body, token] of calls) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
        const answer = await post(server, path, body, type, token);
        expect(answer.status, `${path} as ${type}`).toBe(415);
        expect((await answer.json()).error.code).toBe('UnsupportedMediaType');
      }
    }
    expect(stateHash(server)).toBe(hash);
    // application/json with parameters is JSON.
    expect((await post(server, '/_mock/clock', '{"advance":"PT1H"}', 'application/json; charset=utf-8')).status).toBe(200);
  });
});

it('refuses a $batch item body declared as something other than JSON, for that item', async () => {
  await withServer(async (server) => {
    const item = { id: '1', method: 'POST', url: '/identityGovernance/entitlementManagement/catalogs', headers: { 'content-type': 'text/plain' }, body: { displayName: 'x' } };
    const answer = await send(server, { method: 'POST', path: '/$batch', token: tokenOf('admin'), body: { requests: [item] } });
    expect(answer.json.responses[0].status).toBe(415);
  });
});
