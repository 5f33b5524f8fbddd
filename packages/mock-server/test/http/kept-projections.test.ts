// Pages are served from projections kept between reads (core/projection-cache.ts) and their kept bytes
// (http/json-text.ts). Over a real socket, on both adapters: every read after a write shows the write, a refused
// write leaves the page as it was, and a page of non-ASCII text arrives as the same UTF-8.
import { describe, expect, it } from 'vitest';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
const REQUESTS = `${EM}/assignmentRequests`;
const describedAs = (page: { value: { id: string; description: string }[] }, id: string) => page.value.find((p) => p.id === id)?.description;

describe('pages of kept projections', () => {
  it('show a package edit on the next read of every page that lists it, and nothing of a refused edit', async () => {
    const http = graph();
    const page = `${EM}/accessPackages?$top=50`;
    const requestable = `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
    const before = await http.ok('GET', page, 200, { as: 'admin' });
    const [first] = (await http.ok('GET', requestable, 200, { as: 'megan' })).value;
    const edited = first.id as string;

    await http.ok('PATCH', `${EM}/accessPackages/${edited}`, 204, { as: 'admin', body: { description: 'Geändert ✓ 日本' } });
    const after = await http.ok('GET', page, 200, { as: 'admin' });
    expect(describedAs(after, edited)).toBe('Geändert ✓ 日本');
    expect(describedAs(await http.ok('GET', requestable, 200, { as: 'megan' }), edited)).toBe('Geändert ✓ 日本');
    expect(after.value.filter((p: { id: string }) => p.id !== edited)).toEqual(before.value.filter((p: { id: string }) => p.id !== edited));

    await http.refused('PATCH', `${EM}/accessPackages/${edited}`, 400, 'BadRequest', { as: 'admin', body: { description: 'Never', notAProperty: 1 } });
    expect(await http.ok('GET', page, 200, { as: 'admin' })).toEqual(after);
  });

  it('show a request moving through its states on the lists that hold it', async () => {
    const http = graph();
    const body = userAdd(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, {
      targetId: USERS.lynne,
      justification: 'Spring campaign',
      answers: [answerString(QUESTIONS.campaignCode, 'MKT-4242')],
    });
    const created = await http.ok('POST', REQUESTS, 201, { as: 'lee', body });
    const stateIn = async (path: string, as: 'admin' | 'lee') =>
      (await http.all(path, as)).find((r: { id: string }) => r.id === created.id)?.state as string | undefined;
    expect(await stateIn(`${REQUESTS}?$top=5`, 'admin')).toBe('pendingApproval');
    expect(await stateIn(`${REQUESTS}/filterByCurrentUser(on='createdBy')`, 'lee')).toBe('pendingApproval');

    await http.ok('POST', `${REQUESTS}/${created.id}/cancel`, 204, { as: 'lee' });
    expect(await stateIn(`${REQUESTS}?$top=5`, 'admin')).toBe('canceled');
    expect(await stateIn(`${REQUESTS}/filterByCurrentUser(on='createdBy')`, 'lee')).toBe('canceled');
  });
});
