// The request lifecycle over a real socket (both adapters: MOCK_ADAPTER=msw runs it on the msw handlers the browser
// worker uses). Graph answers a new request submitted / Accepted (201) and processes it afterwards; the mock
// processes it as an event due at its creation instant, run before it answers the next call.
import { createClient } from '@entitlement-kit/sdk';
import { describe, expect, it } from 'vitest';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, tokenFor, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
const REQUESTS = `${EM}/assignmentRequests`;
const campaign = (extra: Record<string, unknown> = {}) =>
  userAdd(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, {
    targetId: USERS.lynne,
    justification: 'Spring campaign',
    answers: [answerString(QUESTIONS.campaignCode, 'MKT-4242')],
    ...extra,
  });

describe('a created request is submitted first and processed before the next answer', () => {
  it('answers 201 submitted / Accepted; the next call, of any kind, sees it pending approval', async () => {
    const http = graph();
    const created = await http.ok('POST', REQUESTS, 201, { as: 'lee', body: campaign() });
    expect(created).toMatchObject({ state: 'submitted', status: 'Accepted', completedDateTime: null });
    // Not yet routed: no approver has it in their list until the processing ran, which the list call itself triggers.
    const diegos = await http.ok('GET', `${REQUESTS}/filterByCurrentUser(on='approver')`, 200, { as: 'diego' });
    expect(diegos.value.map((r: { id: string }) => r.id)).toContain(created.id);
    const read = await http.ok('GET', `${REQUESTS}/${created.id}`, 200, { as: 'lee' });
    expect(read).toMatchObject({ state: 'pendingApproval', status: 'PendingApproval', createdDateTime: created.createdDateTime });
  });

  it('a removal answers submitted too and is delivered by the next call', async () => {
    const http = graph();
    const [held] = await http.all(`${EM}/assignments/filterByCurrentUser(on='target')?$filter=accessPackage/id eq '${PACKAGES.salesPipeline}'`, 'adele');
    const removal = await http.ok('POST', REQUESTS, 201, { as: 'admin', body: { requestType: 'adminRemove', assignment: { id: held.id } } });
    expect(removal).toMatchObject({ requestType: 'adminRemove', state: 'submitted', status: 'Accepted' });
    expect((await http.ok('GET', `${EM}/assignments/${held.id}`, 200, { as: 'admin' })).state).toBe('expired');
    expect((await http.ok('GET', `${REQUESTS}/${removal.id}`, 200, { as: 'admin' })).state).toBe('delivered');
  });

  it('is processed at its creation instant even when the next call moves the clock', async () => {
    const http = graph();
    const created = await http.ok('POST', REQUESTS, 201, { as: 'lee', body: campaign() });
    await http.advance('P30D'); // past the stage's time-out: processed first, then timed out at its own deadline
    const read = await http.ok('GET', `${REQUESTS}/${created.id}`, 200, { as: 'lee' });
    expect(read).toMatchObject({ state: 'denied', status: 'TimedOut' });
    expect(Date.parse(read.completedDateTime)).toBeLessThan(Date.parse((await http.ok('GET', '/_mock/clock', 200)).now));
  });

  it('a second request while the first is still submitted is refused as a duplicate', async () => {
    const http = graph();
    const created = await http.ok('POST', REQUESTS, 201, { as: 'lee', body: campaign() });
    await http.refused('POST', REQUESTS, 409, 'ExistingOpenRequest', { as: 'lee', body: campaign() });
    const before = await http.call('GET', '/_mock/state');
    await http.refused('POST', REQUESTS, 409, 'ExistingOpenRequest', { as: 'lee', body: campaign() });
    expect(JSON.stringify((await http.call('GET', '/_mock/state')).body)).toBe(JSON.stringify(before.body));
    expect((await http.ok('GET', `${REQUESTS}/${created.id}`, 200, { as: 'lee' })).state).toBe('pendingApproval');
  });

  it("the SDK's waitForRequest follows it from submitted to its settled state", async () => {
    const http = graph();
    const client = createClient({ baseUrl: http.server.graphUrl, getAccessToken: () => tokenFor('lee'), batching: false });
    const created = await client.requestAccessFor(USERS.lynne, {
      accessPackageId: PACKAGES.marketingCampaigns,
      assignmentPolicyId: POLICIES.marketingCampaigns,
      justification: 'Spring campaign',
      answers: [answerString(QUESTIONS.campaignCode, 'MKT-4242')],
    });
    expect(created.state).toBe('submitted');
    const settled = await client.waitForRequest(created, { firstDelayMs: 1 });
    expect(settled).toMatchObject({ id: created.id, state: 'pendingApproval', accessPackage: { id: PACKAGES.marketingCampaigns } });
  });
});
