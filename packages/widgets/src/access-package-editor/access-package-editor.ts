import { followRequest } from '../internal/follow-request.ts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createAdmin } from '@entitlement-kit/sdk/admin';
import { MutationController } from '../controllers/mutation-controller.ts';
import { ResourceController } from '../controllers/resource-controller.ts';
import { emit } from '../events.ts';
import { editorCatalogueFor, loadEditorCatalogue, type EditorCatalogue, type EditorKey } from '../i18n/editor.ts';
import { format } from '../i18n/index.ts';
import { EkElement } from '../internal/ek-element.ts';
import { errorStatus, toError } from '../internal/errors.ts';
import type { AccessPackageCatalog, AssignmentRequest, AccessPackageResource, ConnectedOrganization, CustomCalloutExtension, EntitlementClient, User } from '../internal/sdk.ts';
import { formStyles } from '../styles/forms.ts';
import { shared } from '../styles/shared.ts';
import { styles } from './access-package-editor.styles.ts';
import { EDIT_STEPS, newDraft, newPolicy, POLICY_STEPS, STEPS, type Draft, type Principal, type StepId } from './editor-draft.ts';
import { assignDirectly, loadPackage, saveBasics, savePolicy, saveRoles, type ExistingPackage } from './editor-edit.ts';
import type { ExistingActions } from './editor-existing.ts';
import { catalogResources, createPackage, emptyProgress, policyToDraft, type CreateProgress } from './editor-graph.ts';
import type { CatalogChoice, DirectoryResource, EditorHost } from './editor-host.ts';
import { basicsIssues, draftIssues, policyIssues, type Issue } from './editor-rules.ts';
import { renderBasics } from './panel-basics.ts';
import { renderExtensions } from './panel-extensions.ts';
import { renderLifecycle } from './panel-lifecycle.ts';
import { renderQuestions } from './panel-questions.ts';
import { renderRequests } from './panel-requests.ts';
import { renderResources } from './panel-resources.ts';
import { renderReview } from './panel-review.ts';
import { renderCreated } from './panel-created.ts';
import { renderAssignments } from './panel-assignments.ts';
import { renderPolicies } from './panel-policies.ts';
import { renderSeparation } from './panel-separation.ts';

const EM = '/identityGovernance/entitlementManagement';

/** What the editor reads once per client: whether Graph lets the caller administer, the catalogs, the directory. */
export interface EditorSetup {
  allowed: boolean;
  catalogs: CatalogChoice[];
  users: Principal[];
  directory: DirectoryResource[];
  /** Connected organizations, for "Specific connected organizations". */
  organizations: Principal[];
}

/** After a create: what was made, for the hidden toggle, the direct link and the next steps. */
export interface Created {
  packageId: string;
  name: string;
  catalogName: string;
  isHidden: boolean;
}

const STEP_KEYS: Record<StepId, EditorKey> = {
  basics: 'stepBasics',
  resources: 'stepResources',
  requests: 'stepRequests',
  questions: 'stepQuestions',
  lifecycle: 'stepLifecycle',
  extensions: 'stepExtensions',
  review: 'stepReview',
  policies: 'stepPolicies',
  separation: 'stepSeparation',
  assignments: 'stepAssignments',
};

const PANELS: Record<Exclude<StepId, 'review' | 'policies' | 'separation' | 'assignments'>, (host: EditorHost) => TemplateResult> = {
  basics: renderBasics,
  resources: renderResources,
  requests: renderRequests,
  questions: renderQuestions,
  lifecycle: renderLifecycle,
  extensions: renderExtensions,
};

const EXISTING_PANELS = { policies: renderPolicies, separation: renderSeparation, assignments: renderAssignments };

/** What the editor shows: the create wizard, what it created, an existing package, or one policy of it. */
type Mode = 'create' | 'created' | 'package' | 'policy';

/** Whether Graph lets the caller administer entitlement management: listing every request is for administrators. */
async function probeAdmin(client: EntitlementClient, signal: AbortSignal): Promise<boolean> {
  try {
    await client.raw.GET(`${EM}/assignmentRequests`, { params: { query: { $top: 1 } }, signal });
    return true;
  } catch (error) {
    if (errorStatus(toError(error)) === 403) return false;
    throw error;
  }
}

/** Connected organizations are for administrators only: anyone else gets none (and the read-only state). */
async function listOrganizations(client: EntitlementClient, signal: AbortSignal): Promise<Principal[]> {
  try {
    const { data } = await client.raw.GET(`${EM}/connectedOrganizations`, { params: { query: { $top: 999 } as never }, signal });
    return ((data as { value?: ConnectedOrganization[] } | undefined)?.value ?? [])
      .filter((o) => o.id)
      .map((o) => ({ kind: 'organization' as const, id: o.id!, name: o.displayName ?? o.id! }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    if (errorStatus(toError(error)) === 403) return [];
    throw error;
  }
}

async function loadSetup(client: EntitlementClient, signal: AbortSignal): Promise<EditorSetup> {
  // Issued in one tick, so the SDK sends them as one $batch.
  const [allowed, catalogs, users, organizations] = await Promise.all([
    probeAdmin(client, signal),
    client.raw.GET(`${EM}/catalogs`, { params: { query: { $top: 999, $expand: ['resources($expand=roles)'] } as never }, signal }),
    client.raw.GET('/users', { params: { query: { $top: 999, $select: ['id', 'displayName', 'userPrincipalName'] } as never }, signal }),
    listOrganizations(client, signal),
  ]);
  const catalogList = ((catalogs.data as { value?: AccessPackageCatalog[] } | undefined)?.value ?? []).filter((c) => c.catalogType !== 'serviceManaged');
  // The directory's groups, applications and sites as entitlement management knows them (the resources of every
  // catalog): what "See all" offers to bring into a catalog.
  const directory = new Map<string, DirectoryResource>();
  for (const catalog of catalogList) {
    for (const r of catalog.resources ?? []) {
      if (!r.originId || directory.has(r.originId)) continue;
      directory.set(r.originId, {
        originSystem: r.originSystem ?? '',
        originId: r.originId,
        name: r.displayName ?? r.originId,
        roles: (r.roles ?? []).map((role) => ({ originId: role.originId ?? '', name: role.displayName ?? '' })),
      });
    }
  }
  const userList = ((users.data as { value?: User[] } | undefined)?.value ?? []).filter((u) => u.id);
  return {
    allowed,
    catalogs: catalogList.map((c) => ({ id: c.id ?? '', name: c.displayName ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
    users: userList.map((u) => ({ kind: 'user' as const, id: u.id!, name: u.displayName ?? u.userPrincipalName ?? u.id! })).sort((a, b) => a.name.localeCompare(b.name)),
    directory: [...directory.values()].sort((a, b) => a.name.localeCompare(b.name)),
    organizations,
  };
}

/**
 * Seed 003's guided "New access package" for Identity Governance Administrators: Basics, Resource roles, Requests
 * (the initial policy), Requestor information, Lifecycle, Custom extensions, Review + create, each a panel to come
 * back to, validated as you go; then creation through Graph in its order. Other callers see why they cannot use it.
 *
 * With `package-id`, it edits that package instead: Basics (with the hidden toggle and direct link), Resource roles,
 * Policies (each with the Requests, Requestor information, Lifecycle and Custom extensions panels, and more of them),
 * Separation of duties and direct Assignments.
 *
 * @fires {CustomEvent<PackageCreatedDetail>} package-created - The package, its roles and its policy were created; detail `{ accessPackage, catalog, policy, resourceRoleScopes }`.
 * @fires {CustomEvent<AccessPackage>} package-updated - A package's settings changed (basics, hidden, roles, separation of duties); detail is the accessPackage.
 * @fires {CustomEvent<AssignmentPolicy>} policy-saved - A policy was created or replaced; detail is the policy as Graph returned it.
 *
 * @csspart steps - The list of steps.
 * @csspart step - A step's button in that list.
 * @csspart panel - The current step's panel.
 * @csspart stage - An approval stage of a policy.
 * @csspart question - A question for requestors.
 * @csspart problems - The problems listed on Review, each a link to its field.
 * @csspart result - What was created, with the hidden toggle and the direct link; a direct assignment made.
 * @csspart no-access - The state for callers Graph does not let administer.
 * @csspart next-button - Next step.
 * @csspart back-button - Previous step, and back from a policy to its package.
 * @csspart submit-button - Create, Save and Assign.
 * @csspart create-button - Create (and Resume creating).
 * @csspart save-button - Saves a panel of an existing package.
 * @csspart add-button - Adds a person, group, question, localization, answer value, policy or incompatible package.
 * @csspart remove-button - Removes one of those.
 * @csspart add-role-button - Adds the chosen resource role.
 * @csspart edit-button - Opens a policy, or the package just created.
 * @csspart assign-button - Assigns the chosen user directly.
 * @csspart copy-button - Copies the direct link.
 * @csspart again-button - Starts another package.
 */
export class AccessPackageEditor extends EkElement {
  static override styles = [shared, formStyles, styles];

  /** Edits this access package instead of creating one. */
  @property({ attribute: 'package-id' }) packageId?: string;

  /** The link users follow to request a package directly; `{id}` is replaced by the package id. */
  @property({ attribute: 'link-template' }) linkTemplate = 'https://myaccess.microsoft.com/#/access-packages/{id}';

  @state() protected step: StepId = 'basics';
  @state() protected draft: Draft = newDraft();
  /** Steps whose problems are shown: the ones left with Next, and all of them once Review is reached. */
  @state() private checked = new Set<StepId>();
  @state() private progress?: CreateProgress;
  @state() protected created?: Created;
  @state() protected seeAllWanted = false;
  /** The policy of an existing package whose panels are open ('' for a new one); undefined on the package's panels. */
  @state() private openPolicyId?: string;
  @state() private lastAssigned?: string;
  /** The existing package the draft was last filled from. */
  private draftFrom?: ExistingPackage;

  protected readonly resourcePick: EditorHost['resourcePick'] = { type: 'AadGroup', resource: '', role: '' };

  protected get made(): EditorHost['made'] {
    const progress = this.progress;
    return { catalog: !!(progress?.catalog || progress?.pkg), roleKeys: new Set(Object.keys(progress?.roleScopes ?? {})) };
  }

  protected get editing(): boolean {
    return !!this.packageId;
  }

  private get mode(): Mode {
    if (this.created) return 'created';
    if (!this.packageId) return 'create';
    return this.openPolicyId === undefined ? 'package' : 'policy';
  }

  private get steps(): readonly StepId[] {
    return { create: STEPS, created: STEPS, package: EDIT_STEPS, policy: POLICY_STEPS }[this.mode];
  }

  private readonly setup = new ResourceController(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    load: ([client], signal) => loadSetup(client, signal),
    operation: 'loadEditorSetup',
  });

  private readonly catalog = new ResourceController(this, {
    args: () =>
      this.resolvedClient && this.setup.value?.allowed && this.draft.catalogMode === 'existing' && this.draft.catalogId && (!this.packageId || this.existing.value)
        ? ([this.resolvedClient, this.draft.catalogId] as const)
        : undefined,
    load: async ([client, id], signal) => {
      const [resources, extensions] = await Promise.all([
        catalogResources(client, id, signal),
        client.raw.GET(`${EM}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions`, { params: { path: { 'accessPackageCatalog-id': id } }, signal }),
      ]);
      return { resources, extensions: ((extensions.data as { value?: CustomCalloutExtension[] } | undefined)?.value ?? []) as CustomCalloutExtension[] };
    },
    operation: 'getCatalogResources',
  });

  private readonly existing = new ResourceController(this, {
    args: () => (this.resolvedClient && this.setup.value?.allowed && this.packageId ? ([this.resolvedClient, this.packageId] as const) : undefined),
    load: ([client, id], signal) => loadPackage(client, id, signal),
    operation: 'getAccessPackage',
  });

  private readonly creating = new MutationController(this, { operation: 'createAccessPackage' });
  private readonly saving = new MutationController(this, { operation: 'updateAccessPackage' });

  // ---- EditorHost: what the panels use (through a cast, as the other widgets' views do), not public API ----

  protected get e(): EditorCatalogue {
    return editorCatalogueFor(this.resolvedLocale);
  }

  protected msg2(key: EditorKey, params: Record<string, string | number>): string {
    return format(this.e[key], params);
  }

  protected get seeAll(): boolean {
    return this.seeAllWanted;
  }

  protected set seeAll(value: boolean) {
    this.seeAllWanted = value;
  }

  protected get catalogs(): CatalogChoice[] {
    return this.setup.value?.catalogs ?? [];
  }

  protected get catalogResources(): AccessPackageResource[] | undefined {
    return this.catalog.value?.resources;
  }

  protected get catalogExtensions(): CustomCalloutExtension[] | undefined {
    return this.catalog.value?.extensions;
  }

  protected get catalogLoading(): boolean {
    return this.catalog.status === 'loading' || this.catalog.status === 'idle';
  }

  protected get catalogError(): Error | undefined {
    return this.catalog.status === 'error' ? this.catalog.error : undefined;
  }

  protected reloadCatalog(): void {
    this.catalog.reload();
  }

  protected get directoryResources(): DirectoryResource[] | undefined {
    return this.setup.value?.directory;
  }

  protected organizations(): Principal[] {
    return this.setup.value?.organizations ?? [];
  }

  protected principals(groups: boolean): Principal[] {
    const setup = this.setup.value;
    if (!setup) return [];
    const groupList = groups
      ? setup.directory.filter((r) => r.originSystem === 'AadGroup').map((r) => ({ kind: 'group' as const, id: r.originId, name: r.name }))
      : [];
    return [...setup.users, ...groupList];
  }

  protected edit(change: (draft: Draft) => void): void {
    change(this.draft);
    this.requestUpdate();
  }

  protected today(): string {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  protected get issues(): Issue[] {
    const mode = this.mode;
    if (mode === 'policy') return policyIssues(this.draft.policy, this.today());
    if (mode === 'package') return basicsIssues(this.draft);
    return draftIssues(this.draft, this.today());
  }

  protected issueText(issue: Issue): string {
    return this.msg2(`rule_${issue.code}` as EditorKey, issue.params ?? {});
  }

  protected problemFor(field: string): string | undefined {
    const issue = this.issues.find((i) => i.field === field && this.checked.has(i.step));
    return issue ? this.issueText(issue) : undefined;
  }

  protected stepLabel(step: StepId): string {
    // A policy of an existing package is saved, not created.
    if (step === 'review' && this.mode === 'policy') return this.e.stepReviewSave;
    return this.e[STEP_KEYS[step]];
  }

  /** Opens a step's panel; with `field`, focuses that field (a problem's link), else the panel's heading. */
  protected goTo(step: StepId, field?: string): void {
    if (step === 'review') this.checked = new Set([...STEPS, ...EDIT_STEPS]);
    this.step = step;
    void this.updateComplete.then(() => {
      const root = this.renderRoot as ShadowRoot;
      const target = (field && root.getElementById(field)) || root.getElementById('panel-heading');
      (target instanceof HTMLFieldSetElement ? (target.querySelector('input') ?? target) : target)?.focus();
    });
  }

  // ---- element ----

  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadEditorCatalogue(this.resolvedLocale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('packageId')) {
      this.openPolicyId = undefined;
      this.draftFrom = undefined;
      this.checked = new Set();
      if (!(this.steps as StepId[]).includes(this.step)) this.step = 'basics';
    }
    const existing = this.existing.value;
    if (existing && existing !== this.draftFrom && existing.pkg.id === this.packageId) {
      this.draftFrom = existing;
      this.draft = {
        ...newDraft(),
        name: existing.pkg.displayName ?? '',
        description: existing.pkg.description ?? '',
        catalogId: existing.catalogId,
        roles: existing.roles,
      };
    }
    // A new catalog starts empty, so "See all" is where its resources come from.
    if (this.draft.catalogMode === 'new') this.seeAllWanted = true;
  }

  override render() {
    const client = this.resolvedClient;
    const setup = this.setup;
    const busy = setup.status === 'loading' || this.creating.anyPending;
    return html`<div part="base" class="base" lang=${this.stringsLanguage} aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="editor-heading" tabindex="-1">${this.heading()}</h2>
      ${!client
        ? this.renderNotConnected()
        : setup.status === 'error'
          ? this.renderError(setup.error, () => setup.reload())
          : !setup.value
            ? this.renderLoading(this.e.loadingEditor)
            : !setup.value.allowed
              ? this.renderNoAccess()
              : this.packageId
                ? this.renderExisting()
                : this.created
                ? renderCreated(this.asHost(), this.created, {
                    link: this.linkTemplate.replace('{id}', encodeURIComponent(this.created.packageId)),
                    busy: this.saving.isPending('hidden'),
                    error: this.saving.errorFor('hidden'),
                    setHidden: (hidden) => void this.setHidden(hidden),
                    again: () => this.startOver(),
                    editCreated: () => this.editCreated(),
                  })
                : this.renderWizard()}
      ${this.renderLiveRegion()}
    </div>`;
  }

  private heading(): string {
    const name = this.existing.value?.pkg.displayName ?? '';
    switch (this.mode) {
      case 'created':
        return this.e.createdHeading;
      case 'package':
        return name ? this.msg2('editHeading', { name }) : this.e.editLoadingHeading;
      case 'policy':
        return this.openPolicyId ? this.msg2('editPolicyHeading', { name: this.draft.policy.name || name }) : this.msg2('newPolicyHeading', { name });
      default:
        return this.e.editorHeading;
    }
  }

  private renderExisting(): TemplateResult {
    const existing = this.existing;
    if (existing.status === 'error') return this.renderError(existing.error, () => existing.reload());
    if (!existing.value) return this.renderLoading(this.e.loadingPackage);
    return this.renderWizard();
  }

  protected get existingActions(): ExistingActions | undefined {
    const existing = this.existing.value;
    if (!existing || !this.packageId) return undefined;
    return {
      existing,
      isHidden: !!existing.pkg.isHidden,
      link: this.linkTemplate.replace('{id}', encodeURIComponent(this.packageId)),
      lastAssigned: this.lastAssigned,
      busy: (key) => this.saving.isPending(key),
      errorFor: (key) => this.saving.errorFor(key),
      saveBasics: () => void this.saveExistingBasics(existing),
      setHidden: (hidden) => void this.change('hidden', () => this.admin().updateAccessPackage(existing.pkg.id!, { isHidden: hidden }), () => {
        existing.pkg = { ...existing.pkg, isHidden: hidden };
        emit(this, 'package-updated', existing.pkg);
        void this.announce(hidden ? this.e.hiddenOn : this.e.hiddenOff);
      }),
      saveRoles: () => void this.saveExistingRoles(existing),
      openPolicy: (id) => this.openPolicy(existing, id),
      addIncompatible: (id) => void this.change('separation', () => this.admin().addIncompatiblePackage(existing.pkg.id!, id), () => {
        const other = existing.others.find((p) => p.id === id);
        if (other) existing.incompatible = [...existing.incompatible, other];
        emit(this, 'package-updated', { ...existing.pkg, incompatibleAccessPackages: existing.incompatible });
        void this.announce(this.msg2('incompatibleAdded', { name: other?.displayName ?? id }));
      }),
      removeIncompatible: (id) => void this.change('separation', () => this.admin().removeIncompatiblePackage(existing.pkg.id!, id), () => {
        const other = existing.incompatible.find((p) => p.id === id);
        existing.incompatible = existing.incompatible.filter((p) => p.id !== id);
        emit(this, 'package-updated', { ...existing.pkg, incompatibleAccessPackages: existing.incompatible });
        void this.announce(this.msg2('incompatibleRemoved', { name: other?.displayName ?? id }));
      }),
      addIncompatibleGroup: (group) => void this.change('separation-groups', () => this.admin().addIncompatibleGroup(existing.pkg.id!, group.id), () => {
        existing.incompatibleGroups = [...existing.incompatibleGroups, group];
        void this.announce(this.msg2('incompatibleAdded', { name: group.name }));
      }),
      removeIncompatibleGroup: (id) => void this.change('separation-groups', () => this.admin().removeIncompatibleGroup(existing.pkg.id!, id), () => {
        const group = existing.incompatibleGroups.find((g) => g.id === id);
        existing.incompatibleGroups = existing.incompatibleGroups.filter((g) => g.id !== id);
        void this.announce(this.msg2('incompatibleRemoved', { name: group?.name ?? id }));
      }),
      assign: (userId, policyId) => void this.assignUser(existing, userId, policyId),
    };
  }

  private admin() {
    return createAdmin(this.resolvedClient!);
  }

  private api() {
    const client = this.resolvedClient!;
    return { client, admin: createAdmin(client) };
  }

  /** Runs one change of an existing package; `done` updates what is shown once Graph took it. */
  private async change<R>(key: string, action: () => Promise<R>, done: (value: R) => void): Promise<boolean> {
    const result = await this.saving.run(key, action);
    if (result.ok) done(result.value);
    return result.ok;
  }

  private async saveExistingBasics(existing: ExistingPackage): Promise<void> {
    this.checked = new Set([...this.checked, 'basics']);
    if (basicsIssues(this.draft).length) return this.goTo('basics', 'name');
    const { name, description } = this.draft;
    await this.change('basics', () => saveBasics(this.api(), existing.pkg.id!, { name, description }), () => {
      existing.pkg = { ...existing.pkg, displayName: name.trim(), description };
      emit(this, 'package-updated', existing.pkg);
      void this.announce(this.e.saved);
    });
  }

  private async saveExistingRoles(existing: ExistingPackage): Promise<void> {
    const wanted = this.draft.roles;
    await this.change('roles', () => saveRoles(this.api(), existing.pkg.id!, existing.catalogId, existing.roles, wanted), (roles) => {
      existing.roles = roles;
      this.draft.roles = roles;
      this.catalog.reload();
      emit(this, 'package-updated', existing.pkg);
      void this.announce(this.e.saved);
    });
  }

  private nameOf = (id: string): string | undefined => this.principals(true).find((p) => p.id === id)?.name;

  private openPolicy(existing: ExistingPackage, id?: string): void {
    const policy = id ? existing.policies.find((p) => p.id === id) : undefined;
    this.draft.policy = policy ? policyToDraft(policy, this.nameOf) : newPolicy('');
    this.openPolicyId = policy?.id ?? '';
    this.checked = new Set();
    this.saving.clear('policy');
    this.goTo('requests');
  }

  private closePolicy(): void {
    this.openPolicyId = undefined;
    this.goTo('policies');
  }

  private async saveExistingPolicy(): Promise<void> {
    const existing = this.existing.value;
    if (!existing) return;
    this.checked = new Set([...STEPS]);
    if (this.issues.length) {
      await this.updateComplete;
      (this.renderRoot as ShadowRoot).getElementById('problems')?.focus();
      return;
    }
    const draft = this.draft.policy;
    await this.change('policy', () => savePolicy(this.api(), existing.pkg.id!, draft), (saved) => {
      existing.policies = draft.id ? existing.policies.map((p) => (p.id === saved.id ? saved : p)) : [...existing.policies, saved];
      emit(this, 'policy-saved', saved);
      void this.announce(this.msg2('policySaved', { name: saved.displayName ?? '' }));
      this.closePolicy();
    });
  }

  private async assignUser(existing: ExistingPackage, userId: string, policyId: string): Promise<void> {
    const user = this.principals(false).find((p) => p.id === userId)?.name ?? userId;
    const api = this.api();
    const show = (request: AssignmentRequest) => (this.lastAssigned = this.msg2('assigned', { name: user, state: this.stateLabel(request.state) }));
    await this.change('assign', () => assignDirectly(api, { packageId: existing.pkg.id!, policyId, userId }), (request) => {
      void this.announce(show(request));
      // Graph answers submitted; the line then says where the assignment settled (delivered, ...).
      let current = request;
      void followRequest(api.client, () => current, (settled) => void this.announce(show((current = settled))), () => this.isConnected, ['submitted']);
    });
  }

  private editCreated(): void {
    const id = this.created?.packageId;
    this.created = undefined;
    this.draft = newDraft();
    this.progress = undefined;
    this.packageId = id;
    this.step = 'basics';
  }

  private renderNoAccess(): TemplateResult {
    return html`<div class="state info" part="no-access" role="status">
      <p><strong>${this.e.noAccessHeading}</strong></p>
      <p>${this.e.noAccessText}</p>
    </div>`;
  }

  private asHost(): EditorHost {
    return this as unknown as EditorHost;
  }

  private renderWizard(): TemplateResult {
    const issues = this.issues;
    const steps = this.steps;
    const mode = this.mode;
    const index = steps.indexOf(this.step);
    // An existing package's panels each save on their own; the create and policy steps lead on to Review.
    const next = mode === 'package' ? undefined : steps[index + 1];
    return html`
      ${mode === 'policy'
        ? html`<div class="actions"><button type="button" part="button back-button" @click=${() => this.closePolicy()}>${this.e.backToPackage}</button></div>`
        : nothing}
      <nav aria-label=${this.e.stepsLabel}>
        <ol class="steps" part="steps">
          ${steps.map((step, i) => {
            const flagged = this.checked.has(step) && issues.some((issue) => issue.step === step);
            return html`<li>
              <button type="button" part="button step" class="step" aria-current=${step === this.step ? 'step' : 'false'} @click=${() => this.goTo(step)}>
                <span class="step-number" aria-hidden="true">${i + 1}</span>
                <span>${this.stepLabel(step)}</span>${flagged ? html`<span class="visually-hidden"> ${this.e.stepHasProblems}</span><span class="flag" aria-hidden="true">!</span>` : nothing}
              </button>
            </li>`;
          })}
        </ol>
      </nav>
      <section class="panel" part="panel" aria-labelledby="panel-heading">
        <h3 id="panel-heading" tabindex="-1">${this.msg2('stepHeading', { n: index + 1, total: steps.length, step: this.stepLabel(this.step) })}</h3>
        ${this.renderPanel()}
      </section>
      <div class="actions nav-actions">
        ${index > 0 && mode !== 'package' ? html`<button type="button" part="button back-button" @click=${() => this.goTo(steps[index - 1])}>${this.e.previous}</button>` : nothing}
        ${next ? html`<button type="button" part="button next-button" class="primary" @click=${() => this.next()}>${this.msg2('nextStep', { step: this.stepLabel(next) })}</button>` : nothing}
      </div>
    `;
  }

  private renderPanel(): TemplateResult {
    const step = this.step;
    const host = this.asHost();
    if (step === 'review') {
      return this.mode === 'policy'
        ? renderReview(host, { policyOnly: true, busy: this.saving.isPending('policy'), error: this.saving.errorFor('policy'), run: () => void this.saveExistingPolicy() })
        : renderReview(host, { busy: this.creating.isPending(), progress: this.progress, error: this.creating.errorFor(), run: () => void this.create() });
    }
    if (step === 'policies' || step === 'separation' || step === 'assignments') return EXISTING_PANELS[step](host, this.existingActions!);
    return PANELS[step](host);
  }

  /** Next: the step's problems show; with none, the next panel opens, else the first problem's field takes focus. */
  private next(): void {
    const index = this.steps.indexOf(this.step);
    this.checked = new Set([...this.checked, this.step]);
    const first = this.issues.find((i) => i.step === this.step);
    if (first) {
      void this.announce(this.msg2('stepBlocked', { count: this.issues.filter((i) => i.step === this.step).length }));
      this.goTo(this.step, first.field);
      return;
    }
    this.goTo(this.steps[index + 1]);
  }

  private async create(): Promise<void> {
    this.checked = new Set(STEPS);
    if (this.issues.length) {
      await this.updateComplete;
      (this.renderRoot as ShadowRoot).getElementById('problems')?.focus();
      return;
    }
    const client = this.resolvedClient!;
    const progress = (this.progress ??= emptyProgress());
    const draft = this.draft;
    const result = await this.creating.run('', () => createPackage({ client, admin: createAdmin(client) }, draft, progress, () => this.requestUpdate()));
    if (!result.ok) {
      void this.announce(this.e.createFailedHeading);
      return;
    }
    const { pkg, policy, catalog, roleScopes } = result.value;
    emit(this, 'package-created', { accessPackage: pkg!, catalog, policy: policy!, resourceRoleScopes: Object.values(roleScopes) });
    emit(this, 'policy-saved', policy!);
    this.created = {
      packageId: pkg!.id!,
      name: pkg!.displayName ?? draft.name,
      catalogName: draft.catalogMode === 'new' ? draft.newCatalogName : (this.catalogs.find((c) => c.id === draft.catalogId)?.name ?? ''),
      isHidden: !!pkg!.isHidden,
    };
    this.progress = undefined;
    void this.announce(this.msg2('createdText', { name: this.created.name, catalog: this.created.catalogName }));
    await this.updateComplete;
    (this.renderRoot as ShadowRoot).getElementById('editor-heading')?.setAttribute('tabindex', '-1');
    (this.renderRoot as ShadowRoot).getElementById('editor-heading')?.focus();
  }

  private async setHidden(hidden: boolean): Promise<void> {
    const created = this.created;
    const client = this.resolvedClient;
    if (!created || !client) return;
    const result = await this.saving.run('hidden', () => createAdmin(client).updateAccessPackage(created.packageId, { isHidden: hidden }));
    if (!result.ok) return;
    this.created = { ...created, isHidden: hidden };
    emit(this, 'package-updated', { id: created.packageId, displayName: created.name, isHidden: hidden });
    void this.announce(hidden ? this.e.hiddenOn : this.e.hiddenOff);
  }

  private startOver(): void {
    // A catalog created with the last package is one to choose now.
    this.setup.reload();
    this.created = undefined;
    this.draft = newDraft();
    this.checked = new Set();
    this.progress = undefined;
    this.seeAllWanted = false;
    this.goTo('basics');
  }
}
