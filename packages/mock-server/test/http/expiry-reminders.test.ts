// Seed 003: "the user receives an email 14 days before, and then one day before, their access package assignment is
// set to expire. The email prompts the user to extend the assignment." Over a real socket with the mock clock: each
// reminder lands in the outbox naming the assignment and its access package (what an extend link needs), and says
// whether the policy lets the person extend.
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, USERS, useMockServer, type GraphHttp, type Person } from '../support/graph-http.ts';

const graph = useMockServer();
const DAY = 86_400_000;

async function activeOf(http: GraphHttp, who: Person, packageId: string) {
  const mine = await http.all(`${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage`, who);
  return mine.find((a) => a.accessPackage.id === packageId && a.state === 'delivered');
}
const setClock = (http: GraphHttp, ms: number) => http.ok('POST', '/_mock/clock', 200, { body: { now: new Date(ms).toISOString() } });
const remindersOf = async (http: GraphHttp, assignmentId: string) => (await http.outbox()).filter((n) => n.kind === 'expiring' && n.assignmentId === assignmentId);

describe('expiry reminders in the outbox', () => {
  it('14 days and 1 day before the end, naming the assignment and package, prompting an extension the policy allows', async () => {
    const http = graph();
    const alexs = await activeOf(http, 'alex', PACKAGES.marketingCampaigns);
    const end = Date.parse(alexs.schedule.expiration.endDateTime);

    await setClock(http, end - 14 * DAY - 1000);
    expect(await remindersOf(http, alexs.id)).toEqual([]);
    await setClock(http, end - 14 * DAY);
    const [first] = await remindersOf(http, alexs.id);
    expect(first).toMatchObject({
      kind: 'expiring',
      to: [USERS.alex],
      assignmentId: alexs.id,
      accessPackageId: PACKAGES.marketingCampaigns,
      daysBeforeExpiry: 14,
      canExtend: true,
      at: new Date(end - 14 * DAY).toISOString().replace(/\.000Z$/, 'Z'),
    });
    expect(first.subject).toContain('Marketing Campaigns');
    // What the link leads to: the assignment, readable by the person the email went to.
    expect(await http.ok('GET', `${EM}/assignments/${first.assignmentId}?$expand=accessPackage`, 200, { as: 'alex' })).toMatchObject({
      id: alexs.id,
      accessPackage: { id: first.accessPackageId },
    });

    await setClock(http, end - DAY);
    expect((await remindersOf(http, alexs.id)).map((n) => n.daysBeforeExpiry)).toEqual([14, 1]);
    expect((await http.ok('GET', `${EM}/assignments/${alexs.id}`, 200, { as: 'alex' })).status).toBe('NearExpiry1DayNotificationTriggered');
    await setClock(http, end);
    expect((await http.ok('GET', `${EM}/assignments/${alexs.id}`, 200, { as: 'alex' })).state).toBe('expired');
    expect(await remindersOf(http, alexs.id)).toHaveLength(2);
  });

  it('says when the policy does not let the person extend', async () => {
    const http = graph();
    const henriettas = await activeOf(http, 'henrietta', PACKAGES.developerTools);
    await setClock(http, Date.parse(henriettas.schedule.expiration.endDateTime) - 14 * DAY);
    expect(await remindersOf(http, henriettas.id)).toMatchObject([{ daysBeforeExpiry: 14, canExtend: false, accessPackageId: PACKAGES.developerTools }]);
  });

  it('other emails about a request or an assignment name its package too', async () => {
    const http = graph();
    const adeles = await activeOf(http, 'adele', PACKAGES.salesPipeline);
    await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: { requestType: 'userRemove', assignment: { id: adeles.id } } });
    await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'alex', body: { requestType: 'userAdd', assignment: { accessPackageId: PACKAGES.customerDataExport, assignmentPolicyId: POLICIES.customerDataExport } } });
    await http.server.engine.whenIdle();
    const outbox = await http.outbox();
    expect(outbox.map((n) => [n.kind, n.accessPackageId])).toEqual(expect.arrayContaining([['removed', PACKAGES.salesPipeline], ['approverAsked', PACKAGES.customerDataExport]]));
    for (const n of outbox.filter((n) => n.requestId || n.assignmentId)) expect(n.accessPackageId, JSON.stringify(n)).toEqual(expect.any(String));
  });
});
