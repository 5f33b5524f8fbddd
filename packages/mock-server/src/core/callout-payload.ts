// The body POSTed to a custom extension's endpoint. It follows what entitlement management sends to a Logic App
// trigger: flat, PascalCase properties (the TAP flow reads triggerBody()?['Assignment']?['Target']?['ObjectId']),
// with CallbackUriPath naming the resume action a launch-and-wait extension must call.
import { clone } from './clone.ts';
import { own } from './own-keys.ts';
import type { AssignmentRecord, CalloutRecord, RequestRecord } from './state.ts';
import type { Tx } from './tx.ts';

export interface CalloutSubject {
  Id: string;
  ObjectId: string;
  DisplayName: string | null;
  Email: string | null;
  PrincipalName: string | null;
  SubjectType: 'User';
}

export interface CalloutPayload {
  Stage: string;
  CustomExtensionStageInstanceId: string;
  AccessPackageAssignmentRequestId: string;
  CallbackUriPath?: string;
  CallbackConfiguration?: { DurationBeforeTimeout: string };
  RequestType?: string;
  State?: string;
  Status?: string;
  Answers?: object[];
  AccessPackage: { Id: string; DisplayName: string | null; Description: string | null };
  AccessPackageCatalog: { Id: string; DisplayName: string | null; Description: string | null };
  Assignment: {
    Id: string;
    State: string | null;
    Status: string | null;
    Target: CalloutSubject;
    AssignmentPolicy: { Id: string; DisplayName: string | null };
  };
  Requestor?: CalloutSubject;
}

export const resumePath = (requestId: string) => `/identityGovernance/entitlementManagement/assignmentRequests/${requestId}/resume`;

function subject(tx: Tx, userId: string): CalloutSubject {
  const user = own(tx.state.users, userId);
  return {
    Id: userId,
    ObjectId: userId,
    DisplayName: user?.displayName ?? null,
    Email: user?.mail ?? null,
    PrincipalName: user?.userPrincipalName ?? null,
    SubjectType: 'User',
  };
}

export function calloutPayload(
  tx: Tx,
  callout: CalloutRecord,
  on: { request: RequestRecord; assignment?: AssignmentRecord } | { request?: undefined; assignment: AssignmentRecord },
  timeoutDuration: string | null,
): CalloutPayload {
  const { request, assignment } = on;
  const ref = (request ?? assignment) as RequestRecord | AssignmentRecord;
  const pkg = tx.state.packages[ref.packageId];
  const catalog = tx.state.catalogs[pkg.catalogId];
  const policy = tx.state.policies[ref.policyId];
  const asg = assignment ?? own(tx.state.assignments, request?.assignmentId ?? '');
  return {
    Stage: callout.stage,
    CustomExtensionStageInstanceId: callout.id,
    AccessPackageAssignmentRequestId: request?.id ?? (assignment as AssignmentRecord).requestId,
    ...(request && { CallbackUriPath: resumePath(request.id) }),
    ...(timeoutDuration && { CallbackConfiguration: { DurationBeforeTimeout: timeoutDuration } }),
    ...(request && {
      RequestType: request.requestType as string,
      State: request.state as string,
      Status: request.status,
      Answers: clone(request.answers),
    }),
    AccessPackage: { Id: pkg.data.id as string, DisplayName: pkg.data.displayName ?? null, Description: pkg.data.description ?? null },
    AccessPackageCatalog: { Id: catalog.id as string, DisplayName: catalog.displayName ?? null, Description: catalog.description ?? null },
    Assignment: {
      Id: asg?.id ?? (request as RequestRecord).assignmentId,
      State: (asg?.state as string) ?? null,
      Status: asg?.status ?? null,
      Target: subject(tx, ref.targetId),
      AssignmentPolicy: { Id: ref.policyId, DisplayName: policy?.data.displayName ?? null },
    },
    ...(request && { Requestor: subject(tx, request.requestorId) }),
  };
}
