// The public surface of the SDK: what createClient() returns. The widgets, the demo and the tests code against this.
import type {
  AccessPackage,
  AccessPackageCatalog,
  AccessPackageResourceRequest,
  AccessPackageResourceRoleScope,
  AccessPackageSuggestion,
  Answer,
  AnswerString,
  Approval,
  Assignment,
  AssignmentFilterOn,
  AssignmentPolicy,
  AssignmentRequest,
  ConnectedOrganization,
  CustomCalloutExtension,
  EntitlementManagementSettings,
  Group,
  Requirements,
  RequestFilterOn,
  Schedule,
  Subject,
  SubjectLifecycle,
  SuggestionFilterOn,
  TemporaryAccessPass,
  User,
} from './models.ts';

/** Every call takes these. */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

/** How long and how often waitForRequest reads a request again. */
export interface WaitForRequestOptions extends CallOptions {
  /** Give up after this long (ms) and resolve with the request as last read; default 30000. */
  timeoutMs?: number;
  /** The first pause (ms) before reading again; each next one doubles, up to maxDelayMs. Defaults 250 and 4000. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Navigation properties to expand on each read (getRequest's default when left out). */
  expand?: string[];
  /** When the wait is over; default: the request is no longer `submitted`. */
  until?: (request: AssignmentRequest) => boolean;
}

/** Options of list calls that map onto OData query options. */
export interface ListOptions extends CallOptions {
  /** Page size ($top). */
  top?: number;
  /** $search on displayName (and, for packages, resource names). */
  search?: string;
  /** A raw OData $filter expression, for what the verbs do not cover. */
  filter?: string;
  orderBy?: string;
  /** Ask the server for @odata.count; a page then carries `count`. */
  count?: boolean;
}

export interface Page<T> {
  value: T[];
  /** The server's `@odata.nextLink`, absent on the last page. Pass it as `continuationToken` to resume. */
  nextLink?: string;
  /** `@odata.count`, when asked for. */
  count?: number;
}

/** A Graph collection: iterate items with `for await`, or pages with `byPage()` (which follows @odata.nextLink). */
export interface PagedList<T> extends AsyncIterable<T> {
  byPage(options?: { continuationToken?: string }): AsyncIterableIterator<Page<T>>;
  /** Collect every item of every page (convenience for small lists). */
  toArray(): Promise<T[]>;
}

export interface AccessRequestInput extends CallOptions {
  accessPackageId: string;
  assignmentPolicyId: string;
  /** Graph's answers are accessPackageAnswerString (with its `@odata.type`); answers read back from a request fit too. */
  answers?: (Answer | AnswerString)[];
  justification?: string;
  /** A custom schedule; allowed only when the policy's requirements say allowCustomAssignmentSchedule. */
  schedule?: Schedule;
}

export interface OnBehalfRequestInput extends AccessRequestInput {
  /** Graph's documented request parameter: a manager who is the only approver records the approval themself. */
  bypassApproval?: boolean;
}

/** A userUpdate / adminUpdate: a new end date (or a whole schedule), answers, a justification; all optional. */
export interface AssignmentUpdateInput extends CallOptions {
  /** The new end: sent as an afterDateTime expiration. Must be within the policy's expiration from now. */
  endDateTime?: string | Date;
  /** A schedule as Graph takes it (wins over endDateTime), e.g. an afterDuration expiration. */
  schedule?: Schedule;
  /** Answers to change; questions not mentioned keep their earlier answers. Only editable questions may change. */
  answers?: (Answer | AnswerString)[];
  justification?: string;
}

export interface DecisionInput extends CallOptions {
  reviewResult: 'Approve' | 'Deny';
  justification?: string;
}

/** Typed access to every path of openapi.yaml, for what the verbs below do not cover. */
export interface RawClient {
  GET: import('openapi-fetch').Client<import('./generated/graph.ts').paths>['GET'];
  POST: import('openapi-fetch').Client<import('./generated/graph.ts').paths>['POST'];
  PATCH: import('openapi-fetch').Client<import('./generated/graph.ts').paths>['PATCH'];
  PUT: import('openapi-fetch').Client<import('./generated/graph.ts').paths>['PUT'];
  DELETE: import('openapi-fetch').Client<import('./generated/graph.ts').paths>['DELETE'];
}

export interface EntitlementClient {
  readonly baseUrl: string;
  /** The low-level typed layer; its errors are also thrown as GraphError. */
  readonly raw: RawClient;
  /** The service's time now, from the `Date` header of its last response (the computer's before the first one). */
  serverNow(): Date;

  // who am I, my reports
  getMe(options?: CallOptions): Promise<User>;
  listDirectReports(options?: ListOptions): PagedList<User>;
  getManager(userId: string, options?: CallOptions): Promise<User>;
  getUser(userId: string, options?: CallOptions): Promise<User>;

  // packages
  /** filterByCurrentUser(on='allowedRequestor'): packages the caller may request (hidden ones omitted). */
  listRequestablePackages(options?: ListOptions): PagedList<AccessPackage>;
  /** One package with resourceRoleScopes($expand=role($expand=resource),scope); works for hidden packages too. */
  getPackage(accessPackageId: string, options?: CallOptions): Promise<AccessPackage>;
  /** getApplicablePolicyRequirements: one entry per policy the caller can request under. */
  getRequirements(accessPackageId: string, options?: CallOptions): Promise<Requirements[]>;

  // requests
  requestAccess(input: AccessRequestInput): Promise<AssignmentRequest>;
  requestAccessFor(targetUserId: string, input: OnBehalfRequestInput): Promise<AssignmentRequest>;
  /** A new request carrying the earlier one's package, policy, target, answers, justification (overridable). */
  resubmitRequest(previous: AssignmentRequest, overrides?: Partial<OnBehalfRequestInput>): Promise<AssignmentRequest>;
  cancelRequest(requestId: string, options?: CallOptions): Promise<void>;
  getRequest(requestId: string, options?: CallOptions & { expand?: string[] }): Promise<AssignmentRequest>;
  /**
   * Reads a request again (getRequest, backing off from `firstDelayMs` to `maxDelayMs`) until `until` holds, by
   * default until it has left `submitted` (Graph answers a new request submitted and processes it afterwards).
   * Resolves with the request as last read: after `timeoutMs` that may still be submitted. Rejects when aborted.
   */
  waitForRequest(request: string | AssignmentRequest, options?: WaitForRequestOptions): Promise<AssignmentRequest>;
  /** filterByCurrentUser(on=...) with accessPackage, assignment and requestor expanded. */
  listMyRequests(on?: RequestFilterOn, options?: ListOptions): PagedList<AssignmentRequest>;

  // approvals
  /** assignmentRequests/filterByCurrentUser(on='approver'): requests waiting for the caller's decision. */
  listPendingApprovals(options?: ListOptions): PagedList<AssignmentRequest>;
  getApproval(requestId: string, options?: CallOptions): Promise<Approval>;
  decide(requestId: string, stageId: string, input: DecisionInput): Promise<void>;

  // assignments
  listMyAssignments(options?: ListOptions): PagedList<Assignment>;
  listTeamAssignments(options?: ListOptions): PagedList<Assignment>;
  listAssignments(on: AssignmentFilterOn, options?: ListOptions): PagedList<Assignment>;
  /** userRemove with the assignment id: the target themself, or a manager where the policy allows on-behalf removal. */
  removeAssignment(assignmentId: string, options?: CallOptions & { justification?: string }): Promise<AssignmentRequest>;

  // custom extensions
  resumeRequest(
    requestId: string,
    body: { source?: string; type?: string; data?: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<void>;
  createTemporaryAccessPass(
    userId: string,
    body: Partial<TemporaryAccessPass>,
    options?: CallOptions,
  ): Promise<TemporaryAccessPass>;
}

/**
 * A Temporary Access Pass after it was made: from `createTemporaryAccessPasses(client)` in
 * `@entitlement-kit/sdk/temporary-access-passes` (no widget needs them, so no page pays for them).
 */
export interface TemporaryAccessPassVerbs {
  /** A user's pass by id (`temporaryAccessPass` is null: the pass is shown only when created); 'me' for one's own. */
  getTemporaryAccessPass(userId: string, methodId: string, options?: CallOptions): Promise<TemporaryAccessPass>;
  /** Deletes a user's pass; 'me' for one's own. */
  deleteTemporaryAccessPass(userId: string, methodId: string, options?: CallOptions): Promise<void>;
}

/**
 * Suggested packages: from `createSuggestions(client)` in `@entitlement-kit/sdk/suggestions`, so that pages without
 * suggestions do not load it.
 */
export interface SuggestionVerbs {
  /**
   * accessPackageSuggestions/filterByCurrentUser(on=...) with the package expanded: packages the caller may request
   * and does not hold, suggested because related people hold them or the caller held them before (both by default).
   */
  listSuggestions(on?: SuggestionFilterOn[], options?: ListOptions): PagedList<AccessPackageSuggestion>;
}

/**
 * Extending one's access (or a report's): from `createAssignmentUpdates(client)` in
 * `@entitlement-kit/sdk/assignment-updates`, so that pages without an extend form do not load it.
 */
export interface AssignmentUpdateVerbs {
  /** One assignment, with accessPackage, assignmentPolicy and target expanded (an extend form's data). */
  getAssignment(assignmentId: string, options?: CallOptions & { expand?: string[] }): Promise<Assignment>;
  /**
   * userUpdate with the assignment id: the target themself where the policy enables self update, or a manager on
   * behalf where it enables on-behalf update. Needs approval when the policy says isApprovalRequiredForUpdate.
   */
  extendAssignment(assignmentId: string, input?: AssignmentUpdateInput): Promise<AssignmentRequest>;
}

/** Set-up an Identity Governance Administrator does; from `createAdmin(client)` in `@entitlement-kit/sdk/admin`. */
export interface AdminVerbs {
  createCatalog(body: Partial<AccessPackageCatalog>, options?: CallOptions): Promise<AccessPackageCatalog>;
  updateCatalog(id: string, body: Partial<AccessPackageCatalog>, options?: CallOptions): Promise<void>;
  deleteCatalog(id: string, options?: CallOptions): Promise<void>;
  createAccessPackage(body: Partial<AccessPackage> & { catalog: { id: string } }, options?: CallOptions): Promise<AccessPackage>;
  updateAccessPackage(id: string, body: Partial<AccessPackage>, options?: CallOptions): Promise<void>;
  deleteAccessPackage(id: string, options?: CallOptions): Promise<void>;
  addResourceRoleScope(
    accessPackageId: string,
    body: Partial<AccessPackageResourceRoleScope>,
    options?: CallOptions,
  ): Promise<AccessPackageResourceRoleScope>;
  addIncompatiblePackage(accessPackageId: string, incompatibleId: string, options?: CallOptions): Promise<void>;
  removeIncompatiblePackage(accessPackageId: string, incompatibleId: string, options?: CallOptions): Promise<void>;
  /** Separation of duties by group: members of these groups can neither request nor be assigned the package. */
  listIncompatibleGroups(accessPackageId: string, options?: ListOptions): PagedList<Group>;
  addIncompatibleGroup(accessPackageId: string, groupId: string, options?: CallOptions): Promise<void>;
  removeIncompatibleGroup(accessPackageId: string, groupId: string, options?: CallOptions): Promise<void>;
  /** External organizations whose users a policy may let request (`specificConnectedOrganizationUsers`). */
  listConnectedOrganizations(options?: ListOptions): PagedList<ConnectedOrganization>;
  getConnectedOrganization(id: string, options?: CallOptions): Promise<ConnectedOrganization>;
  listPolicies(options?: ListOptions): PagedList<AssignmentPolicy>;
  createPolicy(body: Partial<AssignmentPolicy>, options?: CallOptions): Promise<AssignmentPolicy>;
  /** Policies are replaced with PUT, as Graph does. */
  replacePolicy(id: string, body: Partial<AssignmentPolicy>, options?: CallOptions): Promise<AssignmentPolicy>;
  deletePolicy(id: string, options?: CallOptions): Promise<void>;
  createCustomExtension(
    catalogId: string,
    body: Partial<CustomCalloutExtension>,
    options?: CallOptions,
  ): Promise<CustomCalloutExtension>;
  getCustomExtension(catalogId: string, id: string, options?: CallOptions): Promise<CustomCalloutExtension>;
  /** PATCH (the metadata's method): the properties given. Graph may answer the object or 204; read it again if needed. */
  updateCustomExtension(catalogId: string, id: string, body: Partial<CustomCalloutExtension>, options?: CallOptions): Promise<void>;
  /** Refused (409) while a policy's customExtensionStageSettings still run the extension. */
  deleteCustomExtension(catalogId: string, id: string, options?: CallOptions): Promise<void>;
  /** The packages that name this one as incompatible (read-only; the reverse of incompatibleAccessPackages). */
  listPackagesIncompatibleWith(accessPackageId: string, options?: ListOptions): PagedList<AccessPackage>;
  /** Resources onboarded into catalogs and taken out again (`filter: "catalog/id eq '...'"`; `expand` their navigations). */
  listResourceRequests(options?: ListOptions & { expand?: ('catalog' | 'resource')[] }): PagedList<AccessPackageResourceRequest>;
  createUser(body: Partial<User>, options?: CallOptions): Promise<User>;
  updateUser(id: string, body: Partial<User>, options?: CallOptions): Promise<void>;
  deleteUser(id: string, options?: CallOptions): Promise<void>;
  setManager(userId: string, managerId: string, options?: CallOptions): Promise<void>;
  removeManager(userId: string, options?: CallOptions): Promise<void>;
  /** adminAdd: a direct assignment. */
  assign(
    input: { targetId: string; accessPackageId: string; assignmentPolicyId: string; schedule?: Schedule; justification?: string },
    options?: CallOptions,
  ): Promise<AssignmentRequest>;
  /** adminRemove. */
  unassign(assignmentId: string, options?: CallOptions): Promise<AssignmentRequest>;

  /** entitlementManagementSettings: what happens to an external user who loses their last assignment. */
  getSettings(options?: CallOptions): Promise<EntitlementManagementSettings>;
  updateSettings(body: Partial<EntitlementManagementSettings>, options?: CallOptions): Promise<void>;
  /** subjects(objectId='...'): a user as an access package subject, with its lifecycle. */
  getSubject(objectId: string, options?: CallOptions): Promise<Subject>;
  /** A guest's subjectLifecycle (governed: the settings' external user lifecycle applies to them). */
  updateSubject(objectId: string, subjectLifecycle: SubjectLifecycle, options?: CallOptions): Promise<void>;
  createConnectedOrganization(body: Partial<ConnectedOrganization>, options?: CallOptions): Promise<ConnectedOrganization>;
  /** Graph answers 202 with the organization. */
  updateConnectedOrganization(id: string, body: Partial<ConnectedOrganization>, options?: CallOptions): Promise<ConnectedOrganization>;
  deleteConnectedOrganization(id: string, options?: CallOptions): Promise<void>;
  /** A connected organization's internal or external sponsors: users and groups. */
  listSponsors(organizationId: string, kind: SponsorKind, options?: ListOptions): PagedList<User | Group>;
  addSponsor(organizationId: string, kind: SponsorKind, sponsor: { id: string; type: 'user' | 'group' }, options?: CallOptions): Promise<void>;
  removeSponsor(organizationId: string, kind: SponsorKind, sponsorId: string, options?: CallOptions): Promise<void>;
  /** adminUpdate: change an assignment's end date or answers, without the requestor settings or approval. */
  updateAssignment(assignmentId: string, input?: AssignmentUpdateInput): Promise<AssignmentRequest>;
  /** Retry a request whose delivery failed in whole or in part (deliveryFailed, partiallyDelivered), within 14 days. */
  reprocessRequest(requestId: string, options?: CallOptions): Promise<void>;
  /** Re-enforce an assignment: its resources granted again (delivered, or a delivery that failed). */
  reprocessAssignment(assignmentId: string, options?: CallOptions): Promise<void>;
  /** additionalAccess: assignments of one package whose targets also hold the other (before making them incompatible). */
  listAdditionalAccess(accessPackageId: string, incompatibleAccessPackageId: string, options?: ListOptions & { expand?: string[] }): PagedList<Assignment>;
}

export type SponsorKind = 'internalSponsors' | 'externalSponsors';

export interface ClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0, or the mock's http://127.0.0.1:4010/v1.0 */
  baseUrl: string;
  /** Called for every request (MSAL's acquireTokenSilent, or the mock's minted token). */
  getAccessToken: () => string | Promise<string>;
  /** Custom fetch; defaults to a late-bound globalThis.fetch, so MSW installed after creation still sees calls. */
  fetch?: (request: Request) => Promise<Response>;
  /** Coalesce calls issued in the same tick into JSON batches ($batch, up to 20). Default true. */
  batching?: boolean;
  /** Retries of idempotent calls on 429/503/504 (honouring Retry-After). Default 3; 0 disables. */
  retries?: number;
  /**
   * The longest Retry-After (in ms) the client waits out before a retry; a longer one fails the call at once with
   * the server's GraphError (its `retryAfter` says how long the server asked for). Default 60000.
   */
  maxRetryAfter?: number;
  /** Per-call timeout in ms (default 30000); false disables. */
  timeout?: number | false;
}
