// Races over real HTTP: many clients hit the same decision or the same request at once (Promise.all on loopback).
// The engine commits each write atomically, so the first one in wins and every later one must see its effect:
// one decision per stage, one open request per target and package, and cancel vs approve ending in one state.
import { expect, it } from 'vitest';
import type { MockServer } from '../../src/server/index.ts';
import { mintToken } from '../../src/identity/token.ts';
import { CATALOGS, EM, PACKAGES, POLICIES, QUESTIONS, USERS, send, tokenOf, withServer } from '../support/hardening-http.ts';

const count = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

const campaignRequest = {
  requestType: 'userAdd',
  assignment: { accessPackageId: PACKAGES.marketingCampaigns, assignmentPolicyId: POLICIES.marketingCampaigns },
  justification: 'Spring campaign',
  answers: [
    { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'MKT-2027', answeredQuestion: { id: QUESTIONS.campaignCode } },
    { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'Plan', answeredQuestion: { id: QUESTIONS.campaignPlan } },
  ],
};

/** Lynne's pending Marketing Campaigns request (one stage, her manager Lee decides). */
function lynneRequest(server: MockServer): { requestId: string; stageId: string } {
  const request = server.engine.createRequest(USERS.lynne, structuredClone(campaignRequest));
  const stageId = server.engine.getApproval(USERS.lee, request.id!).stages![0].id!;
  return { requestId: request.id!, stageId };
}

it('lets exactly one of 50 concurrent approvers decide a stage; the rest get 409', async () => {
  await withServer(async (server) => {
    // Set-up through the engine: 50 approvers in one group, a package whose single stage that group decides.
    const e = server.engine;
    const approvers = Array.from({ length: 50 }, (_, i) =>
      e.createUser(USERS.admin, {
        accountEnabled: true,
        displayName: `Approver ${i}`,
        mailNickname: `approver${i}`,
        userPrincipalName: `approver${i}@contoso.com`,
        passwordProfile: { password: 'x' },
      }),
    );
    const group = e.createGroup(USERS.admin, { displayName: 'Fifty approvers', mailEnabled: false, securityEnabled: true, mailNickname: 'fifty' });
    for (const a of approvers) e.addGroupMember(USERS.admin, group.id!, a.id!);
    const pkg = e.createPackage(USERS.admin, { displayName: 'Race package', catalog: { id: CATALOGS.finance } });
    const policy = e.createPolicy(USERS.admin, {
      displayName: 'Fifty approvers decide',
      accessPackage: { id: pkg.id },
      allowedTargetScope: 'allMemberUsers',
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        stages: [{ durationBeforeAutomaticDenial: 'P14D', primaryApprovers: [{ '@odata.type': '#microsoft.graph.groupMembers', groupId: group.id }] }],
      },
      expiration: { type: 'noExpiration' },
    });
    const request = e.createRequest(USERS.adele, { requestType: 'userAdd', assignment: { accessPackageId: pkg.id, assignmentPolicyId: policy.id } });
    const stageId = e.getApproval(approvers[0].id!, request.id!).stages![0].id!;

    const answers = await Promise.all(
      approvers.map((a, i) =>
        send(server, {
          method: 'PATCH',
          path: `${EM}/accessPackageAssignmentApprovals/${request.id}/stages/${stageId}`,
          token: mintToken({ id: a.id!, userPrincipalName: a.userPrincipalName! }),
          body: { reviewResult: i % 2 ? 'Approve' : 'Deny', justification: `decided by ${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    console.log(`races: 50 concurrent decisions on one stage -> ${JSON.stringify(count(statuses))}`);
    expect(count(statuses)).toEqual({ 204: 1, 409: 49 });
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'ApprovalStageAlreadyDecided')).toBe(true);

    // The state records the winner's decision, and only it.
    const winner = statuses.indexOf(204);
    const stage = e.getApprovalStage(USERS.admin, request.id!, stageId);
    expect(stage.reviewedBy?.id).toBe(approvers[winner].id);
    expect(stage.reviewResult).toBe(winner % 2 ? 'Approved' : 'Denied');
    expect(e.getRequest(USERS.admin, request.id!).state).toBe(winner % 2 ? 'delivered' : 'denied');
  });
});

it('creates exactly one request from 100 identical concurrent submissions', async () => {
  await withServer(async (server) => {
    const mine = () =>
      Object.values(server.engine.toJSON().requests).filter((r) => r.targetId === USERS.lynne && r.packageId === PACKAGES.marketingCampaigns);
    const before = mine().length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => send(server, { method: 'POST', path: `${EM}/assignmentRequests`, token: tokenOf('lynne'), body: campaignRequest })),
    );
    const statuses = answers.map((a) => a.status);
    console.log(`races: 100 identical concurrent requests -> ${JSON.stringify(count(statuses))}, ${mine().length - before} created`);
    expect(count(statuses)).toEqual({ 201: 1, 409: 99 });
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'ExistingOpenRequest')).toBe(true);
    expect(mine().length - before).toBe(1);
    expect(mine().at(-1)?.id).toBe(answers.find((a) => a.status === 201)!.json.id);
  });
});

it('ends cancel racing approve in one consistent state: canceled, or approved and delivered, never both', async () => {
  await withServer(async (server) => {
    const outcomes: Record<string, number> = {};
    const ROUNDS = 20;
    for (let round = 0; round < ROUNDS; round++) {
      server.engine.reset();
      const { requestId, stageId } = lynneRequest(server);
      const cancel = () => send(server, { method: 'POST', path: `${EM}/assignmentRequests/${requestId}/cancel`, token: tokenOf('lynne') });
      const approve = () =>
        send(server, {
          method: 'PATCH',
          path: `${EM}/accessPackageAssignmentApprovals/${requestId}/stages/${stageId}`,
          token: tokenOf('lee'),
          body: { reviewResult: 'Approve', justification: 'ok' },
        });
      // Alternate which call leaves first and give it a head start of 0-3 ms, so both orders get to win sometimes
      // while the two still overlap on the socket.
      const cancelFirst = round % 2 === 1;
      const first = cancelFirst ? cancel() : approve();
      await new Promise((resolve) => setTimeout(resolve, Math.floor(round / 2) % 4));
      const second = cancelFirst ? approve() : cancel();
      const [c, a] = cancelFirst ? await Promise.all([first, second]) : (await Promise.all([first, second])).reverse();

      const request = server.engine.getRequest(USERS.admin, requestId);
      const state = server.engine.toJSON();
      const assignment = Object.values(state.assignments).find((x) => x.requestId === requestId || x.id === request.assignment?.id);
      const key = `cancel ${c.status} / approve ${a.status} -> ${request.state}${assignment ? ` + assignment ${assignment.state}` : ''}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;

      if (c.status === 204) {
        // Cancel won: the decision came too late and nothing was granted.
        expect([a.status, a.json?.error?.code]).toEqual([409, 'ApprovalStageAlreadyDecided']);
        expect(request.state).toBe('canceled');
        expect(assignment).toBeUndefined();
      } else {
        // Approve won: the request can no longer be canceled and the access was delivered.
        expect([c.status, c.json?.error?.code]).toEqual([409, 'RequestNotCancelable']);
        expect(a.status).toBe(204);
        expect(request.state).toBe('delivered');
        expect(assignment?.state).toBe('delivered');
      }
      // Lynne is in the package's group iff the access was delivered.
      const inGroup = server.engine.listGroupMembers(USERS.admin, '20000000-0000-4000-8000-000000000012').some((m) => m.id === USERS.lynne);
      expect(inGroup).toBe(request.state === 'delivered');
    }
    console.log(`races: cancel vs approve, ${ROUNDS} rounds -> ${JSON.stringify(outcomes)}`);
  });
});
