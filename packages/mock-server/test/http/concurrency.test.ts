// Flow (e) over a real socket: calls that race. The server reads bodies asynchronously, so parallel requests
// really interleave; the engine must still let exactly one decision and exactly one request through.
import { describe, expect, it } from 'vitest';
import type { GraphAnswer, Person } from '../support/graph-http.ts';
import { EM, PACKAGES, POLICIES, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();

const statuses = (answers: GraphAnswer[]) => answers.map((a) => a.status).sort();
const codes = (answers: GraphAnswer[]) => [...new Set(answers.filter((a) => a.status >= 400).map((a) => a.body.error.code))];

describe('concurrent calls over HTTP', () => {
  it('several eligible approvers (and repeats) decide one stage at once: one 204, every other call 409', async () => {
    const http = graph();
    // Alex's Financial Reporting waits at stage 2 for the Finance Approvers group: Patti, Lidia and Christie.
    const pending = await http.all(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$filter=accessPackage/id eq '${PACKAGES.financialReporting}'`, 'lidia');
    expect(pending).toHaveLength(1);
    const requestId = pending[0].id;
    const approval = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${requestId}?$expand=stages`, 200, { as: 'lidia' });
    const stage = approval.stages.find((s: { status: string }) => s.status === 'InProgress');

    const approvers: Person[] = ['patti', 'lidia', 'christie'];
    const deciders = Array.from({ length: 12 }, (_, i) => approvers[i % approvers.length]);
    const answers = await Promise.all(
      deciders.map((who, i) =>
        http.call('PATCH', `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${stage.id}`, {
          as: who,
          body: { reviewResult: i % 2 ? 'Deny' : 'Approve', justification: `Decision ${i}` },
        }),
      ),
    );
    expect(statuses(answers)).toEqual([204, ...Array(11).fill(409)]);
    expect(codes(answers)).toEqual(['ApprovalStageAlreadyDecided']);

    // The winner is on record, with the decision and justification of the call that got the 204.
    const winner = answers.findIndex((a) => a.status === 204);
    const decided = await http.ok('GET', `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${stage.id}`, 200, { as: 'lidia' });
    expect(decided).toMatchObject({
      status: 'Completed',
      reviewResult: winner % 2 ? 'Denied' : 'Approved',
      justification: `Decision ${winner}`,
      reviewedBy: { id: USERS[deciders[winner]] },
    });
  });

  it('24 identical requests at once: one 201, the rest 409, and one request exists afterwards', async () => {
    const http = graph();
    const mine = `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$filter=accessPackage/id eq '${PACKAGES.customerDataExport}'&$count=true`;
    expect((await http.ok('GET', mine, 200, { as: 'lynne' }))['@odata.count']).toBe(0);

    const body = userAdd(PACKAGES.customerDataExport, POLICIES.customerDataExport);
    const answers = await Promise.all(Array.from({ length: 24 }, () => http.call('POST', `${EM}/assignmentRequests`, { as: 'lynne', body })));
    expect(statuses(answers)).toEqual([201, ...Array(23).fill(409)]);
    expect(codes(answers)).toEqual(['ExistingOpenRequest']);

    const after = await http.ok('GET', mine, 200, { as: 'lynne' });
    expect(after['@odata.count']).toBe(1);
    expect(after.value[0].id).toBe(answers.find((a) => a.status === 201)!.body.id);
    // Grady, the single approver, was asked once.
    expect((await http.outbox()).filter((n) => n.kind === 'approverAsked')).toHaveLength(1);
  });
});
