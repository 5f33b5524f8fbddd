// The whole state of the mock as plain JSON. Graph-shaped parts are kept in `data` (never with navigation
// properties); relations live beside them as ids, so one projection step (projections/*) builds what Graph
// returns and nothing Graph would not. Everything here survives JSON.stringify / JSON.parse unchanged.
import type {
  AccessPackage,
  AccessPackageCatalog,
  AccessPackageResource,
  AccessPackageResourceRequest,
  AccessPackageResourceRole,
  AccessPackageResourceScope,
  AnswerString,
  AssignmentPolicy,
  AssignmentRequestWorkflowExtension,
  AssignmentState,
  AssignmentWorkflowExtension,
  CustomExtensionStage,
  ExternalUserLifecycleAction,
  Group,
  MultipleChoiceQuestion,
  RequestState,
  RequestType,
  Schedule,
  SubjectLifecycle,
  TextInputQuestion,
  User,
} from '@entitlement-kit/sdk';

export const DIRECTORY_ROLES = [
  'Identity Governance Administrator',
  'Authentication Administrator',
  'Privileged Authentication Administrator',
] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

/** An application identity (the managed identity of a Logic App, say): it calls Graph with an app-only token. */
export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  displayName: string;
  /** Application permissions granted to it, e.g. EntitlementManagement.ReadWrite.All. */
  appPermissions: string[];
}

export interface ConnectedOrganizationRecord {
  id: string;
  displayName: string;
  internalSponsorIds: string[];
  externalSponsorIds: string[];
  /** Optional so that state files written before organizations could be created still load. */
  description?: string | null;
  /** identitySource objects with their @odata.type, as given. */
  identitySources?: Record<string, unknown>[];
  state?: 'configured' | 'proposed';
  createdDateTime?: string;
  modifiedDateTime?: string;
}

export interface TemporaryAccessPassRecord {
  id: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

export interface PackageRecord {
  catalogId: string;
  data: AccessPackage;
  /** Packages this one names as incompatible (Graph's incompatibleAccessPackages). The check runs both ways. */
  incompatiblePackageIds: string[];
  incompatibleGroupIds: string[];
  roleScopes: { id: string; roleId: string; scopeId: string; createdDateTime: string }[];
}

export interface PolicyRecord {
  packageId: string;
  /** The policy without questions, customExtensionStageSettings and navigation properties. */
  data: AssignmentPolicy;
  questions: PolicyQuestion[];
  extensionStages: { id: string; stage: CustomExtensionStage; customExtensionId: string }[];
}

export type ApprovalStageStatus = 'InProgress' | 'Completed' | 'Expired';
export type ReviewResult = 'NotReviewed' | 'Approved' | 'Denied';

/** One started approval stage of a request. Stages not reached yet have no record. */
export interface StageRecord {
  id: string;
  /** Position in the policy's requestApprovalSettings.stages. */
  index: number;
  startedDateTime: string;
  /** When durationBeforeAutomaticDenial runs out. */
  deadline: string;
  /** When escalation is due, or null when the stage does not escalate. */
  escalateAt: string | null;
  escalated: boolean;
  approverIds: string[];
  escalationApproverIds: string[];
  status: ApprovalStageStatus;
  reviewResult: ReviewResult;
  reviewedById: string | null;
  reviewedDateTime: string | null;
  justification: string | null;
}

export type CalloutStatus = 'calloutSent' | 'waitingForCallback' | 'callbackReceived' | 'calloutFailed' | 'callbackTimedOut';

export interface CalloutRecord {
  id: string;
  customExtensionId: string;
  stage: CustomExtensionStage;
  status: CalloutStatus;
  /** Set when the extension pauses the request until resume ("launch and wait"). */
  timeoutAt: string | null;
  detail: string | null;
  sentDateTime: string;
}

export interface RequestRecord {
  id: string;
  requestType: RequestType;
  state: RequestState;
  status: string;
  createdDateTime: string;
  completedDateTime: string | null;
  justification: string | null;
  answers: AnswerString[];
  /** The schedule asked for (custom) or derived from the policy; null for removals and for updates that move no dates. */
  schedule: Schedule | null;
  /** Whether the requested schedule was the requestor's own (a "specific period"). */
  customSchedule: boolean;
  bypassApproval: boolean;
  requestorId: string;
  targetId: string;
  packageId: string;
  policyId: string;
  /** For adds, the id the assignment gets when delivered; for updates and removals, the assignment changed or removed. */
  assignmentId: string;
  stages: StageRecord[];
  callouts: CalloutRecord[];
}

export interface AssignmentRecord {
  id: string;
  targetId: string;
  packageId: string;
  policyId: string;
  /** The add request that created it, and who sent that request (for filterByCurrentUser(on='createdBy')). */
  requestId: string;
  requestorId: string;
  state: AssignmentState;
  status: string;
  startDateTime: string;
  endDateTime: string | null;
  expiredDateTime: string | null;
  /** Which pre-expiration stages already ran. */
  notified: { fourteenDays: boolean; oneDay: boolean };
  /** Group ids whose membership this assignment delivered (removed again when it ends). */
  grantedGroupIds: string[];
  callouts: CalloutRecord[];
  /** Its target left an automatic policy's scope: removed at this instant unless back in scope (auto-assignment.ts). */
  scopeRemovalAt?: string;
}

export type NotificationKind =
  | 'approverAsked'
  | 'approved'
  | 'denied'
  | 'timedOut'
  | 'escalated'
  | 'canceled'
  | 'delivered'
  | 'updated'
  | 'expiring'
  | 'expired'
  | 'removed';

/** An email Graph would have sent. */
export interface Notification {
  id: string;
  at: string;
  kind: NotificationKind;
  to: string[];
  requestId?: string;
  assignmentId?: string;
  /** The package of the request or assignment the email is about. */
  accessPackageId?: string;
  /** On expiry reminders (kind expiring): 14 or 1. */
  daysBeforeExpiry?: 14 | 1;
  /** On expiry reminders: whether the policy lets the target extend (userUpdate) now, so the email prompts it. */
  canExtend?: boolean;
  subject: string;
}

export type PolicyQuestion = TextInputQuestion | MultipleChoiceQuestion;

/** A catalog customWorkflowExtension: request-workflow (four request stages) or assignment-workflow (pre-expiration). */
export type CatalogExtension = AssignmentRequestWorkflowExtension | AssignmentWorkflowExtension;

export interface State {
  version: 1;
  /** The instant up to which every timed rule has run. */
  now: string;
  users: Record<string, User>;
  deletedUsers: Record<string, User>;
  /** userId -> manager's userId. */
  managers: Record<string, string>;
  /** userId -> sponsor ids (users or groups). */
  sponsors: Record<string, string[]>;
  groups: Record<string, Group>;
  /** groupId -> direct member ids (users or groups). */
  members: Record<string, string[]>;
  servicePrincipals: Record<string, ServicePrincipalRecord>;
  /** principalId -> directory roles. */
  roles: Record<string, DirectoryRole[]>;
  connectedOrganizations: Record<string, ConnectedOrganizationRecord>;
  /** guest userId -> connectedOrganizationId. */
  guestOrganizations: Record<string, string>;
  temporaryAccessPasses: Record<string, TemporaryAccessPassRecord>;
  catalogs: Record<string, AccessPackageCatalog>;
  resources: Record<string, { catalogId: string; data: AccessPackageResource }>;
  resourceRoles: Record<string, { resourceId: string; data: AccessPackageResourceRole }>;
  resourceScopes: Record<string, { resourceId: string; data: AccessPackageResourceScope }>;
  /** Requests that onboarded a resource into a catalog or took one out (POST resourceRequests), for the list. */
  resourceRequests: Record<string, { catalogId: string; resourceId: string; data: AccessPackageResourceRequest }>;
  /** Catalog customWorkflowExtensions; `data` carries its own @odata.type (request or assignment workflow). */
  extensions: Record<string, { catalogId: string; data: CatalogExtension }>;
  packages: Record<string, PackageRecord>;
  policies: Record<string, PolicyRecord>;
  requests: Record<string, RequestRecord>;
  assignments: Record<string, AssignmentRecord>;
  outbox: Notification[];
  /**
   * The tenant's endUserSettings (Graph: a controlConfiguration outside this subset), set through /_mock. Absent
   * means the defaults, so state files written before it existed still load.
   */
  endUserSettings?: { relatedPeopleInsightLevel: 'disabled' | 'count' | 'countAndNames' };
  /** entitlementManagementSettings once changed (governance-settings.ts); absent: Graph's defaults. */
  settings?: { externalUserLifecycleAction: ExternalUserLifecycleAction; durationUntilExternalUserDeletedAfterBlocked: string };
  /** userId -> accessPackageSubject lifecycle once set; absent: derived from the user (governance-settings.ts). */
  subjectLifecycles?: Record<string, SubjectLifecycle>;
  /**
   * Guests blocked under `blockSignInAndDelete`, by user id: when their account is deleted (the block plus
   * `durationUntilExternalUserDeletedAfterBlocked`). Not Graph data: the deletion Entra schedules.
   */
  guestRemovals: Record<string, { at: string }>;
}

export function emptyState(now: string): State {
  return {
    version: 1,
    now,
    users: {},
    deletedUsers: {},
    managers: {},
    sponsors: {},
    groups: {},
    members: {},
    servicePrincipals: {},
    roles: {},
    connectedOrganizations: {},
    guestOrganizations: {},
    temporaryAccessPasses: {},
    catalogs: {},
    resources: {},
    resourceRoles: {},
    resourceScopes: {},
    resourceRequests: {},
    extensions: {},
    packages: {},
    policies: {},
    requests: {},
    assignments: {},
    outbox: [],
    guestRemovals: {},
  };
}
