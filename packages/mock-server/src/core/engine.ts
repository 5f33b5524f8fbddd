// The mock's domain core: one object holding the state and applying every rule of DESIGN section 3. The HTTP
// server and the MSW handlers are thin adapters over it.
//
// How to call it:
// - The caller's id (a user or an app identity, as the token layer resolved it) comes first wherever Graph
//   authorizes; an unknown caller gets 401, a caller without the right role 403.
// - Every failure is a MockGraphError (status, code, message, target) and leaves the state exactly as it was:
//   a write runs on the live state through a recording view (draft.ts) whose undo log is replayed if the rule (or
//   the journal's save) throws, all synchronously, so two concurrent calls can never both pass a check meant for
//   one. A write costs what it touches; indexes beside the state (indexes.ts) follow each touched record.
// - Results are fresh Graph-shaped objects (deep copies); collections are plain arrays, and OData paging,
//   $filter, $orderby, $select and $count are the adapter's job.
// - $expand is the engine's: methods that return expandable types take `{ expand }`, a tree of navigation
//   property names ({ assignment: { target: true }, requestor: true } for
//   `$expand=assignment($expand=target),requestor`); unknown names give 400 as in Graph. Navigation collections
//   Graph serves as their own paths (directReports, members, resources, ...) have their own methods.
// - Time comes from an injectable clock. Whenever the engine sees the clock ahead of the state it first runs,
//   in time order, whatever fell due (time-outs, escalations, scheduled starts, expiry reminders, expirations,
//   callback time-outs); `advance()` and `setNow()` move the engine's clock and do the same.
// - Custom extension callouts go through the injected CalloutPort after the state is committed; a port that
//   rejects marks the callout calloutFailed. `whenIdle()` waits for callouts still in flight.
import { own } from './own-keys.ts';
import type {
  AccessPackage,
  AccessPackageCatalog,
  AccessPackageResource,
  AccessPackageResourceRequest,
  AccessPackageResourceRole,
  AccessPackageResourceRoleScope,
  AccessPackageSuggestion,
  Approval,
  ApprovalStage,
  Assignment,
  AssignmentPolicy,
  AssignmentRequest,
  ConnectedOrganization,
  EntitlementManagementSettings,
  Group,
  Requirements,
  Subject,
  TemporaryAccessPass,
  User,
} from '@entitlement-kit/sdk';
import { SEEDS, type SeedName } from '../seed/index.ts';
import * as catalogAdmin from './catalog-admin.ts';
import * as extensionAdmin from './extension-admin.ts';
import { projectResourceRequest, RESOURCE_REQUEST_NAVIGATIONS } from './resource-requests.ts';
import { clone } from './clone.ts';
import { directReports, findUser, requireAdmin, requireCaller, requireUser } from './directory.ts';
import { ProjectionCache } from './projection-cache.ts';
import { Draft, type Root } from './draft.ts';
import * as directoryAdmin from './directory-admin.ts';
import { badRequest, notFound, unauthorized } from './errors.ts';
import { checkExpand, type Expand } from './expand.ts';
import { randomIds, type IdSource } from './ids.ts';
import * as packageAdmin from './package-admin.ts';
import * as policyAdmin from './policy-admin.ts';
import { catalogExtensions, projectCatalog, projectResource, projectRole } from './projections/catalogs.ts';
import { projectConnectedOrganization, projectGroup, projectObjects, projectUser } from './projections/directory.ts';
import { incompatibleWith, PACKAGE_NAVIGATIONS, packagePolicyIds, POLICY_NAVIGATIONS, projectPackage, projectPolicy, projectRoleScope } from './projections/packages.ts';
import { ASSIGNMENT_NAVIGATIONS, projectApproval, projectAssignment, projectRequest, projectStage, REQUEST_NAVIGATIONS } from './projections/requests.ts';
import { Indexes, tableWindow, useIndexes } from './indexes.ts';
import { windowed, type ListWindow } from './list-window.ts';
import * as queries from './queries.ts';
import { requireAssignment, requireRequest } from './request-records.ts';
import * as requests from './requests.ts';
import * as reprocess from './reprocess.ts';
import { additionalAccess } from './additional-access.ts';
import { hasDue, runDue } from './scheduler.ts';
import { followAutomaticPolicies } from './auto-assignment.ts';
import { checkSnapshot, type Seed } from './snapshot.ts';
import type { CatalogExtension, Notification, State } from './state.ts';
import * as organizations from './connected-organizations.ts';
import * as governance from './governance-settings.ts';
import * as suggestions from './suggestions.ts';
import * as tap from './tap.ts';
import { projectUserExpanded } from './user-expand.ts';
import { durationMs, instantMs, iso, later, ManualClock, MAX_INSTANT, MIN_INSTANT, type Clock } from './time.ts';
import type { PendingCallout, Tx } from './tx.ts';

export type { ListWindow } from './list-window.ts';
import * as workflow from './workflow.ts';

/** Delivers a custom extension callout (POST `payload` as JSON to `url`); rejects when the endpoint cannot be reached. */
export type CalloutPort = (url: string, payload: object) => Promise<void>;

export interface EngineOptions {
  /** Starting state; 'contoso' unless said otherwise. */
  seed?: SeedName | Seed;
  /** Without one the engine keeps its own manual clock, starting at the seed's start. */
  clock?: Clock;
  /** Without one callouts are recorded but go nowhere. */
  callout?: CalloutPort;
  newId?: IdSource;
}

export interface ReadOptions {
  expand?: Expand;
  /**
   * Only this slice of a list is projected (a page costs its own size, not the collection's); the engine sets
   * `total` to the length of the whole list. Lists that take no window ignore it and leave `total` unset.
   */
  window?: ListWindow;
  /**
   * The items may be projections shared between reads (deep-frozen, kept until a write touches their record; see
   * projection-cache.ts): for callers that only serialise them, as the routes do. Off by default: callers of the
   * engine get copies of their own.
   */
  shared?: boolean;
}


export interface Principal {
  id: string;
  kind: 'user' | 'servicePrincipal';
  /** False for a user whose accountEnabled is false; app identities are always enabled. */
  accountEnabled: boolean;
  displayName: string | null;
  userPrincipalName: string | null;
}

/** Where committed changes go (the --state journal). Throwing from either refuses the change: nothing happens. */
export interface StateJournal {
  /** A write is about to commit: `roots` are the records it touched, read their new values off `state`. */
  commit(roots: readonly Root[], state: Readonly<State>): void;
  /** The state was replaced whole (reset, fromJSON). */
  replace(state: Readonly<State>): void;
}

type Body = Record<string, any>;

export class Engine {
  #state!: State;
  #indexes!: Indexes;
  readonly #projections = new ProjectionCache();
  #journal: StateJournal | undefined;
  readonly #clock: Clock;
  readonly #ownClock: boolean;
  readonly #callout: CalloutPort;
  readonly #newId: IdSource;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: EngineOptions = {}) {
    this.#ownClock = !options.clock;
    this.#clock = options.clock ?? new ManualClock(0);
    this.#callout = options.callout ?? (async () => {});
    this.#newId = options.newId ?? randomIds;
    this.reset(options.seed);
  }

  // ---- state, clock, outbox ----

  /** Back to a seed's state. With its own clock the engine also goes back to the seed's start time. */
  reset(seed: SeedName | Seed = 'contoso'): void {
    const chosen = typeof seed === 'string' ? own<Seed>(SEEDS, seed) : seed;
    if (!chosen) throw badRequest('UnknownSeed', `There is no seed '${String(seed)}'.`, 'seed');
    const state = chosen.build(iso(this.#ownClock ? Date.parse(chosen.start) : this.#clock.now()));
    this.#replace(state);
    if (this.#ownClock) this.#clock.set(Date.parse(chosen.start));
  }

  /** The whole state as JSON-safe data (a copy; for state hashes in tests and debugging). */
  toJSON(): State {
    return this.#read(() => this.#state);
  }

  /** The whole state as JSON text, written straight from the live state (GET /_mock/state). */
  stateJSON(): string {
    this.#read(() => undefined);
    return JSON.stringify(this.#state);
  }

  /** `adopt`: the snapshot becomes the engine's state as it is, not a copy (one just parsed from a file). */
  fromJSON(snapshot: unknown, { adopt = false }: { adopt?: boolean } = {}): void {
    const state = checkSnapshot(snapshot, adopt);
    this.#replace(state);
    if (this.#ownClock) this.#clock.set(Date.parse(state.now));
  }

  /** Sends every change from now on to `journal` (undefined: none), starting from the whole current state. */
  setJournal(journal: StateJournal | undefined): void {
    journal?.replace(this.#state);
    this.#journal = journal;
  }

  now(): string {
    return this.#read(() => this.#state.now);
  }

  /** Moves the clock by an ISO 8601 duration (e.g. PT25H, P8D), running what falls due on the way. */
  advance(duration: string): string {
    const ms = durationMs(duration);
    if (ms === undefined) throw badRequest('InvalidDuration', `'${duration}' is not an ISO 8601 duration such as PT25H.`, 'advance');
    const to = later(Math.max(this.#clock.now(), Date.parse(this.#state.now)), ms);
    if (to === undefined) {
      throw badRequest('InvalidDuration', `Advancing by '${duration}' would pass ${MAX_INSTANT}, the last instant Graph represents.`, 'advance');
    }
    return this.#moveClock(to);
  }

  /** Moves the clock to an instant (never backwards), running what falls due on the way. */
  setNow(at: string): string {
    const ms = instantMs(at);
    if (ms === undefined) throw badRequest('InvalidDateTime', `'${at}' is not an ISO 8601 date-time from ${MIN_INSTANT} to ${MAX_INSTANT}.`, 'now');
    if (ms < Date.parse(this.#state.now)) throw badRequest('ClockCannotGoBack', 'The mock clock only moves forward.', 'now');
    return this.#moveClock(ms);
  }

  /** The emails Graph would have sent, oldest first. */
  outbox(): Notification[] {
    return this.#read(() => this.#state.outbox);
  }

  /** Resolves once every callout sent so far has been delivered or marked failed. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  /** For the token layer: the user (by id or UPN) or app identity (by object id or appId) a token names. */
  findPrincipal(idOrName: string): Principal | undefined {
    const state = this.#state;
    const user = findUser(state, idOrName);
    if (user?.id) {
      return {
        id: user.id,
        kind: 'user',
        accountEnabled: user.accountEnabled !== false,
        displayName: user.displayName ?? null,
        userPrincipalName: user.userPrincipalName ?? null,
      };
    }
    const sp = Object.values(state.servicePrincipals).find((p) => p.id === idOrName || p.appId === idOrName);
    return sp && { id: sp.id, kind: 'servicePrincipal', accountEnabled: true, displayName: sp.displayName, userPrincipalName: null };
  }

  /**
   * The caller a token's claims name: `oid` (a user or an app identity) wins over `preferred_username` (a UPN).
   * 401 for anyone the directory does not know; roles always come from the directory, never from the token.
   */
  callerFromClaims(claims: { oid?: string; preferred_username?: string }): string {
    const state = this.#state;
    const id = claims.oid
      ? own(state.users, claims.oid) || own(state.servicePrincipals, claims.oid)
        ? claims.oid
        : undefined
      : claims.preferred_username
        ? findUser(state, claims.preferred_username)?.id
        : undefined;
    if (!id) throw unauthorized('The access token names no user or application of this directory.');
    requireCaller(state, id);
    return id;
  }

  // ---- directory ----

  /** GET /users/{id} and /me, with `$expand` of manager (a chain with `$levels`), directReports, sponsors. */
  getUser(callerId: string, idOrUpn: string, options: ReadOptions = {}): User {
    return this.#read((tx) => projectUserExpanded(tx.state, requireUser(tx.state, idOrUpn).id, options.expand), callerId, true);
  }

  listUsers(callerId: string): User[] {
    return this.#read((tx) => Object.values(tx.state.users).map(projectUser), callerId, true);
  }

  createUser(callerId: string, body: Body): User {
    return this.#write((tx) => projectUser(directoryAdmin.createUser(tx, callerId, body)), callerId);
  }

  updateUser(callerId: string, idOrUpn: string, body: Body): void {
    this.#write((tx) => directoryAdmin.updateUser(tx, callerId, idOrUpn, body), callerId);
  }

  deleteUser(callerId: string, idOrUpn: string): void {
    this.#write((tx) => directoryAdmin.deleteUser(tx, callerId, idOrUpn), callerId);
  }

  /** GET /users/{id}/manager: 404 when the user has none. */
  getManager(callerId: string, idOrUpn: string): User {
    return this.#read((tx) => {
      const { id } = requireUser(tx.state, idOrUpn);
      const managerId = own(tx.state.managers, id);
      if (!managerId || !own(tx.state.users, managerId)) throw notFound('manager of user', id);
      return projectUser(tx.state.users[managerId]);
    }, callerId);
  }

  setManager(callerId: string, idOrUpn: string, managerId: string): void {
    this.#write((tx) => directoryAdmin.setManager(tx, callerId, idOrUpn, managerId), callerId);
  }

  removeManager(callerId: string, idOrUpn: string): void {
    this.#write((tx) => directoryAdmin.removeManager(tx, callerId, idOrUpn), callerId);
  }

  listDirectReports(callerId: string, idOrUpn: string): User[] {
    return this.#read((tx) => {
      const { id } = requireUser(tx.state, idOrUpn);
      return directReports(tx.state, id).map((u) => projectUser(tx.state.users[u]));
    }, callerId);
  }

  listSponsors(callerId: string, idOrUpn: string): (User | Group)[] {
    return this.#read((tx) => projectObjects(tx.state, own(tx.state.sponsors, requireUser(tx.state, idOrUpn).id) ?? []), callerId);
  }

  addSponsor(callerId: string, idOrUpn: string, sponsorId: string): void {
    this.#write((tx) => directoryAdmin.addSponsor(tx, callerId, idOrUpn, sponsorId), callerId);
  }

  removeSponsor(callerId: string, idOrUpn: string, sponsorId: string): void {
    this.#write((tx) => directoryAdmin.removeSponsor(tx, callerId, idOrUpn, sponsorId), callerId);
  }

  listGroups(callerId: string): Group[] {
    return this.#read((tx) => Object.values(tx.state.groups).map(projectGroup), callerId);
  }

  getGroup(callerId: string, id: string): Group {
    return this.#read((tx) => projectGroup(directoryAdmin.requireGroup(tx.state, id)), callerId);
  }

  listGroupMembers(callerId: string, id: string): (User | Group)[] {
    return this.#read((tx) => projectObjects(tx.state, own(tx.state.members, directoryAdmin.requireGroup(tx.state, id).id) ?? []), callerId);
  }

  createGroup(callerId: string, body: Body): Group {
    return this.#write((tx) => projectGroup(directoryAdmin.createGroup(tx, callerId, body)), callerId);
  }

  updateGroup(callerId: string, id: string, body: Body): void {
    this.#write((tx) => directoryAdmin.updateGroup(tx, callerId, id, body), callerId);
  }

  deleteGroup(callerId: string, id: string): void {
    this.#write((tx) => directoryAdmin.deleteGroup(tx, callerId, id), callerId);
  }

  addGroupMember(callerId: string, groupId: string, memberId: string): void {
    this.#write((tx) => directoryAdmin.addMember(tx, callerId, groupId, memberId), callerId);
  }

  removeGroupMember(callerId: string, groupId: string, memberId: string): void {
    this.#write((tx) => directoryAdmin.removeMember(tx, callerId, groupId, memberId), callerId);
  }

  // ---- catalogs ----

  listCatalogs(callerId: string, options: ReadOptions = {}): AccessPackageCatalog[] {
    return this.#read((tx) => Object.keys(tx.state.catalogs).map((id) => projectCatalog(tx.state, id, options.expand)), callerId);
  }

  getCatalog(callerId: string, id: string, options: ReadOptions = {}): AccessPackageCatalog {
    return this.#read((tx) => projectCatalog(tx.state, catalogAdmin.requireCatalog(tx, id).id as string, options.expand), callerId);
  }

  createCatalog(callerId: string, body: Body): AccessPackageCatalog {
    return this.#write((tx) => catalogAdmin.createCatalog(tx, callerId, body), callerId);
  }

  updateCatalog(callerId: string, id: string, body: Body): void {
    this.#write((tx) => catalogAdmin.updateCatalog(tx, callerId, id, body), callerId);
  }

  deleteCatalog(callerId: string, id: string): void {
    this.#write((tx) => catalogAdmin.deleteCatalog(tx, callerId, id), callerId);
  }

  listCatalogPackages(callerId: string, catalogId: string, options: ReadOptions = {}): AccessPackage[] {
    checkExpand(options.expand, 'accessPackage', PACKAGE_NAVIGATIONS);
    return this.#read((tx) => {
      catalogAdmin.requireCatalog(tx, catalogId);
      return Object.keys(tx.state.packages)
        .filter((id) => tx.state.packages[id].catalogId === catalogId)
        .map((id) => projectPackage(tx.state, id, options.expand));
    }, callerId);
  }

  /** GET catalogs/{id}/resources (expand roles, scopes). */
  listCatalogResources(callerId: string, catalogId: string, options: ReadOptions = {}): AccessPackageResource[] {
    return this.#read((tx) => {
      catalogAdmin.requireCatalog(tx, catalogId);
      return Object.keys(tx.state.resources)
        .filter((id) => tx.state.resources[id].catalogId === catalogId)
        .map((id) => projectResource(tx.state, id, options.expand));
    }, callerId);
  }

  /** GET catalogs/{id}/resourceRoles (expand resource). */
  listCatalogResourceRoles(callerId: string, catalogId: string, options: ReadOptions = {}): AccessPackageResourceRole[] {
    return this.#read((tx) => {
      catalogAdmin.requireCatalog(tx, catalogId);
      return Object.keys(tx.state.resourceRoles)
        .filter((id) => tx.state.resources[tx.state.resourceRoles[id].resourceId]?.catalogId === catalogId)
        .map((id) => projectRole(tx.state, id, options.expand));
    }, callerId);
  }

  /** POST resourceRequests (adminAdd / adminRemove of a group, application or site in a catalog). */
  createResourceRequest(callerId: string, body: Body) {
    return this.#write((tx) => catalogAdmin.createResourceRequest(tx, callerId, body), callerId);
  }

  listCustomExtensions(callerId: string, catalogId: string): CatalogExtension[] {
    return this.#read((tx) => {
      catalogAdmin.requireCatalog(tx, catalogId);
      return catalogExtensions(tx.state, catalogId);
    }, callerId);
  }

  getCustomExtension(callerId: string, catalogId: string, id: string): CatalogExtension {
    return this.#read((tx) => extensionAdmin.getExtension(tx, catalogId, id), callerId);
  }

  createCustomExtension(callerId: string, catalogId: string, body: Body): CatalogExtension {
    return this.#write((tx) => extensionAdmin.createExtension(tx, callerId, catalogId, body), callerId);
  }

  /** PATCH (the metadata) or PUT (the docs pages): the properties the body names. */
  updateCustomExtension(callerId: string, catalogId: string, id: string, body: Body): CatalogExtension {
    return this.#write((tx) => extensionAdmin.updateExtension(tx, callerId, catalogId, id, body), callerId);
  }

  deleteCustomExtension(callerId: string, catalogId: string, id: string): void {
    this.#write((tx) => extensionAdmin.deleteExtension(tx, callerId, catalogId, id), callerId);
  }

  // ---- access packages ----

  listPackages(callerId: string, options: ReadOptions = {}): AccessPackage[] {
    checkExpand(options.expand, 'accessPackage', PACKAGE_NAVIGATIONS);
    return this.#read(
      (tx) => tableWindow(tx.state, 'packages', options.window).map((id) => this.#project('packages', id, options, () => projectPackage(tx.state, id, options.expand))),
      callerId,
      true,
    );
  }

  /** GET accessPackages/{id}: works for hidden packages too (a direct link). */
  getPackage(callerId: string, id: string, options: ReadOptions = {}): AccessPackage {
    return this.#read((tx) => projectPackage(tx.state, packageAdmin.requirePackage(tx, id).data.id as string, options.expand), callerId, true);
  }

  /** filterByCurrentUser(on='allowedRequestor'). */
  listRequestablePackages(callerId: string, options: ReadOptions = {}): AccessPackage[] {
    // The projections check $expand per item; a caller with nothing in the list must get the same 400.
    checkExpand(options.expand, 'accessPackage', PACKAGE_NAVIGATIONS);
    return this.#read(
      (tx) =>
        windowed(queries.requestablePackageIds(tx.state, callerId), options.window).map((id) =>
          this.#project('packages', id, options, () => projectPackage(tx.state, id, options.expand)),
        ),
      callerId,
      true,
    );
  }

  getApplicablePolicyRequirements(callerId: string, packageId: string): Requirements[] {
    return this.#read((tx) => {
      packageAdmin.requirePackage(tx, packageId);
      return queries.applicableRequirements(tx.state, callerId, packageId);
    }, callerId);
  }

  createPackage(callerId: string, body: Body): AccessPackage {
    return this.#write((tx) => projectPackage(tx.state, packageAdmin.createPackage(tx, callerId, body).data.id as string), callerId);
  }

  updatePackage(callerId: string, id: string, body: Body): void {
    this.#write((tx) => packageAdmin.updatePackage(tx, callerId, id, body), callerId);
  }

  deletePackage(callerId: string, id: string): void {
    this.#write((tx) => packageAdmin.deletePackage(tx, callerId, id), callerId);
  }

  listResourceRoleScopes(callerId: string, packageId: string, options: ReadOptions = {}): AccessPackageResourceRoleScope[] {
    return this.#read(
      (tx) => packageAdmin.requirePackage(tx, packageId).roleScopes.map((rs) => projectRoleScope(tx.state, rs, options.expand)),
      callerId,
    );
  }

  addResourceRoleScope(callerId: string, packageId: string, body: Body): AccessPackageResourceRoleScope {
    return this.#write(
      (tx) => projectRoleScope(tx.state, packageAdmin.addRoleScope(tx, callerId, packageId, body), { role: true, scope: true }),
      callerId,
    );
  }

  removeResourceRoleScope(callerId: string, packageId: string, roleScopeId: string): void {
    this.#write((tx) => packageAdmin.removeRoleScope(tx, callerId, packageId, roleScopeId), callerId);
  }

  listIncompatiblePackages(callerId: string, packageId: string, options: ReadOptions = {}): AccessPackage[] {
    checkExpand(options.expand, 'accessPackage', PACKAGE_NAVIGATIONS);
    return this.#read(
      (tx) => packageAdmin.requirePackage(tx, packageId).incompatiblePackageIds.map((id) => projectPackage(tx.state, id, options.expand)),
      callerId,
    );
  }

  /** The reverse direction: packages that name this one as incompatible. */
  listPackagesIncompatibleWith(callerId: string, packageId: string, options: ReadOptions = {}): AccessPackage[] {
    checkExpand(options.expand, 'accessPackage', PACKAGE_NAVIGATIONS);
    return this.#read((tx) => {
      packageAdmin.requirePackage(tx, packageId);
      return incompatibleWith(tx.state, packageId).map((id) => projectPackage(tx.state, id, options.expand));
    }, callerId);
  }

  addIncompatiblePackage(callerId: string, packageId: string, otherId: string): void {
    this.#write((tx) => packageAdmin.addIncompatiblePackage(tx, callerId, packageId, otherId), callerId);
  }

  removeIncompatiblePackage(callerId: string, packageId: string, otherId: string): void {
    this.#write((tx) => packageAdmin.removeIncompatiblePackage(tx, callerId, packageId, otherId), callerId);
  }

  listIncompatibleGroups(callerId: string, packageId: string): Group[] {
    return this.#read(
      (tx) =>
        packageAdmin.requirePackage(tx, packageId).incompatibleGroupIds.flatMap((id) => {
          const group = own(tx.state.groups, id);
          return group ? [projectGroup(group)] : [];
        }),
      callerId,
    );
  }

  addIncompatibleGroup(callerId: string, packageId: string, groupId: string): void {
    this.#write((tx) => packageAdmin.addIncompatibleGroup(tx, callerId, packageId, groupId), callerId);
  }

  removeIncompatibleGroup(callerId: string, packageId: string, groupId: string): void {
    this.#write((tx) => packageAdmin.removeIncompatibleGroup(tx, callerId, packageId, groupId), callerId);
  }

  // ---- connected organizations (reads; administration and sponsors are further down) ----

  listConnectedOrganizations(callerId: string): ConnectedOrganization[] {
    return this.#read((tx) => {
      requireAdmin(tx.state, callerId);
      return Object.values(tx.state.connectedOrganizations).map(projectConnectedOrganization);
    }, callerId);
  }

  getConnectedOrganization(callerId: string, id: string): ConnectedOrganization {
    return this.#read((tx) => {
      requireAdmin(tx.state, callerId);
      const org = own(tx.state.connectedOrganizations, id);
      if (!org) throw notFound('connectedOrganization', id);
      return projectConnectedOrganization(org);
    }, callerId);
  }

  // ---- policies ----

  listPolicies(callerId: string, options: ReadOptions = {}): AssignmentPolicy[] {
    return this.#read((tx) => Object.keys(tx.state.policies).map((id) => projectPolicy(tx.state, id, options.expand)), callerId);
  }

  listPackagePolicies(callerId: string, packageId: string, options: ReadOptions = {}): AssignmentPolicy[] {
    checkExpand(options.expand, 'accessPackageAssignmentPolicy', POLICY_NAVIGATIONS);
    return this.#read((tx) => {
      packageAdmin.requirePackage(tx, packageId);
      return packagePolicyIds(tx.state, packageId).map((id) => projectPolicy(tx.state, id, options.expand));
    }, callerId);
  }

  getPolicy(callerId: string, id: string, options: ReadOptions = {}): AssignmentPolicy {
    return this.#read((tx) => projectPolicy(tx.state, policyAdmin.requirePolicy(tx, id).data.id as string, options.expand), callerId);
  }

  createPolicy(callerId: string, body: Body): AssignmentPolicy {
    return this.#write((tx) => this.#policyOut(tx, policyAdmin.createPolicy(tx, callerId, body).data.id as string), callerId);
  }

  /** PUT assignmentPolicies/{id}: Graph replaces policies whole. */
  replacePolicy(callerId: string, id: string, body: Body): AssignmentPolicy {
    return this.#write((tx) => this.#policyOut(tx, policyAdmin.replacePolicy(tx, callerId, id, body).data.id as string), callerId);
  }

  deletePolicy(callerId: string, id: string): void {
    this.#write((tx) => policyAdmin.deletePolicy(tx, callerId, id), callerId);
  }

  // ---- requests ----

  /** POST assignmentRequests: userAdd (for self, or a report via assignment.targetId), userRemove, adminAdd, adminRemove. */
  createRequest(callerId: string, body: Body, options: ReadOptions = {}): AssignmentRequest {
    return this.#write((tx) => projectRequest(tx.state, requests.createRequest(tx, callerId, body), options.expand), callerId);
  }

  getRequest(callerId: string, id: string, options: ReadOptions = {}): AssignmentRequest {
    return this.#read((tx) => {
      const req = requireRequest(tx, id);
      queries.checkCanSeeRequest(tx.state, callerId, req);
      return projectRequest(tx.state, req, options.expand);
    }, callerId, true);
  }

  /** GET assignmentRequests: every request, for administrators. */
  listRequests(callerId: string, options: ReadOptions = {}): AssignmentRequest[] {
    checkExpand(options.expand, 'accessPackageAssignmentRequest', REQUEST_NAVIGATIONS);
    return this.#read((tx) => {
      requireAdmin(tx.state, callerId);
      return tableWindow(tx.state, 'requests', options.window).map((id) =>
        this.#project('requests', id, options, () => projectRequest(tx.state, tx.state.requests[id], options.expand)),
      );
    }, callerId, true);
  }

  /** filterByCurrentUser(on=target|createdBy|approver|targetOrRequestor|targetManager|requestForOthers). */
  listMyRequests(callerId: string, on: string, options: ReadOptions = {}): AssignmentRequest[] {
    // The projections check $expand per item; a caller with nothing in the list must get the same 400.
    checkExpand(options.expand, 'accessPackageAssignmentRequest', REQUEST_NAVIGATIONS);
    return this.#read(
      (tx) =>
        queries.requestsFor(tx.state, callerId, on, options.window).map((r) => this.#project('requests', r.id, options, () => projectRequest(tx.state, r, options.expand))),
      callerId,
      true,
    );
  }

  /** Requests the caller was asked to approve and that no longer wait for them (an approver's History). */
  listDecidedRequests(callerId: string, options: ReadOptions = {}): AssignmentRequest[] {
    checkExpand(options.expand, 'accessPackageAssignmentRequest', REQUEST_NAVIGATIONS);
    return this.#read((tx) => queries.decidedRequests(tx.state, callerId).map((r) => projectRequest(tx.state, r, options.expand)), callerId, true);
  }

  cancelRequest(callerId: string, id: string): AssignmentRequest {
    return this.#write((tx) => {
      workflow.cancel(tx, callerId, id);
      return projectRequest(tx.state, tx.state.requests[id]);
    }, callerId);
  }

  deleteRequest(callerId: string, id: string): void {
    this.#write((tx) => requests.deleteRequest(tx, callerId, id), callerId);
  }

  /** POST assignmentRequests/{id}/resume from the app behind a launch-and-wait custom extension. */
  resumeRequest(callerId: string, id: string, body: Body): void {
    this.#write((tx) => workflow.resume(tx, callerId, id, body), callerId);
  }

  // ---- approvals ----

  /** accessPackageAssignmentApprovals/filterByCurrentUser(on='approver'): approvals awaiting the caller. */
  listMyApprovals(callerId: string, on = 'approver'): Approval[] {
    return this.#read((tx) => {
      if (on !== 'approver') throw badRequest('InvalidFilterOption', "on='approver' is the supported option.", 'on');
      return queries.requestsFor(tx.state, callerId, 'approver').map((r) => projectApproval(tx.state, r, callerId));
    }, callerId);
  }

  /** Approvals the caller took part in that no longer await them. */
  listDecidedApprovals(callerId: string): Approval[] {
    return this.#read((tx) => queries.decidedRequests(tx.state, callerId).map((r) => projectApproval(tx.state, r, callerId)), callerId);
  }

  getApproval(callerId: string, requestId: string): Approval {
    return this.#read((tx) => {
      const req = requireRequest(tx, requestId);
      if (req.stages.length === 0) throw notFound('approval', requestId);
      queries.checkCanSeeApproval(tx.state, callerId, req);
      return projectApproval(tx.state, req, callerId);
    }, callerId);
  }

  listApprovalStages(callerId: string, requestId: string): ApprovalStage[] {
    return this.getApproval(callerId, requestId).stages ?? [];
  }

  getApprovalStage(callerId: string, requestId: string, stageId: string): ApprovalStage {
    const stage = this.listApprovalStages(callerId, requestId).find((s) => s.id === stageId);
    if (!stage) throw notFound('approvalStage', stageId);
    return stage;
  }

  /** PATCH .../stages/{stageId} { reviewResult: 'Approve' | 'Deny', justification }. */
  decide(callerId: string, requestId: string, stageId: string, body: Body): void {
    this.#write((tx) => workflow.decide(tx, callerId, requestId, stageId, body ?? {}), callerId);
  }

  // ---- assignments ----

  /** GET assignments: every assignment, for administrators. */
  listAssignments(callerId: string, options: ReadOptions = {}): Assignment[] {
    checkExpand(options.expand, 'accessPackageAssignment', ASSIGNMENT_NAVIGATIONS);
    return this.#read((tx) => {
      requireAdmin(tx.state, callerId);
      return tableWindow(tx.state, 'assignments', options.window).map((id) =>
        this.#project('assignments', id, options, () => projectAssignment(tx.state, tx.state.assignments[id], options.expand)),
      );
    }, callerId, true);
  }

  getAssignment(callerId: string, id: string, options: ReadOptions = {}): Assignment {
    return this.#read((tx) => {
      const asg = requireAssignment(tx, id);
      queries.checkCanSeeAssignment(tx.state, callerId, asg);
      return projectAssignment(tx.state, asg, options.expand);
    }, callerId, true);
  }

  /** filterByCurrentUser(on=target|createdBy|targetManager); targetManager = the caller's direct reports' assignments. */
  listMyAssignments(callerId: string, on: string, options: ReadOptions = {}): Assignment[] {
    checkExpand(options.expand, 'accessPackageAssignment', ASSIGNMENT_NAVIGATIONS);
    return this.#read(
      (tx) =>
        queries.assignmentsFor(tx.state, callerId, on, options.window).map((a) =>
          this.#project('assignments', a.id, options, () => projectAssignment(tx.state, a, options.expand)),
        ),
      callerId,
      true,
    );
  }

  // ---- reprocess, additional access ----

  /** POST assignmentRequests/{id}/reprocess: retry a failed or partial delivery (within 14 days of completion). */
  reprocessRequest(callerId: string, id: string): void {
    this.#write((tx) => reprocess.reprocessRequest(tx, callerId, id), callerId);
  }

  /** POST assignments/{id}/reprocess: grant the assignment's resources again. */
  reprocessAssignment(callerId: string, id: string): void {
    this.#write((tx) => reprocess.reprocessAssignment(tx, callerId, id), callerId);
  }

  /** assignments/additionalAccess(...): active assignments of one package whose targets also hold the other. */
  listAdditionalAccess(callerId: string, packageId: string, otherId: string, options: ReadOptions = {}): Assignment[] {
    checkExpand(options.expand, 'accessPackageAssignment', ASSIGNMENT_NAVIGATIONS);
    return this.#read(
      (tx) => windowed(additionalAccess(tx, callerId, packageId, otherId), options.window).map((a) => projectAssignment(tx.state, a, options.expand)),
      callerId,
      true,
    );
  }

  // ---- Temporary Access Pass ----

  createTemporaryAccessPass(callerId: string, userIdOrUpn: string, body: Body = {}): TemporaryAccessPass {
    return this.#write((tx) => tap.createTemporaryAccessPass(tx, callerId, userIdOrUpn, body), callerId);
  }

  listTemporaryAccessPasses(callerId: string, userIdOrUpn: string): TemporaryAccessPass[] {
    return this.#read((tx) => tap.listTemporaryAccessPasses(tx, callerId, userIdOrUpn), callerId);
  }

  getTemporaryAccessPass(callerId: string, userIdOrUpn: string, id: string): TemporaryAccessPass {
    return this.#read((tx) => tap.getTemporaryAccessPass(tx, callerId, userIdOrUpn, id), callerId);
  }

  deleteTemporaryAccessPass(callerId: string, userIdOrUpn: string, id: string): void {
    this.#write((tx) => tap.deleteTemporaryAccessPass(tx, callerId, userIdOrUpn, id), callerId);
  }

  // ---- access package suggestions (suggestions.ts) ----

  /** accessPackageSuggestions (both kinds) or its filterByCurrentUser(on='...') with comma-separated flags. */
  listSuggestions(callerId: string, on: string | undefined, options: ReadOptions = {}): AccessPackageSuggestion[] {
    const kinds = on === undefined ? suggestions.ALL_KINDS : suggestions.parseSuggestionFilter(on);
    return this.#read((tx) => suggestions.suggestionsFor(tx.state, callerId, kinds, options.expand), callerId, true);
  }

  /** The tenant's endUserSettings the mock keeps (GET/PUT /_mock/end-user-settings). */
  endUserSettings(): { relatedPeopleInsightLevel: suggestions.RelatedPeopleInsightLevel } {
    return this.#read((tx) => ({ relatedPeopleInsightLevel: suggestions.insightLevel(tx.state) }));
  }

  setEndUserSettings(level: string): void {
    if (!(suggestions.RELATED_PEOPLE_INSIGHT_LEVELS as readonly string[]).includes(level)) {
      throw badRequest('BadRequest', `relatedPeopleInsightLevel must be one of ${suggestions.RELATED_PEOPLE_INSIGHT_LEVELS.join(', ')}.`, 'relatedPeopleInsightLevel');
    }
    this.#write((tx) => {
      tx.state.endUserSettings = { relatedPeopleInsightLevel: level as suggestions.RelatedPeopleInsightLevel };
    });
  }

  // ---- entitlementManagementSettings and accessPackageSubjects (governance-settings.ts) ----

  getSettings(callerId: string): EntitlementManagementSettings {
    return this.#read((tx) => governance.getSettings(tx.state, callerId), callerId);
  }

  updateSettings(callerId: string, body: Body): void {
    this.#write((tx) => governance.updateSettings(tx, callerId, body), callerId);
  }

  /** subjects(objectId='...') and subjects/{id} (the mock's subject ids are object ids). */
  getSubject(callerId: string, objectId: string, options: ReadOptions = {}): Subject {
    return this.#read((tx) => governance.getSubject(tx.state, callerId, objectId, options.expand), callerId);
  }

  updateSubject(callerId: string, objectId: string, body: Body): void {
    this.#write((tx) => governance.updateSubject(tx, callerId, objectId, body), callerId);
  }

  // ---- connected organizations: administration and sponsors (connected-organizations.ts) ----

  createConnectedOrganization(callerId: string, body: Body): ConnectedOrganization {
    return this.#write((tx) => projectConnectedOrganization(organizations.createOrganization(tx, callerId, body)), callerId);
  }

  /** PATCH answers 202 with the organization (connectedorganization-update.md). */
  updateConnectedOrganization(callerId: string, id: string, body: Body): ConnectedOrganization {
    return this.#write((tx) => projectConnectedOrganization(organizations.updateOrganization(tx, callerId, id, body)), callerId);
  }

  deleteConnectedOrganization(callerId: string, id: string): void {
    this.#write((tx) => organizations.deleteOrganization(tx, callerId, id), callerId);
  }

  listOrganizationSponsors(callerId: string, id: string, kind: organizations.SponsorKind): (User | Group)[] {
    return this.#read((tx) => projectObjects(tx.state, organizations.sponsorIds(tx.state, callerId, id, kind)), callerId);
  }

  addOrganizationSponsor(callerId: string, id: string, kind: organizations.SponsorKind, sponsorId: string): void {
    this.#write((tx) => organizations.addSponsor(tx, callerId, id, kind, sponsorId), callerId);
  }

  removeOrganizationSponsor(callerId: string, id: string, kind: organizations.SponsorKind, sponsorId: string): void {
    this.#write((tx) => organizations.removeSponsor(tx, callerId, id, kind, sponsorId), callerId);
  }

  // ---- resource requests (issue 12) ----

  /** GET resourceRequests: every onboarding and removal, oldest first; administrators only. */
  listResourceRequests(callerId: string, options: ReadOptions = {}): AccessPackageResourceRequest[] {
    checkExpand(options.expand, 'accessPackageResourceRequest', RESOURCE_REQUEST_NAVIGATIONS);
    return this.#read((tx) => {
      requireAdmin(tx.state, callerId);
      return Object.keys(tx.state.resourceRequests).map((id) => projectResourceRequest(tx.state, id, options.expand));
    }, callerId);
  }

  // ---- machinery ----

  #policyOut(tx: Tx, id: string): AssignmentPolicy {
    // Graph's answer to a create or PUT names each stage's extension (customExtensionStageSettings[].customExtension).
    return projectPolicy(tx.state, id, { questions: true, customExtensionStageSettings: { customExtension: true } });
  }

  #tx(state: State): Tx {
    return { state, now: Date.parse(state.now), newId: this.#newId, callouts: [] };
  }

  /** A new state whole (seed, snapshot): the journal saves it first, then it gets its indexes. */
  #replace(state: State): void {
    // Added to the state later: snapshots saved before it, and seeds written in JavaScript, have none.
    state.guestRemovals ??= {};
    this.#journal?.replace(state);
    this.#state = state;
    this.#indexes = new Indexes(state);
    useIndexes(state, this.#indexes);
    this.#projections.clear();
  }

  /** A record's projection; kept between reads (`shared`) when nothing is expanded. */
  #project<T extends object>(table: string, id: string, options: ReadOptions, project: () => T): T {
    return options.shared && !options.expand ? this.#projections.get(table, id, project) : project();
  }

  /** Runs a rule on the recording view; undone unless it returns and the journal takes it. Callouts leave after. */
  #write<T>(rule: (tx: Tx) => T, callerId?: string): T {
    const indexes = this.#indexes;
    const projections = this.#projections;
    const draft = new Draft(this.#state, (root) => {
      indexes.touch(root);
      projections.touch(root);
    });
    useIndexes(draft.state, indexes);
    const tx = this.#tx(draft.state);
    let result: T;
    try {
      runDue(tx, Math.max(this.#clock.now(), tx.now));
      if (callerId !== undefined) requireCaller(tx.state, callerId);
      result = clone(rule(tx));
      followAutomaticPolicies(tx, draft.touched());
      const touched = draft.touched();
      if (touched.length) this.#journal?.commit(touched, this.#state);
    } catch (error) {
      draft.rollback();
      throw error;
    }
    this.#dispatch(tx.callouts);
    return result;
  }

  /** `fresh`: the query returns only projections (new objects all the way down), so no second copy is made. */
  #read<T>(query: (tx: Tx) => T, callerId?: string, fresh = false): T {
    const now = this.#clock.now();
    // Something fell due (time moved on, or a request created by the last call awaits processing): due rules run as
    // a write; with none due, only the state's clock moves (no draft copy to make).
    if (hasDue(this.#state, now)) this.#write(() => undefined);
    else if (now > Date.parse(this.#state.now)) this.#state.now = iso(now);
    const tx = this.#tx(this.#state);
    if (callerId !== undefined) requireCaller(tx.state, callerId);
    const result = query(tx);
    return fresh ? result : clone(result);
  }

  #moveClock(ms: number): string {
    const before = this.#clock.now();
    this.#clock.set(ms);
    try {
      this.#write(() => undefined);
    } catch (error) {
      // Refused (say the journal could not save it): the clock stays where it was, like the state.
      this.#clock.set(before);
      throw error;
    }
    return this.#state.now;
  }

  #dispatch(callouts: PendingCallout[]): void {
    for (const sent of callouts) {
      const delivery: Promise<void> = Promise.resolve()
        .then(() => this.#callout(sent.url, sent.payload))
        .then(
          () => undefined,
          () => this.#write((tx) => workflow.calloutFailed(tx, sent)),
        )
        .catch(() => undefined)
        .finally(() => this.#inFlight.delete(delivery));
      this.#inFlight.add(delivery);
    }
  }
}
