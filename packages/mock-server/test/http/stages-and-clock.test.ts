// Flow (c) over a real socket: multi-stage approvals driven by `POST /_mock/clock`. A stage nobody decides escalates
// (when the policy says so) and finally denies the request on time-out; the outbox shows who was told what.
import { describe, expect, it } from 'vitest';
import type { GraphHttp, Person } from '../support/graph-http.ts';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();

/** The request's stages as `who` sees them. */
const stagesOf = async (http: GraphHttp, requestId: string, who: Person) =>
  (await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${requestId}?$expand=stages`, 200, { as: who })).stages as any[];

async function decideOpenStage(http: GraphHttp, requestId: string, who: Person, body: object): Promise<number> {
  const open = (await stagesOf(http, requestId, who)).find((s) => s.status === 'InProgress');
  expect(open, `an open stage for ${who}`).toBeDefined();
  return (await http.call('PATCH', `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${open.id}`, { as: who, body })).status;
}

/** This request's emails as [kind, recipients], in order. */
const mailsFor = async (http: GraphHttp, requestId: string) =>
  (await http.outbox()).filter((n) => n.requestId === requestId).map((n) => [n.kind, [...n.to].sort()]);

const requestOf = (http: GraphHttp, id: string) => http.ok('GET', `${EM}/assignmentRequests/${id}`, 200, { as: 'lynne' });

describe('two and three approval stages on the mock clock', () => {
  it('two stages: the manager approves, the second stage times out and the request is denied', async () => {
    const http = graph();
    const req = await http.ok('POST', `${EM}/assignmentRequests`, 201, {
      as: 'lynne',
      body: userAdd(PACKAGES.budgetPlanning, POLICIES.budgetPlanning, { justification: 'Territory plan for Q2.' }),
    });
    expect(await decideOpenStage(http, req.id, 'lee', { reviewResult: 'Approve' })).toBe(204);
    const stages = await stagesOf(http, req.id, 'patti');
    expect(stages.map((s) => [s.status, s.reviewResult])).toEqual([['Completed', 'Approved'], ['InProgress', 'NotReviewed']]);

    // 14 days is the stage's time-out: one hour short of it nothing happens, just past it the request is denied.
    await http.advance('P13DT23H');
    expect(await requestOf(http, req.id)).toMatchObject({ state: 'pendingApproval' });
    await http.advance('PT2H');
    expect(await requestOf(http, req.id)).toMatchObject({ state: 'denied', status: 'TimedOut' });
    expect((await stagesOf(http, req.id, 'patti')).at(-1).status).toBe('Expired');
    await http.refused('PATCH', `${EM}/accessPackageAssignmentApprovals/${req.id}/stages/${stages[1].id}`, 409, 'ApprovalStageAlreadyDecided', {
      as: 'patti',
      body: { reviewResult: 'Approve' },
    });

    expect(await mailsFor(http, req.id)).toEqual([
      ['approverAsked', [USERS.lee]],
      ['approverAsked', [USERS.patti]],
      ['timedOut', [USERS.lynne]],
    ]);
  });

  it('three stages: each stalled stage escalates, the escalation approver decides, the last one times out', async () => {
    const http = graph();
    const req = await http.ok('POST', `${EM}/assignmentRequests`, 201, {
      as: 'lynne',
      body: userAdd(PACKAGES.financialReporting, POLICIES.financialReporting, { answers: [answerString(QUESTIONS.reports, 'headcount')] }),
    });

    // Stage 1 (P7D, escalates after P5D from Lee to the second-level manager, Miriam).
    await http.advance('P4D');
    expect(await requestOf(http, req.id)).toMatchObject({ status: 'PendingApproval' });
    await http.refused('PATCH', `${EM}/accessPackageAssignmentApprovals/${req.id}/stages/${(await stagesOf(http, req.id, 'lee'))[0].id}`, 403, 'NotAnApprover', {
      as: 'miriam',
      body: { reviewResult: 'Approve' },
    });
    await http.advance('P1DT1H');
    expect(await requestOf(http, req.id)).toMatchObject({ status: 'PendingApprovalEscalated' });
    const miriams = await http.all(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')`, 'miriam');
    expect(miriams.map((r) => r.id)).toContain(req.id);
    expect(await decideOpenStage(http, req.id, 'miriam', { reviewResult: 'Approve', justification: 'Lee is out this week.' })).toBe(204);

    // Stage 2 (P14D, Finance Approvers, escalates after P8D to Megan).
    await http.advance('P8DT1H');
    expect(await decideOpenStage(http, req.id, 'megan', { reviewResult: 'Approve' })).toBe(204);

    // Stage 3 (P3D, Joni, must justify, too short to escalate): Joni tries without a reason, then the time runs out.
    await http.refused('PATCH', `${EM}/accessPackageAssignmentApprovals/${req.id}/stages/${(await stagesOf(http, req.id, 'joni')).at(-1).id}`, 400, 'ApproverJustificationRequired', {
      as: 'joni',
      body: { reviewResult: 'Approve' },
    });
    await http.advance('P3DT1H');
    expect(await requestOf(http, req.id)).toMatchObject({ state: 'denied', status: 'TimedOut' });
    // Approvals are the approvers' to read, not the requestor's.
    const stages = await stagesOf(http, req.id, 'joni');
    expect(stages.map((s) => [s.status, s.reviewResult, s.reviewedBy?.id])).toEqual([
      ['Completed', 'Approved', USERS.miriam],
      ['Completed', 'Approved', USERS.megan],
      ['Expired', 'NotReviewed', undefined],
    ]);

    const finance = [USERS.patti, USERS.lidia, USERS.christie].sort();
    expect(await mailsFor(http, req.id)).toEqual([
      ['approverAsked', [USERS.lee]],
      ['escalated', [USERS.miriam]],
      ['approverAsked', finance],
      ['escalated', [USERS.megan]],
      ['approverAsked', [USERS.joni]],
      ['timedOut', [USERS.lynne]],
    ]);
  });
});
