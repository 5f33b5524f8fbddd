// The update verbs send Graph's documented update request: requestType userUpdate (adminUpdate for the admin verb),
// the assignment by id, a new end date as an afterDateTime expiration.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../src/admin.ts';
import { createAssignmentUpdates } from '../src/assignment-updates.ts';
import { createClient } from '../src/index.ts';
import { BASE, EM_PATH as EM, useGraphServer } from './support/server.ts';

const { server } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 't', batching: false });
const updates = createAssignmentUpdates(sdk);
let sent: { method: string; path: string; body?: unknown }[] = [];

beforeEach(() => {
  sent = [];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      sent.push({ method: request.method, path: decodeURIComponent(request.url.slice(BASE.length)), ...(text && { body: JSON.parse(text) }) });
      if (/\/reprocess$/.test(request.url)) return new HttpResponse(null, { status: 202 });
      return HttpResponse.json({ id: 'answer', value: [] }, { status: request.method === 'POST' ? 201 : 200 });
    }),
  );
});

const answer = { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'v', answeredQuestion: { id: 'q' } } as const;

describe('assignment update verbs', () => {
  it('extendAssignment: userUpdate with the new end date, answers and justification', async () => {
    await updates.extendAssignment('a1', { endDateTime: new Date('2027-01-31T17:00:00Z'), answers: [answer], justification: 'More time.' });
    expect(sent).toEqual([{
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      body: {
        requestType: 'userUpdate',
        assignment: { id: 'a1' },
        schedule: { expiration: { type: 'afterDateTime', endDateTime: '2027-01-31T17:00:00.000Z' } },
        answers: [answer],
        justification: 'More time.',
      },
    }]);
  });

  it('extendAssignment: a schedule as Graph takes it wins over endDateTime; nothing else is sent unasked', async () => {
    await updates.extendAssignment('a1', { schedule: { expiration: { type: 'afterDuration', duration: 'P30D' } }, endDateTime: '2027-01-01T00:00:00Z' });
    await updates.extendAssignment('a2');
    expect(sent.map((s) => s.body)).toEqual([
      { requestType: 'userUpdate', assignment: { id: 'a1' }, schedule: { expiration: { type: 'afterDuration', duration: 'P30D' } } },
      { requestType: 'userUpdate', assignment: { id: 'a2' } },
    ]);
  });

  it('updateAssignment (admin): adminUpdate', async () => {
    await createAdmin(sdk).updateAssignment('a1', { endDateTime: '2027-02-01T00:00:00Z' });
    expect(sent[0].body).toEqual({ requestType: 'adminUpdate', assignment: { id: 'a1' }, schedule: { expiration: { type: 'afterDateTime', endDateTime: '2027-02-01T00:00:00Z' } } });
  });

  it('getAssignment: the assignment with its package, policy and target', async () => {
    await updates.getAssignment('a1');
    expect(sent).toEqual([{ method: 'GET', path: `${EM}/assignments/a1?$expand=accessPackage,assignmentPolicy,target` }]);
  });

  it('reprocessRequest / reprocessAssignment (admin): POST .../reprocess without a body, 202 taken as success', async () => {
    const admin = createAdmin(sdk);
    await expect(admin.reprocessRequest('r1')).resolves.toBeUndefined();
    await expect(admin.reprocessAssignment('a1')).resolves.toBeUndefined();
    expect(sent).toEqual([
      { method: 'POST', path: `${EM}/assignmentRequests/r1/reprocess` },
      { method: 'POST', path: `${EM}/assignments/a1/reprocess` },
    ]);
  });

  it('listAdditionalAccess (admin): the function with both package ids, and $expand when asked', async () => {
    await createAdmin(sdk).listAdditionalAccess('p1', 'p2', { expand: ['target'], top: 5 }).toArray();
    expect(sent).toEqual([{ method: 'GET', path: `${EM}/assignments/additionalAccess(accessPackageId='p1',incompatibleAccessPackageId='p2')?$top=5&$expand=target` }]);
  });
});
