// Random sequences of engine calls (fast-check), for property tests: requests on behalf and for self, admin adds,
// decisions, cancellations, removals, clock moves, directory changes and package edits. Many are refused, on purpose.
import fc from 'fast-check';
import type { Engine } from '../../../src/core/engine.ts';
import { GROUPS, PACKAGES } from '../../../src/seed/ids.ts';
import { addBody, answer, POLICIES, QUESTIONS, USERS } from './engine.ts';

export const people = Object.values(USERS);
const policies = Object.values(POLICIES);
const groups = Object.values(GROUPS);
const packages = Object.values(PACKAGES);
// Non-ASCII on purpose: kept page bytes are UTF-8.
const DESCRIPTIONS = ['Zugriff für das Team', 'Renamed', 'Ünïcode ✓ 日本'];
export const REQUEST_OPTIONS = ['target', 'createdBy', 'approver', 'targetOrRequestor', 'targetManager', 'requestForOthers'];
export const ASSIGNMENT_OPTIONS = ['target', 'createdBy', 'targetManager'];
const ANSWERS = [answer(QUESTIONS.region, 'EMEA'), answer(QUESTIONS.campaignCode, 'MKT-1234'), answer(QUESTIONS.reports, 'Quarterly')];

export type Op =
  | { kind: 'request'; caller: number; target: number; policy: number; answers: boolean }
  | { kind: 'adminAdd'; target: number; policy: number }
  | { kind: 'decide'; approver: number; pick: number; approve: boolean }
  | { kind: 'cancel'; caller: number; pick: number }
  | { kind: 'remove'; caller: number; pick: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'manager'; user: number; manager: number }
  | { kind: 'member'; group: number; user: number; add: boolean }
  | { kind: 'describe'; pkg: number; description: number };

const person = fc.nat({ max: people.length - 1 });
export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), caller: person, target: person, policy: fc.nat({ max: policies.length - 1 }), answers: fc.boolean() }),
  fc.record({ kind: fc.constant('adminAdd' as const), target: person, policy: fc.nat({ max: policies.length - 1 }) }),
  fc.record({ kind: fc.constant('decide' as const), approver: person, pick: fc.nat(), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('cancel' as const), caller: person, pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), caller: person, pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }),
  fc.record({ kind: fc.constant('manager' as const), user: person, manager: person }),
  fc.record({ kind: fc.constant('member' as const), group: fc.nat({ max: groups.length - 1 }), user: person, add: fc.boolean() }),
  fc.record({ kind: fc.constant('describe' as const), pkg: fc.nat({ max: packages.length - 1 }), description: fc.nat({ max: DESCRIPTIONS.length - 1 }) }),
);

const nth = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

export function apply(engine: Engine, o: Op): void {
  switch (o.kind) {
    case 'request': {
      const target = people[o.target];
      const extra = { justification: 'Property test', ...(o.answers ? { answers: ANSWERS } : {}), ...(target !== people[o.caller] ? { targetId: target } : {}) };
      const policy = policies[o.policy];
      const packageId = engine.toJSON().policies[policy].packageId;
      engine.createRequest(people[o.caller], addBody(packageId, policy, extra));
      return;
    }
    case 'adminAdd': {
      const policy = policies[o.policy];
      const packageId = engine.toJSON().policies[policy].packageId;
      engine.createRequest(USERS.admin, { requestType: 'adminAdd', assignment: { accessPackageId: packageId, assignmentPolicyId: policy, targetId: people[o.target] } });
      return;
    }
    case 'decide': {
      const approval = nth(engine.listMyApprovals(people[o.approver]), o.pick);
      const stage = approval?.stages?.find((s) => s.status === 'InProgress');
      if (approval && stage) engine.decide(people[o.approver], approval.id as string, stage.id as string, { reviewResult: o.approve ? 'Approve' : 'Deny', justification: 'ok' });
      return;
    }
    case 'cancel': {
      const request = nth(engine.listMyRequests(people[o.caller], 'createdBy'), o.pick);
      if (request) engine.cancelRequest(people[o.caller], request.id as string);
      return;
    }
    case 'remove': {
      const assignment = nth(engine.listMyAssignments(people[o.caller], 'target'), o.pick);
      if (assignment) engine.createRequest(people[o.caller], { requestType: 'userRemove', assignment: { id: assignment.id } });
      return;
    }
    case 'advance':
      engine.advance(`PT${o.hours}H`);
      return;
    case 'manager':
      engine.setManager(USERS.admin, people[o.user], people[o.manager]);
      return;
    case 'member':
      if (o.add) engine.addGroupMember(USERS.admin, groups[o.group], people[o.user]);
      else engine.removeGroupMember(USERS.admin, groups[o.group], people[o.user]);
      return;
    case 'describe':
      engine.updatePackage(USERS.admin, packages[o.pkg], { description: DESCRIPTIONS[o.description] });
  }
}

