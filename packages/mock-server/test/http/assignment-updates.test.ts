// userUpdate and adminUpdate over a real socket (issue 12; the "Extend" of issue 16): who may extend an assignment,
// the bounds of the new end date, and approval for updates. Every refusal is a Graph error and changes nothing.
import { describe, expect, it } from 'vitest';
import { answerString, EM, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, type GraphHttp, type Person } from '../support/graph-http.ts';

const graph = useMockServer();
const DAY = 86_400_000;

/** The caller's (or, for a manager, a report's) active assignment of a package. */
async function assignmentOf(http: GraphHttp, who: Person, packageId: string) {
  const mine = await http.all(`${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage`, who);
  const found = mine.find((a) => a.accessPackage.id === packageId && a.state === 'delivered');
  expect(found, `${who} has ${packageId}`).toBeDefined();
  return found;
}

const endingOn = (endDateTime: string) => ({ expiration: { type: 'afterDateTime', endDateTime } });
const update = (assignmentId: string, extra: Record<string, unknown> = {}) => ({ requestType: 'userUpdate', assignment: { id: assignmentId }, ...extra });
const at = (http: GraphHttp, ms: number) => new Date(Date.parse(http.server.engine.now()) + ms).toISOString().replace(/\.000Z$/, 'Z');

/** A request once it has left `submitted` (creation may answer before processing). */
async function settled(http: GraphHttp, id: string, as: Person) {
  await http.server.engine.whenIdle();
  return http.ok('GET', `${EM}/assignmentRequests/${id}?$expand=assignment`, 200, { as });
}

/** Refused with this status and code, and nothing changed. */
async function refusedUnchanged(http: GraphHttp, as: Person, body: unknown, status: number, code: string) {
  const before = await http.state();
  await http.refused('POST', `${EM}/assignmentRequests`, status, code, { as, body });
  expect(await http.state()).toEqual(before);
}

describe('who may extend an assignment', () => {
  it('the target where the policy enables self update: same assignment id, new end, in the request history', async () => {
    const http = graph();
    const before = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    const newEnd = at(http, 170 * DAY);
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: update(before.id, { schedule: endingOn(newEnd) }) });
    expect(created).toMatchObject({ requestType: 'userUpdate', schedule: { expiration: { type: 'afterDateTime', endDateTime: newEnd } } });

    const done = await settled(http, created.id, 'adele');
    expect(done).toMatchObject({ state: 'delivered', assignment: { id: before.id, state: 'delivered' } });
    const after = await http.ok('GET', `${EM}/assignments/${before.id}`, 200, { as: 'adele' });
    expect(after.schedule.expiration.endDateTime).toBe(newEnd);
    expect(after.schedule.startDateTime).toBe(before.schedule.startDateTime);
    // The earlier answers go with the update unchanged.
    expect(done.answers.map((a: any) => [a.answeredQuestion.id, a.value])).toEqual([[QUESTIONS.region, 'EMEA']]);

    const history = await http.all(`${EM}/assignmentRequests/filterByCurrentUser(on='target')`, 'adele');
    expect(history.filter((r) => r.requestType === 'userUpdate').map((r) => r.id)).toEqual([created.id]);
    expect((await http.outbox()).at(-1)).toMatchObject({ kind: 'updated', to: [USERS.adele], assignmentId: before.id, requestId: created.id });
  });

  it('a manager on behalf where the policy enables on-behalf update and names them; userUpdate by target and package as the page describes', async () => {
    const http = graph();
    const adeles = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    const newEnd = at(http, 100 * DAY);
    const body = {
      requestType: 'userUpdate',
      assignment: { targetId: USERS.adele, accessPackageId: PACKAGES.salesPipeline, assignmentPolicyId: POLICIES.salesPipeline },
      schedule: endingOn(newEnd),
    };
    // Miriam manages Adele's manager: the policy names only the first level.
    await refusedUnchanged(http, 'miriam', body, 403, 'NotTargetManager');
    await refusedUnchanged(http, 'diego', body, 403, 'NotTargetManager');
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'lee', body });
    expect(await settled(http, created.id, 'lee')).toMatchObject({ state: 'delivered', assignment: { id: adeles.id } });
    expect((await http.ok('GET', `${EM}/assignments/${adeles.id}`, 200, { as: 'adele' })).schedule.expiration.endDateTime).toBe(newEnd);
  });

  it('refuses where the policy does not let targets or managers update, non-administrators adminUpdate, and a target out of scope', async () => {
    const http = graph();
    const lynnes = await assignmentOf(http, 'lynne', PACKAGES.vendorPaymentsCreate);
    const schedule = endingOn(at(http, 30 * DAY));
    // Vendor payments lets the target extend, not her manager.
    await refusedUnchanged(http, 'lee', update(lynnes.id, { schedule, justification: 'x' }), 403, 'OnBehalfUpdateDisabled');
    const henriettas = await assignmentOf(http, 'henrietta', PACKAGES.developerTools);
    await refusedUnchanged(http, 'henrietta', update(henriettas.id, { schedule }), 403, 'SelfUpdateNotAllowed');
    await refusedUnchanged(http, 'johanna', update(henriettas.id, { schedule }), 403, 'OnBehalfUpdateDisabled');
    await refusedUnchanged(http, 'henrietta', { requestType: 'adminUpdate', assignment: { id: henriettas.id }, schedule }, 403, 'Authorization_RequestDenied');
    // Administrators are not bound by the requestor settings: Grady's package takes no requests at all.
    const gradys = await assignmentOf(http, 'grady', PACKAGES.buildAgentsAdmin);
    await refusedUnchanged(http, 'grady', update(gradys.id, { schedule }), 403, 'SelfUpdateNotAllowed');
    const admins = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'admin', body: { requestType: 'adminUpdate', assignment: { id: gradys.id }, schedule } });
    expect(await settled(http, admins.id, 'admin')).toMatchObject({ requestType: 'adminUpdate', state: 'delivered', assignment: { schedule } });

    // Seed 003: the user must still be in the policy's scope when asking for an extension.
    const adeles = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    http.server.engine.removeGroupMember(USERS.admin, GROUPS.salesTeam, USERS.adele);
    await refusedUnchanged(http, 'adele', update(adeles.id, { schedule }), 403, 'TargetNotInPolicyScope');
  });

  it('refuses a missing, ended or mismatched assignment, and a second change while one is open', async () => {
    const http = graph();
    const adeles = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    await refusedUnchanged(http, 'adele', { requestType: 'userUpdate', assignment: {} }, 400, 'MissingProperty');
    await refusedUnchanged(http, 'adele', update('00000000-0000-0000-0000-00000000dead'), 404, 'ResourceNotFound');
    await refusedUnchanged(http, 'adele', { requestType: 'userUpdate', assignment: { id: adeles.id, assignmentPolicyId: POLICIES.marketingCampaigns } }, 400, 'PolicyNotForAssignment');
    const expired = (await http.all(`${EM}/assignments`, 'admin')).find((a) => a.state === 'expired');
    await refusedUnchanged(http, 'admin', { requestType: 'adminUpdate', assignment: { id: expired.id } }, 409, 'AssignmentNotActive');
    const removal = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: { requestType: 'userRemove', assignment: { id: adeles.id } } });
    await settled(http, removal.id, 'adele');
    await refusedUnchanged(http, 'adele', update(adeles.id, { schedule: endingOn(at(http, 30 * DAY)) }), 409, 'AssignmentNotActive');
  });
});

describe('answers on an update', () => {
  it('earlier answers are carried; answers to questions the policy no longer asks are dropped, not refused', async () => {
    const http = graph();
    const adeles = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    const policy = await http.ok('GET', `${EM}/assignmentPolicies/${POLICIES.salesPipeline}?$expand=accessPackage,questions,customExtensionStageSettings`, 200, { as: 'admin' });
    const { id, createdDateTime, modifiedDateTime, ...writable } = policy;
    await http.ok('PUT', `${EM}/assignmentPolicies/${id}`, 200, { as: 'admin', body: { ...writable, accessPackage: { id: PACKAGES.salesPipeline }, questions: [] } });
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: update(adeles.id, { schedule: endingOn(at(http, 30 * DAY)) }) });
    expect(await settled(http, created.id, 'adele')).toMatchObject({ state: 'delivered', answers: [] });
  });
});

describe('the new end date stays within the policy expiration', () => {
  it('a duration policy caps it at its duration from now, in either form; the end must be in the future', async () => {
    const http = graph();
    const { id } = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    await refusedUnchanged(http, 'adele', update(id, { schedule: endingOn(at(http, 180 * DAY + 1000)) }), 400, 'ScheduleOutsidePolicyExpiration');
    await refusedUnchanged(http, 'adele', update(id, { schedule: { expiration: { type: 'afterDuration', duration: 'P181D' } } }), 400, 'ScheduleOutsidePolicyExpiration');
    await refusedUnchanged(http, 'adele', update(id, { schedule: { expiration: { type: 'noExpiration' } } }), 400, 'ScheduleOutsidePolicyExpiration');
    await refusedUnchanged(http, 'adele', update(id, { schedule: endingOn(at(http, -DAY)) }), 400, 'InvalidSchedule');
    await refusedUnchanged(http, 'adele', update(id, { schedule: endingOn('tomorrow') }), 400, 'InvalidSchedule');
    // Attacker inputs: an end past 9999, an absurd duration, prototype-member names where an assignment id goes.
    await refusedUnchanged(http, 'adele', update(id, { schedule: endingOn('+010000-01-01T00:00:00Z') }), 400, 'InvalidSchedule');
    await refusedUnchanged(http, 'adele', update(id, { schedule: endingOn('10000-01-01T00:00:00Z') }), 400, 'InvalidSchedule');
    await refusedUnchanged(http, 'adele', update(id, { schedule: { expiration: { type: 'afterDuration', duration: 'P999999999D' } } }), 400, 'InvalidSchedule');
    for (const name of ['__proto__', 'constructor', 'toString']) await refusedUnchanged(http, 'adele', update(name, { schedule: endingOn(at(http, 30 * DAY)) }), 404, 'ResourceNotFound');
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: update(id, { schedule: { expiration: { type: 'afterDuration', duration: 'P180D' } } }) });
    await settled(http, created.id, 'adele');
    expect((await http.ok('GET', `${EM}/assignments/${id}`, 200, { as: 'adele' })).schedule.expiration.endDateTime).toBe(at(http, 180 * DAY));
  });

  it("a policy end date caps it: at the policy's own end is allowed, a second later is not", async () => {
    const http = graph();
    const { id } = await assignmentOf(http, 'lynne', PACKAGES.vendorPaymentsCreate);
    const policy = await http.ok('GET', `${EM}/assignmentPolicies/${POLICIES.vendorPaymentsCreate}`, 200, { as: 'admin' });
    const policyEnd: string = policy.expiration.endDateTime;
    const justification = 'The payment run continues.';
    const tooLate = new Date(Date.parse(policyEnd) + 1000).toISOString().replace(/\.000Z$/, 'Z');
    const error = await http.refused('POST', `${EM}/assignmentRequests`, 400, 'ScheduleOutsidePolicyExpiration', { as: 'lynne', body: update(id, { schedule: endingOn(tooLate), justification }) });
    expect(error.message).toContain(policyEnd);
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'lynne', body: update(id, { schedule: endingOn(policyEnd), justification }) });
    expect(await settled(http, created.id, 'lynne')).toMatchObject({ state: 'delivered' });
  });

  it('a moved end date moves the reminders and the expiry with it', async () => {
    const http = graph();
    const { id, schedule } = await assignmentOf(http, 'adele', PACKAGES.salesPipeline);
    const oldEnd = Date.parse(schedule.expiration.endDateTime);
    const newEnd = new Date(oldEnd + 20 * DAY).toISOString().replace(/\.000Z$/, 'Z');
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'adele', body: update(id, { schedule: endingOn(newEnd) }) });
    await settled(http, created.id, 'adele');
    await http.ok('POST', '/_mock/clock', 200, { body: { now: new Date(oldEnd + DAY).toISOString() } });
    expect((await http.ok('GET', `${EM}/assignments/${id}`, 200, { as: 'adele' })).state).toBe('delivered');
    // The reminders moved too: none before the old end, both before the new one.
    expect((await http.outbox()).filter((n) => n.kind === 'expiring' && n.assignmentId === id)).toEqual([]);
    await http.ok('POST', '/_mock/clock', 200, { body: { now: newEnd } });
    expect((await http.ok('GET', `${EM}/assignments/${id}`, 200, { as: 'adele' })).state).toBe('expired');
    expect((await http.outbox()).filter((n) => n.kind === 'expiring' && n.assignmentId === id)).toHaveLength(2);
  });
});

describe('approval for updates (isApprovalRequiredForUpdate)', () => {
  it("goes to the approver's inbox with the old and new end dates, and changes the assignment only when approved", async () => {
    const http = graph();
    const alexs = await assignmentOf(http, 'alex', PACKAGES.marketingCampaigns);
    const oldEnd: string = alexs.schedule.expiration.endDateTime;
    const newEnd = at(http, 29 * DAY);
    const plan = answerString(QUESTIONS.campaignPlan, 'Spring launch follow-up.');
    await refusedUnchanged(http, 'alex', update(alexs.id, { schedule: endingOn(newEnd), answers: [plan] }), 400, 'JustificationRequired');
    // The campaign code is not editable; the plan is.
    await refusedUnchanged(http, 'alex', update(alexs.id, { schedule: endingOn(newEnd), justification: 'More weeks.', answers: [answerString(QUESTIONS.campaignCode, 'MKT-9999')] }), 400, 'AnswerNotEditable');

    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'alex', body: update(alexs.id, { schedule: endingOn(newEnd), justification: 'The campaign runs longer.', answers: [plan] }) });
    const pending = await settled(http, created.id, 'alex');
    expect(pending).toMatchObject({ state: 'pendingApproval', requestType: 'userUpdate' });
    // Old end on the expanded assignment, new end on the request: Graph's own properties.
    expect(pending.assignment).toMatchObject({ id: alexs.id, schedule: { expiration: { endDateTime: oldEnd } } });
    expect(pending.schedule.expiration.endDateTime).toBe(newEnd);
    await refusedUnchanged(http, 'alex', update(alexs.id, { schedule: endingOn(at(http, 10 * DAY)), justification: 'x' }), 409, 'ExistingOpenRequest');

    const inbox = await http.all(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=assignment`, 'lee');
    const asked = inbox.find((r) => r.id === created.id);
    expect(asked).toMatchObject({ requestType: 'userUpdate', assignment: { id: alexs.id } });
    const asking = (await http.outbox()).find((n) => n.kind === 'approverAsked' && n.requestId === created.id);
    expect(asking).toMatchObject({ to: [USERS.lee], accessPackageId: PACKAGES.marketingCampaigns });
    expect(asking.subject).toContain("Alex Wilber's request to extend Marketing Campaigns");
    expect((await http.ok('GET', `${EM}/assignments/${alexs.id}`, 200, { as: 'alex' })).schedule.expiration.endDateTime).toBe(oldEnd);

    const approval = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${created.id}?$expand=stages`, 200, { as: 'lee' });
    await http.ok('PATCH', `${EM}/accessPackageAssignmentApprovals/${created.id}/stages/${approval.stages[0].id}`, 204, { as: 'lee', body: { reviewResult: 'Approve' } });
    const done = await settled(http, created.id, 'alex');
    expect(done).toMatchObject({ state: 'delivered', assignment: { id: alexs.id, schedule: { expiration: { endDateTime: newEnd } } } });
    expect(Object.fromEntries(done.answers.map((a: any) => [a.answeredQuestion.id, a.value]))).toEqual({
      [QUESTIONS.campaignCode]: 'MKT-2041',
      [QUESTIONS.campaignPlan]: 'Spring launch follow-up.',
    });
  });

  it('a denied update leaves the assignment as it was; an administrator needs no approval', async () => {
    const http = graph();
    const alexs = await assignmentOf(http, 'alex', PACKAGES.marketingCampaigns);
    const oldEnd: string = alexs.schedule.expiration.endDateTime;
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'alex', body: update(alexs.id, { schedule: endingOn(at(http, 29 * DAY)), justification: 'Longer.' }) });
    const approval = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${created.id}?$expand=stages`, 200, { as: 'lee' });
    await http.ok('PATCH', `${EM}/accessPackageAssignmentApprovals/${created.id}/stages/${approval.stages[0].id}`, 204, { as: 'lee', body: { reviewResult: 'Deny' } });
    expect(await settled(http, created.id, 'alex')).toMatchObject({ state: 'denied' });
    expect((await http.ok('GET', `${EM}/assignments/${alexs.id}`, 200, { as: 'alex' })).schedule.expiration.endDateTime).toBe(oldEnd);

    const newEnd = at(http, 20 * DAY);
    const admins = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'admin', body: { requestType: 'adminUpdate', assignment: { id: alexs.id }, schedule: endingOn(newEnd) } });
    expect(await settled(http, admins.id, 'admin')).toMatchObject({ state: 'delivered', assignment: { schedule: { expiration: { endDateTime: newEnd } } } });
  });
});
