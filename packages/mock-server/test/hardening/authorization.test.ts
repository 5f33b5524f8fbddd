// Authorization matrix: who may do what, over real HTTP, every cell against a fresh contoso state.
// The subject of every cell is Pradeep Gupta (target):
// - R: his own pending Financial Reporting request (seed). Three stages: 1 = his manager Lee (escalates to the
//   second-level manager Miriam after 5 days, not yet), 2 = Finance Approvers (Patti), 3 = Joni.
//   For the stage-2 cell Lee has approved stage 1 first; for stage 3 Lee and Patti have approved.
// - A: his delivered Sales Pipeline assignment (policy: self remove, on-behalf remove for managerLevel 1).
// Expected values come from DESIGN.md section 3 and the engine's documented rules (docs/seed-and-codes.md):
// requests on behalf need targetManager within managerLevel (admins use adminAdd/adminRemove, so a userAdd from an
// admin for someone else is refused like anyone's); nobody approves their own request; only the approvers of the
// stage that is open may decide it, before escalation the escalation approver is not one; the requestor, the target
// or an administrator may cancel; a request is visible to its requestor, target, approvers so far, the target's
// manager chain and administrators; an approval only to its approvers and administrators; set-up needs Identity
// Governance Administrator. 'sees' / 'hidden' are 200 lists that do / do not contain the subject.
import { expect, it } from 'vitest';
import type { MockServer } from '../../src/server/index.ts';
import { CATALOGS, EM, PACKAGES, POLICIES, QUESTIONS, USERS, send, tokenOf, withServer, type Person } from '../support/hardening-http.ts';

type Cell = number | 'sees' | 'hidden';
const ACTIONS = [
  'requestSelf', 'requestForOther', 'cancel', 'decideStage1', 'decideStage2', 'decideStage3', 'removeAssignment',
  'readRequest', 'readApproval', 'readAssignment', 'myHistory', 'myApprovals', 'teamAssignments',
  'createCatalog', 'createPackage', 'createPolicy',
] as const;
type Action = (typeof ACTIONS)[number];

// prettier-ignore
const MATRIX: Record<string, [Person, ...Cell[]]> = {
  //                                  self  other cancel dec1 dec2 dec3 remove rdReq rdAppr rdAsg  history   approvals  team      catalog pkg  policy
  'target (Pradeep)':              ['pradeep', 409, 403, 204,  403, 403, 403, 201,   200,  403,   200,  'sees',   'hidden', 'hidden', 403,    403, 403],
  'manager (Lee)':                 ['lee',     201, 201, 403,  204, 403, 403, 201,   200,  200,   200,  'hidden', 'sees',   'sees',   403,    403, 403],
  'second-level manager (Miriam)': ['miriam',  201, 201, 403,  403, 403, 403, 403,   200,  403,   200,  'hidden', 'hidden', 'hidden', 403,    403, 403],
  'approver of stage 2 (Patti)':   ['patti',   201, 403, 403,  403, 204, 403, 403,   403,  403,   403,  'hidden', 'hidden', 'hidden', 403,    403, 403],
  'approver of stage 3 (Joni)':    ['joni',    201, 403, 403,  403, 403, 204, 403,   403,  403,   403,  'hidden', 'hidden', 'hidden', 403,    403, 403],
  'stranger (Isaiah)':             ['isaiah',  201, 403, 403,  403, 403, 403, 403,   403,  403,   403,  'hidden', 'hidden', 'hidden', 403,    403, 403],
  'guest (Rob)':                   ['rob',     403, 403, 403,  403, 403, 403, 403,   403,  403,   403,  'hidden', 'hidden', 'hidden', 403,    403, 403],
  'admin':                         ['admin',   201, 403, 204,  403, 403, 403, 403,   200,  200,   200,  'hidden', 'hidden', 'hidden', 201,    201, 201],
};

const R = '5eed0000-0000-4000-8000-00000000004b'; // Pradeep's Financial Reporting, pending at stage 1
const A = '5eed0000-0000-4000-8000-00000000002c'; // Pradeep's Sales Pipeline assignment
const reports = { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'pnl', answeredQuestion: { id: QUESTIONS.reports } };

const stageIds = (server: MockServer) => server.engine.getApproval(USERS.admin, R).stages!.map((s) => s.id!);
const decision = { reviewResult: 'Approve', justification: 'Checked' };

/** Moves R to the stage an action needs (through the engine: the set-up is not what is being tested). */
function openStage(server: MockServer, stage: 1 | 2 | 3): string {
  if (stage >= 2) server.engine.decide(USERS.lee, R, stageIds(server)[0], decision);
  if (stage >= 3) server.engine.decide(USERS.patti, R, stageIds(server)[1], decision);
  return stageIds(server)[stage - 1];
}

const contains = (body: any, id: string) => (body?.value ?? []).some((item: { id?: string }) => item.id === id);

async function run(server: MockServer, person: Person, action: Action): Promise<{ status: number; body: any }> {
  const token = tokenOf(person);
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await send(server, { method, path, token, body });
    return { status: answer.status, body: answer.json };
  };
  switch (action) {
    case 'requestSelf':
      return call('POST', `${EM}/assignmentRequests`, {
        requestType: 'userAdd',
        assignment: { accessPackageId: PACKAGES.financialReporting, assignmentPolicyId: POLICIES.financialReporting },
        answers: [reports],
      });
    case 'requestForOther':
      // Lynne is, like Pradeep, a direct report of Lee; Marketing Campaigns lets managers up to level 2 ask for her.
      return call('POST', `${EM}/assignmentRequests`, {
        requestType: 'userAdd',
        assignment: { accessPackageId: PACKAGES.marketingCampaigns, assignmentPolicyId: POLICIES.marketingCampaigns, targetId: USERS.lynne },
        justification: 'Spring campaign',
        answers: [
          { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'MKT-2027', answeredQuestion: { id: QUESTIONS.campaignCode } },
          { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'Plan', answeredQuestion: { id: QUESTIONS.campaignPlan } },
        ],
      });
    case 'cancel':
      return call('POST', `${EM}/assignmentRequests/${R}/cancel`);
    case 'decideStage1':
    case 'decideStage2':
    case 'decideStage3': {
      const stageId = openStage(server, Number(action.slice(-1)) as 1 | 2 | 3);
      return call('PATCH', `${EM}/accessPackageAssignmentApprovals/${R}/stages/${stageId}`, decision);
    }
    case 'removeAssignment':
      return call('POST', `${EM}/assignmentRequests`, { requestType: 'userRemove', assignment: { id: A } });
    case 'readRequest':
      return call('GET', `${EM}/assignmentRequests/${R}`);
    case 'readApproval':
      return call('GET', `${EM}/accessPackageAssignmentApprovals/${R}`);
    case 'readAssignment':
      return call('GET', `${EM}/assignments/${A}`);
    case 'myHistory':
      return call('GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')`);
    case 'myApprovals':
      return call('GET', `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`);
    case 'teamAssignments':
      return call('GET', `${EM}/assignments/filterByCurrentUser(on='targetManager')`);
    case 'createCatalog':
      return call('POST', `${EM}/catalogs`, { displayName: 'Matrix catalog' });
    case 'createPackage':
      return call('POST', `${EM}/accessPackages`, { displayName: 'Matrix package', catalog: { id: CATALOGS.finance } });
    case 'createPolicy':
      return call('POST', `${EM}/assignmentPolicies`, {
        displayName: 'Matrix policy',
        accessPackage: { id: PACKAGES.budgetPlanning },
        allowedTargetScope: 'allMemberUsers',
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, stages: [] },
        expiration: { type: 'noExpiration' },
      });
  }
}

const SUBJECT: Partial<Record<Action, string>> = { myHistory: R, myApprovals: R, teamAssignments: A };

it('gives every role exactly the outcome the rules give it, for every action', async () => {
  for (const [role, [, ...cells]] of Object.entries(MATRIX)) expect(cells, `row '${role}' has a cell per action`).toHaveLength(ACTIONS.length);

  await withServer(async (server) => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [role, [person, ...row]] of Object.entries(MATRIX)) {
      for (const [index, action] of ACTIONS.entries()) {
        const expected = row[index];
        server.engine.reset();
        const { status, body } = await run(server, person, action);
        let actual: Cell = status;
        if (typeof expected === 'string' && status === 200) actual = contains(body, SUBJECT[action]!) ? 'sees' : 'hidden';
        cells++;
        if (actual !== expected) mismatches.push(`${role} × ${action}: expected ${expected}, got ${actual} ${body?.error?.code ?? ''}`);
      }
    }
    console.log(`authorization matrix: ${Object.keys(MATRIX).length} roles × ${ACTIONS.length} actions = ${cells} cells, ${cells - mismatches.length} match`);
    expect(mismatches).toEqual([]);
  });
}, 60_000);
