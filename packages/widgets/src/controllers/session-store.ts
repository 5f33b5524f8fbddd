import { isAbortError, toError } from '../internal/errors.ts';
import type { ReviewResult } from '../events.ts';
import type { Approval, AssignmentPolicy, AssignmentRequest, EntitlementClient, User } from '../internal/sdk.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A value read once and shared: `value` when ready, `error` when it could not be read. */
export interface Shared<T> {
  status: LoadStatus;
  value?: T;
  error?: Error;
}

/**
 * A decision an approval inbox saw recorded during this page session: the caller's own, or one another approver
 * made first (the caller's attempt got a 409). Graph v1.0 has no list of an approver's past decisions
 * (`filterByCurrentUser(on='approver')` lists only requests still waiting for the caller), so the inbox's History
 * shows these.
 */
export interface RecordedDecision {
  /** The request as read back after the decision (its state may have moved on), else as it was listed. */
  request: AssignmentRequest;
  /** The approval as read back: its stages say who decided what and when. */
  approval: Approval;
  /** True when the caller decided; false when another approver had decided first. */
  byCaller: boolean;
  /** The caller's decision, when byCaller. */
  reviewResult?: ReviewResult;
  /** When the inbox saw it (ISO 8601). */
  seenAt: string;
}

const stores = new WeakMap<EntitlementClient, SessionStore>();

/**
 * What several widgets on a page need about the signed-in user: who they are, their direct reports, and the
 * policies, users and packages the widgets look up by id. Read once per client and shared, so three widgets under
 * one provider cost one `GET /me`, not three. Widgets subscribe through SessionController.
 */
export class SessionStore {
  /** One store per client, whether it came from a provider or was handed to a widget directly. */
  static for(client: EntitlementClient): SessionStore {
    let store = stores.get(client);
    if (!store) {
      store = new SessionStore(client);
      stores.set(client, store);
    }
    return store;
  }

  me: Shared<User> = { status: 'idle' };
  reports: Shared<User[]> = { status: 'idle' };

  private readonly listeners = new Set<() => void>();
  private readonly policies = new Map<string, Shared<AssignmentPolicy>>();
  private readonly packagePolicies = new Map<string, Promise<AssignmentPolicy[] | undefined>>();
  private readonly users = new Map<string, Shared<User>>();
  private readonly recorded = new Map<string, RecordedDecision>();

  private constructor(readonly client: EntitlementClient) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts reading the caller and their reports unless done or under way. Both calls leave in one tick, so in one batch. */
  ensureSession(): void {
    if (this.me.status === 'idle') void this.loadMe();
    if (this.reports.status === 'idle') void this.loadReports();
  }

  /** Reads again whatever failed. */
  retry(): void {
    if (this.me.status === 'error') void this.loadMe();
    if (this.reports.status === 'error') void this.loadReports();
  }

  /** Decisions seen during this page session, newest first (see RecordedDecision). */
  get decisions(): RecordedDecision[] {
    return [...this.recorded.values()].sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  }

  decisionFor(requestId: string | null | undefined): RecordedDecision | undefined {
    return requestId ? this.recorded.get(requestId) : undefined;
  }

  /** Keeps a decision for every widget of this client to show; a later one for the same request replaces it. */
  recordDecision(decision: RecordedDecision): void {
    const id = decision.request.id;
    if (!id) return;
    this.recorded.set(id, decision);
    this.notify();
  }

  /** A display name for a user id, from what is known (the caller, their reports, users read by id). */
  displayNameOf(id: string | null | undefined): string | undefined {
    if (!id) return undefined;
    if (this.me.value?.id === id) return this.me.value.displayName ?? undefined;
    return (this.reports.value?.find((r) => r.id === id) ?? this.users.get(id)?.value)?.displayName ?? undefined;
  }

  /** A user by id, read on first use; subscribers hear when it arrives. */
  user(id: string): Shared<User> {
    const known = this.reports.value?.find((r) => r.id === id) ?? (this.me.value?.id === id ? this.me.value : undefined);
    if (known) return { status: 'ready', value: known };
    return this.cached(this.users, id, () => this.client.getUser(id));
  }

  /** A policy by id, read on first use. Requestors may not be allowed to read policies: then the entry is an error and callers fall back to what Graph enforces. */
  policy(id: string): Shared<AssignmentPolicy> {
    return this.cached(this.policies, id, async () => {
      const { data } = await this.client.raw.GET('/identityGovernance/entitlementManagement/assignmentPolicies/{accessPackageAssignmentPolicy-id}', {
        params: { path: { 'accessPackageAssignmentPolicy-id': id } },
      });
      if (!data) throw new Error(`Policy ${id} could not be read.`);
      return data;
    });
  }

  /** The policies of a package, or undefined when the caller may not read them. Never rejects. */
  policiesOf(accessPackageId: string): Promise<AssignmentPolicy[] | undefined> {
    let pending = this.packagePolicies.get(accessPackageId);
    if (!pending) {
      pending = this.client.raw
        .GET('/identityGovernance/entitlementManagement/accessPackages/{accessPackage-id}/assignmentPolicies', {
          params: { path: { 'accessPackage-id': accessPackageId } },
        })
        .then(({ data }) => {
          const value = data?.value ?? undefined;
          for (const policy of value ?? []) if (policy.id) this.policies.set(policy.id, { status: 'ready', value: policy });
          return value;
        })
        .catch(() => {
          this.packagePolicies.delete(accessPackageId);
          return undefined;
        });
      this.packagePolicies.set(accessPackageId, pending);
    }
    return pending;
  }

  private cached<T>(map: Map<string, Shared<T>>, id: string, read: () => Promise<T>): Shared<T> {
    const entry = map.get(id);
    if (entry) return entry;
    const loading: Shared<T> = { status: 'loading' };
    map.set(id, loading);
    read().then(
      (value) => this.set(map, id, { status: 'ready', value }),
      (error: unknown) => this.set(map, id, { status: 'error', error: toError(error) }),
    );
    return loading;
  }

  private set<T>(map: Map<string, Shared<T>>, id: string, entry: Shared<T>): void {
    map.set(id, entry);
    this.notify();
  }

  private async loadMe(): Promise<void> {
    this.me = { ...this.me, status: 'loading', error: undefined };
    this.notify();
    try {
      this.me = { status: 'ready', value: await this.client.getMe() };
    } catch (error) {
      this.me = { status: 'error', error: toError(error) };
    }
    this.notify();
  }

  private async loadReports(): Promise<void> {
    this.reports = { ...this.reports, status: 'loading', error: undefined };
    this.notify();
    try {
      // A manager's direct reports fit in memory; toArray follows @odata.nextLink to the end.
      const all = await this.client.listDirectReports().toArray();
      this.reports = { status: 'ready', value: all.filter((u) => !u['@odata.type'] || u['@odata.type'] === '#microsoft.graph.user') };
    } catch (error) {
      if (isAbortError(error)) return;
      this.reports = { status: 'error', error: toError(error) };
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
