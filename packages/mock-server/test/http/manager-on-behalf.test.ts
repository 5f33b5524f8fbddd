// Flow (a) over a real socket: Lee Gu asks for Marketing Campaigns on behalf of his report Lynne, the stage's
// approver approves, the assignment is delivered, Lee sees it among his team's access and removes it again.
import { describe, expect, it } from 'vitest';
import { answerString, EM, PACKAGES, POLICIES, QUESTIONS, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();

describe('a manager requests for a direct report, it is approved, delivered, seen and removed', () => {
  it('runs from request to removal', async () => {
    const http = graph();
    const reports = await http.ok('GET', '/me/directReports', 200, { as: 'lee' });
    expect(reports.value.map((u: { id: string }) => u.id)).toContain(USERS.lynne);

    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, {
      as: 'lee',
      body: userAdd(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, {
        targetId: USERS.lynne,
        justification: 'Lynne plans the spring campaign.',
        answers: [answerString(QUESTIONS.campaignCode, 'MKT-4242')],
      }),
    });
    // Graph answers submitted / Accepted and processes the request afterwards: the next read sees it pending approval.
    expect(created).toMatchObject({ requestType: 'userAdd', state: 'submitted', status: 'Accepted' });
    const requestId = created.id as string;
    expect(await http.ok('GET', `${EM}/assignmentRequests/${requestId}`, 200, { as: 'lee' })).toMatchObject({ state: 'pendingApproval', status: 'PendingApproval' });

    // Lee is the requestor, so he may not approve: the stage falls back to Diego (the policy's fallback approver).
    const diegos = await http.ok('GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`, 200, { as: 'diego' });
    expect(diegos.value.map((r: { id: string }) => r.id)).toContain(requestId);
    const approval = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${requestId}?$expand=stages`, 200, { as: 'diego' });
    const [stage] = approval.stages;
    expect(stage).toMatchObject({ status: 'InProgress', assignedToMe: true });
    await http.refused('PATCH', `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${stage.id}`, 403, 'SelfApprovalNotAllowed', {
      as: 'lee',
      body: { reviewResult: 'Approve' },
    });

    const decided = await http.call('PATCH', `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${stage.id}`, {
      as: 'diego',
      body: { reviewResult: 'Approve', justification: 'Fine by HR.' },
    });
    expect(decided.status).toBe(204);
    expect(decided.body).toBeUndefined();

    const delivered = await http.ok('GET', `${EM}/assignmentRequests/${requestId}?$expand=assignment`, 200, { as: 'lee' });
    expect(delivered).toMatchObject({ state: 'delivered', assignment: { state: 'delivered' } });
    const assignmentId = delivered.assignment.id as string;

    const team = await http.all(`${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=target,accessPackage`, 'lee');
    const lynnes = team.find((a) => a.id === assignmentId);
    expect(lynnes).toMatchObject({ state: 'delivered', target: { objectId: USERS.lynne }, accessPackage: { id: PACKAGES.marketingCampaigns } });

    const removal = await http.ok('POST', `${EM}/assignmentRequests`, 201, {
      as: 'lee',
      body: { requestType: 'userRemove', assignment: { id: assignmentId } },
    });
    expect(removal).toMatchObject({ requestType: 'userRemove', state: 'submitted', status: 'Accepted' });
    expect(await http.ok('GET', `${EM}/assignmentRequests/${removal.id}`, 200, { as: 'lee' })).toMatchObject({ state: 'delivered' });

    // The core ends a removed assignment as `expired` (Graph keeps it readable); it leaves the team's active list.
    const ended = await http.ok('GET', `${EM}/assignments/${assignmentId}`, 200, { as: 'lee' });
    expect(ended.state).toBe('expired');
    const after = await http.all(`${EM}/assignments/filterByCurrentUser(on='targetManager')?$filter=state eq 'delivered'`, 'lee');
    expect(after.map((a) => a.id)).not.toContain(assignmentId);

    const outbox = await http.outbox();
    expect(outbox.map((n) => [n.kind, n.requestId ?? n.assignmentId])).toEqual([
      ['approverAsked', requestId],
      ['approved', requestId],
      ['delivered', requestId],
      ['removed', removal.id],
    ]);
    expect(outbox.at(-1).to).toEqual([USERS.lynne, USERS.lee]);
  });
});
