// The SDK in real Chromium, against MSW's service worker: a paged list and a batched pair.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createClient } from '../../src/index.ts';
import type { BatchRequestBody } from '../../src/index.ts';
import { at, batchHandler } from '../support/graph-handlers.ts';

// Same origin as the test page, so the worker answers without any cross-origin rules in the way.
const BASE = new URL('/graph-test/v1.0', location.origin).href;
const REQUESTABLE = "/identityGovernance/entitlementManagement/accessPackages/filterByCurrentUser(on='allowedRequestor')";

const batches: BatchRequestBody[] = [];
const authorizations: (string | null)[] = [];
const worker = setupWorker(
  http.get(at(BASE, REQUESTABLE), ({ request }) => {
    authorizations.push(request.headers.get('authorization'));
    const skip = Number(new URL(request.url).searchParams.get('$skiptoken') ?? 0);
    const value = [{ id: `p${skip + 1}`, displayName: `Package ${skip + 1}` }];
    return HttpResponse.json(skip < 2 ? { value, '@odata.nextLink': `${BASE}${REQUESTABLE}?$skiptoken=${skip + 1}` } : { value });
  }),
  http.get(`${BASE}/me`, () => HttpResponse.json({ id: 'me', displayName: 'Miriam Graham' })),
  http.get(`${BASE}/me/directReports`, () => HttpResponse.json({ value: [{ id: 'r1', displayName: 'Adele Vance' }] })),
  batchHandler(BASE, () => worker.listHandlers(), (body) => batches.push(body)),
);

describe('SDK in the browser', () => {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  });
  after(() => worker.stop());

  it('pages through a list along @odata.nextLink with a token on every call', async () => {
    const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 'browser-token' });
    const names: string[] = [];
    for await (const item of sdk.listRequestablePackages()) names.push(item.displayName ?? '');
    expect(names).to.deep.equal(['Package 1', 'Package 2', 'Package 3']);
    expect(authorizations).to.deep.equal(['Bearer browser-token', 'Bearer browser-token', 'Bearer browser-token']);
  });

  it('sends two calls of one tick as one $batch', async () => {
    const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 'browser-token' });
    const [me, reports] = await Promise.all([sdk.getMe(), sdk.listDirectReports().toArray()]);
    expect(me.displayName).to.equal('Miriam Graham');
    expect(reports.map((r) => r.displayName)).to.deep.equal(['Adele Vance']);
    expect(batches).to.have.length(1);
    expect(batches[0].requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
      'GET /me',
      'GET /me/directReports?$select=id,displayName,mail,userPrincipalName,jobTitle,department',
    ]);
  });
});
