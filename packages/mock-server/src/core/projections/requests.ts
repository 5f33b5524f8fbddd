// Requests, assignments and approvals as Graph returns them. The approval is seen through the caller's eyes
// (assignedToMe), so its projection takes the caller.
import { clone } from '../clone.ts';
import { own } from '../own-keys.ts';
import type {
  Approval,
  ApprovalStage,
  Assignment,
  AssignmentRequest,
  CustomExtensionCalloutInstance,
  Schedule,
  Subject,
} from '@entitlement-kit/sdk';
import { checkExpand, type Expand, under } from '../expand.ts';
import { stageApprovers } from '../request-records.ts';
import type { AssignmentRecord, CalloutRecord, RequestRecord, StageRecord, State } from '../state.ts';
import { projectPackage, projectPolicy } from './packages.ts';

export const REQUEST_NAVIGATIONS = ['accessPackage', 'assignment', 'requestor'];
export const ASSIGNMENT_NAVIGATIONS = ['accessPackage', 'assignmentPolicy', 'target'];

export function projectSubject(state: State, userId: string): Subject {
  const user = own(state.users, userId) ?? own(state.deletedUsers, userId);
  return {
    id: userId,
    objectId: userId,
    displayName: user?.displayName ?? null,
    email: user?.mail ?? null,
    principalName: user?.userPrincipalName ?? null,
    subjectType: 'user',
  };
}

/** A schedule with every property Graph writes, nulls included (entitlementmanagement-post-assignmentrequests.md). */
function fullSchedule(schedule: Schedule | null | undefined): Schedule {
  const expiration = schedule?.expiration;
  return {
    startDateTime: schedule?.startDateTime ?? null,
    recurrence: clone(schedule?.recurrence ?? null),
    expiration: { endDateTime: expiration?.endDateTime ?? null, duration: expiration?.duration ?? null, type: expiration?.type ?? 'notSpecified' },
  };
}

const projectCallout = (c: CalloutRecord): CustomExtensionCalloutInstance => ({
  id: c.id,
  customExtensionId: c.customExtensionId,
  status: c.status,
  detail: c.detail,
  externalCorrelationId: null,
});

export function projectAssignment(state: State, asg: AssignmentRecord, expand?: Expand): Assignment {
  checkExpand(expand, 'accessPackageAssignment', ASSIGNMENT_NAVIGATIONS);
  const out: Assignment = {
    id: asg.id,
    state: asg.state,
    status: asg.status,
    expiredDateTime: asg.expiredDateTime,
    schedule: fullSchedule({
      startDateTime: asg.startDateTime,
      expiration: asg.endDateTime ? { type: 'afterDateTime', endDateTime: asg.endDateTime } : { type: 'noExpiration' },
    }),
    customExtensionCalloutInstances: asg.callouts.map(projectCallout),
  };
  return withAssignmentNavigations(state, out, asg, expand);
}

function withAssignmentNavigations(
  state: State,
  out: Assignment,
  ref: { packageId: string; policyId: string; targetId: string },
  expand?: Expand,
): Assignment {
  const pkg = under(expand, 'accessPackage');
  if (pkg) out.accessPackage = projectPackage(state, ref.packageId, pkg);
  const policy = under(expand, 'assignmentPolicy');
  if (policy) out.assignmentPolicy = projectPolicy(state, ref.policyId, policy);
  if (under(expand, 'target')) out.target = projectSubject(state, ref.targetId);
  return out;
}

/**
 * A request's assignment: the assignment itself once it exists, else what was asked for. Either way it echoes
 * the ids of the create body (targetId, accessPackageId, assignmentPolicyId), as the request carried them.
 */
function requestAssignment(state: State, req: RequestRecord, expand?: Expand): Assignment {
  checkExpand(expand, 'accessPackageAssignment', ASSIGNMENT_NAVIGATIONS);
  const asg = own(state.assignments, req.assignmentId);
  const base = asg ? projectAssignment(state, asg, expand) : withAssignmentNavigations(state, { id: req.assignmentId }, req, expand);
  return { ...base, targetId: req.targetId, accessPackageId: req.packageId, assignmentPolicyId: req.policyId };
}

export function projectRequest(state: State, req: RequestRecord, expand?: Expand): AssignmentRequest {
  checkExpand(expand, 'accessPackageAssignmentRequest', REQUEST_NAVIGATIONS);
  const out: AssignmentRequest = {
    id: req.id,
    requestType: req.requestType,
    state: req.state,
    status: req.status,
    createdDateTime: req.createdDateTime,
    completedDateTime: req.completedDateTime,
    justification: req.justification,
    answers: clone(req.answers),
    schedule: fullSchedule(req.schedule),
    customExtensionCalloutInstances: req.callouts.map(projectCallout),
  };
  const pkg = under(expand, 'accessPackage');
  if (pkg) out.accessPackage = projectPackage(state, req.packageId, pkg);
  const assignment = under(expand, 'assignment');
  if (assignment) out.assignment = requestAssignment(state, req, assignment);
  if (under(expand, 'requestor')) out.requestor = projectSubject(state, req.requestorId);
  return out;
}

/** As Graph shows an access package approval stage (approval-get.md): entitlement stages have no display name, and
 * an undecided one has `reviewedBy: null` and an empty justification. */
export function projectStage(state: State, stage: StageRecord, callerId: string): ApprovalStage {
  const reviewerId = stage.reviewedById;
  return {
    id: stage.id,
    displayName: null,
    reviewResult: stage.reviewResult,
    status: stage.status,
    assignedToMe: stageApprovers(stage).includes(callerId),
    reviewedBy: reviewerId ? { id: reviewerId, displayName: own(state.users, reviewerId)?.displayName ?? null } : null,
    reviewedDateTime: stage.reviewedDateTime,
    justification: stage.justification ?? '',
  };
}

export function projectApproval(state: State, req: RequestRecord, callerId: string): Approval {
  return { id: req.id, stages: req.stages.map((s) => projectStage(state, s, callerId)) };
}
