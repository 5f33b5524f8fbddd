// The browser mock runs its handlers in the page that embeds it (MSW's service worker only forwards requests), so a
// mock that wrote through `__proto__` would pollute the host page's Object.prototype. Here, in real Chromium behind
// the worker: the calls of the Node sweep that once wrote onto Object.prototype or answered from it, then a check
// that Object.prototype is exactly as it was and that the mock answered each with a 4xx.
import { expect } from '@open-wc/testing';
import { mintToken } from '../../src/identity/token.ts';
import { startBrowserMock, type BrowserMock } from '../../src/msw/browser.ts';
import { CATALOGS, USERS } from '../../src/seed/ids.ts';

const GRAPH = `${location.origin}/v1.0`;
const EM = `${GRAPH}/identityGovernance/entitlementManagement`;
const NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

function prototypeSnapshot(): Array<[string, unknown[]]> {
  return Reflect.ownKeys(Object.prototype).map((key) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key)!;
    return [String(key), [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]];
  });
}

describe('the browser mock with prototype-member names', () => {
  let mock: BrowserMock;
  const admin = mintToken({ id: USERS.admin, userPrincipalName: 'admin@contoso.com' });

  before(async () => {
    mock = await startBrowserMock({ quiet: true });
  });
  after(() => mock.stop());

  const call = (method: string, url: string, body?: string, token: string | null = admin) =>
    fetch(url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });

  it('leaves Object.prototype untouched and answers every such call with a 4xx', async () => {
    const before = prototypeSnapshot();
    const statuses: string[] = [];
    for (const name of NAMES) {
      const id = encodeURIComponent(name);
      const calls: Array<[string, string, string?, (string | null)?]> = [
        ['PATCH', `${EM}/catalogs/${id}`, '{"displayName":"X"}'],
        ['PATCH', `/v1.0/users/${id}`, '{"displayName":"X"}'],
        ['DELETE', `${EM}/accessPackages/${id}`],
        ['GET', `${EM}/assignmentRequests/filterByCurrentUser(on='${id}')`],
        ['GET', `${EM}/assignments/filterByCurrentUser(on='${id}')`],
        ['GET', `${EM}/catalogs/${CATALOGS.salesMarketing}?$select=${id}`],
        ['POST', `${EM}/catalogs`, `{${JSON.stringify(name)}:{"displayName":"X"},"displayName":"Polluter"}`],
        ['PATCH', `${EM}/catalogs/${CATALOGS.salesMarketing}`, `{"description":"x",${JSON.stringify(name)}:{"displayName":"X"}}`],
      ];
      for (const [method, url, body] of calls) {
        const response = await call(method, url.startsWith('/') ? `${location.origin}${url}` : url, body);
        if (response.status < 400 || response.status >= 500) statuses.push(`${method} ${url} -> ${response.status}`);
      }
      const forged = [btoa('{"alg":"none"}'), btoa(JSON.stringify({ oid: name })).replace(/=+$/, ''), 'x'].join('.');
      const me = await call('GET', `${GRAPH}/me`, undefined, forged);
      if (me.status !== 401) statuses.push(`GET /me as oid ${name} -> ${me.status}`);
    }
    // Seed names last: a reset that once broke the clock would otherwise hide what the other calls do.
    for (const name of NAMES) {
      const reset = await call('POST', `${location.origin}/_mock/reset`, JSON.stringify({ seed: name }));
      if (reset.status !== 400) statuses.push(`POST /_mock/reset seed ${name} -> ${reset.status}`);
    }
    expect(prototypeSnapshot()).to.deep.equal(before);
    expect(({} as Record<string, unknown>).displayName).to.equal(undefined);
    expect(statuses).to.deep.equal([]);
    // The mock still works: the reset with a real seed goes through.
    expect((await call('POST', `${location.origin}/_mock/reset`, '{"seed":"contoso"}')).status).to.equal(204);
  });
});
