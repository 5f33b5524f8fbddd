import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MutationController } from '../controllers/mutation-controller.ts';
import { PagedController } from '../controllers/paged-controller.ts';
import { ResourceController } from '../controllers/resource-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { SessionStore } from '../controllers/session-store.ts';
import { TabsController } from '../controllers/tabs-controller.ts';
import { emit } from '../events.ts';
import { format } from '../i18n/index.ts';
import { EkElement } from '../internal/ek-element.ts';
import {
  allowsOnBehalfAdd,
  allowsSelfAdd,
  canCancel,
  canResubmit,
  localizedText,
  packageIdOf,
  packageOf,
  policyIdOf,
  questionKind,
  sortedQuestions,
  targetIdOf,
} from '../internal/graph.ts';
import type {
  AccessPackage,
  AccessPackageResourceRoleScope,
  AssignmentPolicy,
  AssignmentRequest,
  MultipleChoiceQuestion,
  OnBehalfRequestInput,
  Question,
  Requirements,
  User,
} from '../internal/sdk.ts';
import { shared } from '../styles/shared.ts';
import {
  answersOf,
  buildAnswers,
  buildSchedule,
  effectiveStart,
  latestEnd,
  questionField,
  periodOf,
  toDateInput,
  validateDraft,
  type Draft,
  type FieldError,
  type Target,
} from './request-draft.ts';
import { styles } from './request-access-pane.styles.ts';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

type Tab = 'catalog' | 'history';

interface PackageData {
  pkg: AccessPackage;
  requirements: Requirements[];
  /** The package's policies, or undefined when the caller may not read them (Graph then decides on submit). */
  policies: AssignmentPolicy[] | undefined;
}

/** What a resubmit carries over from the earlier request. */
interface Prefill {
  packageId: string;
  policyId?: string;
  targetUserId?: string;
  answers: Record<string, string[]>;
  justification: string;
  /** The specific period asked for (yyyy-mm-dd), when the earlier request had one that has not ended. */
  period?: { startDate: string; endDate: string };
}

const newestFirst = (a: AssignmentRequest, b: AssignmentRequest) =>
  (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? '');

/**
 * The "Access packages" and "Request history" pages of My Access in one element: browse and search the packages
 * the caller may request, open one, fill in the request (for themself or a direct report) and submit; see earlier
 * requests, cancel pending ones, resubmit denied or canceled ones.
 *
 * @fires request-submitted - A request was created; detail is the accessPackageAssignmentRequest.
 * @fires request-canceled - A pending request was canceled; detail is the request as read back.
 * @fires widget-error - A Graph call failed; detail is `{ error, operation }`.
 *
 * @csspart base - The widget's frame.
 * @csspart tabs - The tablist; `tab` each tab.
 * @csspart search - The search field's wrapper.
 * @csspart list - A list of packages or requests.
 * @csspart item - A package or request row.
 * @csspart details - The opened package.
 * @csspart form - The request form.
 * @csspart result - The confirmation after a submit.
 * @csspart button - Every button; also `submit-button`, `cancel-button`, `resubmit-button`, `back-button`,
 *   `retry-button`, `load-more-button`.
 * @csspart loading - Loading state; `empty` empty state; `error` error state.
 */
export class RequestAccessPane extends EkElement {
  static override styles = [shared, styles];

  /** Opens this package directly (a deep link); works for hidden packages too. */
  @property({ attribute: 'package-id' }) packageId?: string;

  /** Preselects "Someone else" with this direct report. */
  @property({ attribute: 'target-user-id' }) targetUserId?: string;

  @state() private openPackageId?: string;
  /** The name shown while the opened package loads, when it was picked from the list. */
  @state() private openPackageName?: string;
  @state() private searchText = '';
  @state() private query = '';
  @state() private draft?: Draft;
  @state() private fieldErrors: Record<string, FieldError> = {};
  @state() private submitted?: AssignmentRequest;
  /** Who the submitted request is for (a report's id, or undefined for the caller): Graph's POST answer may not say. */
  private submittedFor?: string;
  @state() private expandedRequestId?: string;
  @state() private catalogWanted = false;
  @state() private historyWanted = false;

  private prefill?: Prefill;
  private draftFor?: PackageData;
  private searchTimer?: ReturnType<typeof setTimeout>;

  // Re-renders when the caller, their reports or a looked-up name arrive.
  private readonly sessionSubscription = new SessionController(this);

  private readonly tabs = new TabsController<Tab>(this, ['catalog', 'history'], (tab) => {
    if (tab === 'history') this.historyWanted = true;
  });

  private readonly catalog = new PagedController(this, {
    args: () => (this.resolvedClient && this.catalogWanted ? ([this.resolvedClient, this.query] as const) : undefined),
    lists: ([client, query], signal) => client.listRequestablePackages({ search: query || undefined, top: PAGE_SIZE, abortSignal: signal }),
    key: (pkg: AccessPackage) => pkg.id ?? '',
    operation: 'listRequestablePackages',
  });

  private readonly details = new ResourceController(this, {
    args: () => (this.resolvedClient && this.openPackageId ? ([this.resolvedClient, this.openPackageId] as const) : undefined),
    load: async ([client, id], signal): Promise<PackageData> => {
      // Issued in one tick, so the SDK sends them as one $batch.
      const [pkg, requirements, policies] = await Promise.all([
        client.getPackage(id, { abortSignal: signal }),
        client.getRequirements(id, { abortSignal: signal }),
        SessionStore.for(client).policiesOf(id),
      ]);
      return { pkg, requirements, policies };
    },
    operation: 'getPackage',
  });

  private readonly history = new PagedController(this, {
    args: () => (this.resolvedClient && this.historyWanted ? ([this.resolvedClient] as const) : undefined),
    // Requests for the caller and requests the caller made for others: one list, each request once.
    lists: ([client], signal) => [
      client.listMyRequests('target', { top: PAGE_SIZE, abortSignal: signal }),
      client.listMyRequests('createdBy', { top: PAGE_SIZE, abortSignal: signal }),
    ],
    key: (request: AssignmentRequest) => request.id ?? '',
    compare: newestFirst,
    operation: 'listMyRequests',
  });

  private readonly submitting = new MutationController(this, { operation: 'requestAccess' });
  private readonly canceling = new MutationController(this, { operation: 'cancelRequest' });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('packageId')) {
      this.openPackage(this.packageId || undefined);
      this.tabs.select('catalog');
    }
    if (changed.has('targetUserId') && changed.get('targetUserId') !== undefined) this.draftFor = undefined;
    if (!this.openPackageId && this.tabs.selected === 'catalog') this.catalogWanted = true;
    const data = this.details.value;
    // The draft starts once the package and the caller's session are both known (the target depends on both).
    if (data && data !== this.draftFor && data.pkg.id === this.openPackageId && this.sessionSettled()) {
      this.draftFor = data;
      this.draft = this.initialDraft(data);
      this.fieldErrors = {};
    }
  }

  override render() {
    const client = this.resolvedClient;
    const busy = this.catalog.busy || this.details.status === 'loading' || this.history.busy || this.submitting.anyPending;
    return html`<div part="base" class="base" lang=${this.stringsLanguage} aria-busy=${busy ? 'true' : 'false'}>
      ${this.tabs.render(this.t.paneTabsLabel, { catalog: this.t.tabCatalog, history: this.t.tabHistory })}
      <div
        role="tabpanel"
        id=${this.tabs.panelId('catalog')}
        aria-labelledby=${this.tabs.tabId('catalog')}
        class="panel"
        ?hidden=${this.tabs.selected !== 'catalog'}
      >
        ${this.tabs.selected !== 'catalog' ? nothing : !client ? this.renderNotConnected() : this.openPackageId ? this.renderPackage() : this.renderCatalog()}
      </div>
      <div
        role="tabpanel"
        id=${this.tabs.panelId('history')}
        aria-labelledby=${this.tabs.tabId('history')}
        class="panel"
        ?hidden=${this.tabs.selected !== 'history'}
      >
        ${this.tabs.selected !== 'history' ? nothing : !client ? this.renderNotConnected() : this.renderHistory()}
      </div>
      ${this.renderLiveRegion()}
    </div>`;
  }

  // ---- catalogue ----

  private renderCatalog(): TemplateResult {
    const { catalog } = this;
    return html`
      <div part="search" class="field search">
        <label for="search">${this.t.searchLabel}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.searchText} @input=${this.onSearchInput} aria-describedby="search-hint" />
        <span id="search-hint" class="hint">${this.t.searchHint}</span>
      </div>
      ${catalog.status === 'error'
        ? this.renderError(catalog.error, () => catalog.retry())
        : catalog.status === 'loading' || catalog.status === 'idle'
          ? this.renderLoading(this.t.loadingPackages)
          : catalog.items.length === 0
            ? this.renderEmpty(this.query ? this.msg('noPackagesMatch', { query: this.query }) : this.t.noPackages)
            : this.renderList(catalog, {
                label: this.t.packagesListLabel,
                key: (pkg) => pkg.id ?? '',
                renderItem: (pkg) => html`<button type="button" part="item" class="row" @click=${() => this.openPackage(pkg.id ?? undefined, true, pkg.displayName ?? undefined)}>
                  <span class="row-title">${pkg.displayName}</span>
                  ${pkg.description ? html`<span class="row-meta">${pkg.description}</span>` : nothing}
                </button>`,
              })}
    `;
  }

  private onSearchInput(event: InputEvent): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    // Graph is asked once the typing pauses, not per keystroke.
    this.searchTimer = setTimeout(() => {
      this.query = this.searchText.trim();
    }, SEARCH_DELAY_MS);
  }

  private sessionSettled(): boolean {
    const store = this.sessionStore;
    const settled = (status: string | undefined) => status === 'ready' || status === 'error';
    return !!store && settled(store.me.status) && settled(store.reports.status);
  }

  private openPackage(id: string | undefined, focusHeading = false, name?: string): void {
    this.openPackageId = id;
    this.openPackageName = name;
    this.submitted = undefined;
    this.submitting.clear();
    this.draftFor = undefined;
    this.draft = undefined;
    if (focusHeading) void this.focusSelector('#package-heading');
  }

  private backToCatalog(): void {
    this.openPackage(undefined);
    this.prefill = undefined;
    void this.focusSelector('#search');
  }

  private async focusSelector(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Focuses a form field by id; for a group of choices, its first choice. */
  private async focusField(id: string): Promise<void> {
    await this.updateComplete;
    const element = (this.renderRoot as ShadowRoot).getElementById(id);
    (element instanceof HTMLFieldSetElement ? element.querySelector('input') : element)?.focus();
  }

  // ---- package and request form ----

  private renderPackage(): TemplateResult {
    const { details } = this;
    const data = details.status === 'ready' ? details.value : undefined;
    const ready = data && this.draft;
    // One heading throughout, so focus put on it when the package opens stays there when the details arrive.
    return html`<div class="actions">
        <button type="button" part="button back-button" class="link" @click=${this.backToCatalog}>${this.t.backToPackages}</button>
      </div>
      <section part="details" class="panel" aria-labelledby="package-heading">
        <h2 id="package-heading" tabindex="-1">${data?.pkg.displayName ?? this.openPackageName ?? this.t.loadingPackage}</h2>
        ${details.status === 'error'
          ? this.renderError(details.error, () => details.reload())
          : !ready
            ? this.renderLoading(this.t.loadingPackage)
            : html`${data.pkg.description ? html`<p>${data.pkg.description}</p>` : nothing} ${this.renderResources(data.pkg.resourceRoleScopes ?? [])}`}
      </section>
      ${ready ? (this.submitted ? this.renderResult(this.submitted, data.pkg) : this.renderForm(data, ready)) : nothing}`;
  }

  private renderResources(scopes: AccessPackageResourceRoleScope[]): TemplateResult {
    if (scopes.length === 0) return html`<p class="muted">${this.t.noResources}</p>`;
    return html`<table class="resources">
      <caption>
        ${this.t.resourcesHeading}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t.resourceColumn}</th>
          <th scope="col">${this.t.resourceTypeColumn}</th>
          <th scope="col">${this.t.roleColumn}</th>
        </tr>
      </thead>
      <tbody>
        ${scopes.map((scope) => {
          const resource = scope.role?.resource ?? scope.scope?.resource;
          return html`<tr>
            <td>${resource?.displayName ?? scope.scope?.displayName ?? ''}</td>
            <td>${this.resourceType(resource?.originSystem ?? scope.role?.originSystem)}</td>
            <td>${scope.role?.displayName ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private resourceType(originSystem: string | null | undefined): string {
    if (originSystem === 'AadGroup') return this.t.resourceGroup;
    if (originSystem === 'AadApplication') return this.t.resourceApplication;
    if (originSystem === 'SharePointOnline') return this.t.resourceSite;
    return originSystem ?? '';
  }

  /** Who the caller may request for, and under which policies, given what the package's policies say. */
  private choices(data: PackageData, wantedTarget = this.draft?.targetUserId || this.targetUserId) {
    const byId = new Map((data.policies ?? []).map((p) => [p.id, p]));
    const known = (r: Requirements) => (data.policies ? byId.get(r.policyId ?? '') : undefined);
    // Without readable policies every applicable policy is offered either way; Graph enforces on submit.
    const forSelf = data.requirements.filter((r) => {
      const policy = known(r);
      return !policy || allowsSelfAdd(policy);
    });
    const forOthers = data.requirements.filter((r) => {
      const policy = known(r);
      return !policy || allowsOnBehalfAdd(policy);
    });
    const reports = this.sessionStore?.reports.value ?? [];
    const canChooseOther = forOthers.length > 0 && (reports.length > 0 || !!wantedTarget);
    return { forSelf, forOthers: canChooseOther ? forOthers : [], reports };
  }

  private initialDraft(data: PackageData): Draft {
    const prefill = this.prefill?.packageId === data.pkg.id ? this.prefill : undefined;
    this.prefill = undefined;
    const store = this.sessionStore;
    const meId = store?.me.value?.id;
    const reports = store?.reports.value ?? [];
    const wanted = prefill ? prefill.targetUserId : this.targetUserId;
    // An earlier request was for someone else when its target is not the caller; if the caller is unknown, when
    // the target is one of their reports.
    const wantsOther = !!wanted && wanted !== meId && (!prefill || meId !== undefined || reports.some((r) => r.id === wanted));
    const { forSelf, forOthers } = this.choices(data, wantsOther ? wanted : undefined);
    const target: Target = (wantsOther && forOthers.length > 0) || forSelf.length === 0 ? 'other' : 'self';
    const policies = target === 'self' ? forSelf : forOthers;
    const policyId = policies.find((r) => r.policyId === prefill?.policyId)?.policyId ?? policies[0]?.policyId ?? undefined;
    return {
      policyId,
      target,
      targetUserId: target === 'other' && wantsOther ? (wanted ?? '') : '',
      answers: prefill?.answers ?? {},
      justification: prefill?.justification ?? '',
      specificPeriod: !!prefill?.period,
      startDate: prefill?.period?.startDate ?? toDateInput(new Date()),
      endDate: prefill?.period?.endDate ?? '',
    };
  }

  private patchDraft(patch: Partial<Draft>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch };
  }

  private setAnswer(question: Question, values: string[]): void {
    if (!this.draft) return;
    this.patchDraft({ answers: { ...this.draft.answers, [question.id ?? '']: values } });
  }

  private renderForm(data: PackageData, draft: Draft): TemplateResult {
    const { forSelf, forOthers, reports } = this.choices(data);
    if (forSelf.length === 0 && forOthers.length === 0) {
      return html`<div class="state info" part="empty"><p>${this.t.noApplicablePolicy}</p></div>`;
    }
    const policies = draft.target === 'other' ? forOthers : forSelf;
    const requirement = policies.find((r) => r.policyId === draft.policyId) ?? policies[0];
    const pending = this.submitting.isPending();
    const error = this.submitting.errorFor();
    return html`<form part="form" class="panel form" novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
      <h3 id="form-heading">${this.t.requestDetails}</h3>
      ${this.renderTarget(draft, forSelf.length > 0, forOthers.length > 0, reports)}
      ${requirement ? this.renderPolicyChoice(policies, requirement) : nothing}
      ${requirement ? sortedQuestions(requirement.questions).map((q) => this.renderQuestion(q, draft)) : nothing}
      ${requirement ? this.renderJustification(requirement, draft) : nothing}
      ${requirement?.allowCustomAssignmentSchedule ? this.renderPeriod(requirement, draft) : nothing}
      ${Object.keys(this.fieldErrors).length > 0
        ? html`<p class="field-error" role="alert">${this.msg('formHasErrors', { count: Object.keys(this.fieldErrors).length })}</p>`
        : nothing}
      ${error ? this.renderError(error, () => void this.submitRequest(), this.t.submitFailed) : nothing}
      <div class="actions">
        <button type="submit" part="button submit-button" class="primary" ?disabled=${pending || !requirement} aria-busy=${pending ? 'true' : 'false'}>
          ${pending ? this.t.submitting : this.t.submit}
        </button>
      </div>
    </form>`;
  }

  private renderTarget(draft: Draft, selfAllowed: boolean, otherAllowed: boolean, reports: User[]): TemplateResult | typeof nothing {
    if (!otherAllowed) return nothing;
    const store = this.sessionStore;
    const listed = reports.some((r) => r.id === draft.targetUserId);
    const choose = (target: Target) => {
      this.patchDraft({ target, targetUserId: target === 'other' ? draft.targetUserId || this.targetUserId || '' : '' });
    };
    return html`<fieldset>
        <legend>${this.t.requestFor}</legend>
        ${selfAllowed
          ? html`<label class="choice"
              ><input type="radio" name="target" value="self" .checked=${draft.target === 'self'} @change=${() => choose('self')} />
              ${this.t.requestForMyself}</label
            >`
          : nothing}
        <label class="choice"
          ><input type="radio" name="target" value="other" .checked=${draft.target === 'other'} @change=${() => choose('other')} />
          ${this.t.requestForSomeoneElse}</label
        >
      </fieldset>
      ${draft.target === 'other'
        ? html`<div class="field">
            <label for="target">${this.t.chooseReport}<span class="required-mark" aria-hidden="true">*</span></label>
            <select
              id="target"
              required
              aria-invalid=${this.fieldErrors.target ? 'true' : 'false'}
              aria-describedby=${this.fieldErrors.target ? 'target-error' : nothing}
              @change=${(e: Event) => this.patchDraft({ targetUserId: (e.target as HTMLSelectElement).value })}
            >
              <option value="" ?selected=${!draft.targetUserId}>${this.t.choosePersonPlaceholder}</option>
              ${reports.map(
                (r) => html`<option value=${r.id ?? ''} ?selected=${r.id === draft.targetUserId}>${r.displayName}${r.jobTitle ? ` (${r.jobTitle})` : ''}</option>`,
              )}
              ${draft.targetUserId && !listed
                ? html`<option value=${draft.targetUserId} selected>${store?.displayNameOf(draft.targetUserId) ?? store?.user(draft.targetUserId).value?.displayName ?? draft.targetUserId}</option>`
                : nothing}
            </select>
            ${this.renderFieldError('target')}
          </div>`
        : nothing}`;
  }

  private renderPolicyChoice(policies: Requirements[], requirement: Requirements): TemplateResult | typeof nothing {
    if (policies.length < 2) {
      return requirement.policyDisplayName
        ? html`<p class="muted">${this.msg('policyUsed', { policy: requirement.policyDisplayName })}</p>`
        : nothing;
    }
    return html`<fieldset>
      <legend>${this.t.choosePolicy}</legend>
      ${policies.map(
        (p) => html`<label class="choice">
          <input
            type="radio"
            name="policy"
            value=${p.policyId ?? ''}
            .checked=${p.policyId === requirement.policyId}
            @change=${() => this.patchDraft({ policyId: p.policyId ?? undefined })}
          />
          <span
            >${p.policyDisplayName}
            ${p.policyDescription ? html`<span class="hint block">${p.policyDescription}</span>` : nothing}
            <span class="hint block">${p.isApprovalRequiredForAdd ? this.t.approvalRequired : this.t.approvalNotRequired}</span></span
          >
        </label>`,
      )}
    </fieldset>`;
  }

  private renderFieldError(field: string): TemplateResult | typeof nothing {
    const error = this.fieldErrors[field];
    return error ? html`<span id="${field}-error" class="field-error">${format(this.t[error.key], error.params ?? {})}</span>` : nothing;
  }

  private renderQuestion(question: Question, draft: Draft): TemplateResult {
    const field = questionField(question);
    const text = localizedText(question.localizations, question.text, this.resolvedLocale);
    const values = draft.answers[question.id ?? ''] ?? [];
    const invalid = !!this.fieldErrors[field];
    const describedBy = invalid ? `${field}-error` : nothing;
    const mark = question.isRequired ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing;
    const kind = questionKind(question);
    if (kind === 'singleChoice' || kind === 'multipleChoice') {
      const choices = (question as MultipleChoiceQuestion).choices ?? [];
      const multiple = kind === 'multipleChoice';
      const toggle = (value: string, checked: boolean) =>
        this.setAnswer(question, multiple ? (checked ? [...values, value] : values.filter((v) => v !== value)) : [value]);
      // A single choice is a radiogroup, which can carry required and invalid; a checkbox group says both in words.
      return html`<fieldset
        id=${field}
        role=${multiple ? nothing : 'radiogroup'}
        aria-required=${!multiple && question.isRequired ? 'true' : nothing}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy}
      >
        <legend>
          ${text}${mark}${question.isRequired ? html`<span class="visually-hidden">${this.t.requiredSuffix}</span>` : nothing}
          ${multiple ? html`<span class="hint">${this.t.chooseAnyHint}</span>` : nothing}
        </legend>
        ${choices.map(
          (choice) => html`<label class="choice">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name=${field}
              value=${choice.actualValue ?? ''}
              .checked=${values.includes(choice.actualValue ?? '')}
              @change=${(e: Event) => toggle(choice.actualValue ?? '', (e.target as HTMLInputElement).checked)}
            />
            ${localizedText(choice.localizations, choice.text, this.resolvedLocale)}
          </label>`,
        )}
        ${this.renderFieldError(field)}
      </fieldset>`;
    }
    const onInput = (e: Event) => this.setAnswer(question, [(e.target as HTMLInputElement | HTMLTextAreaElement).value]);
    return html`<div class="field">
      <label for=${field}>${text}${mark}</label>
      ${kind === 'longText'
        ? html`<textarea id=${field} ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput}></textarea>`
        : html`<input id=${field} type="text" ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput} />`}
      ${this.renderFieldError(field)}
    </div>`;
  }

  private renderJustification(requirement: Requirements, draft: Draft): TemplateResult {
    const required = !!requirement.isRequestorJustificationRequired;
    const invalid = !!this.fieldErrors.justification;
    return html`<div class="field">
      <label for="justification">${this.t.justificationLabel}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
      <textarea
        id="justification"
        ?required=${required}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'justification-error justification-hint' : 'justification-hint'}
        .value=${draft.justification}
        @input=${(e: Event) => this.patchDraft({ justification: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <span id="justification-hint" class="hint">${this.t.justificationHint}</span>
      ${this.renderFieldError('justification')}
    </div>`;
  }

  private renderPeriod(requirement: Requirements, draft: Draft): TemplateResult {
    const today = toDateInput(new Date());
    const latest = latestEnd(requirement, effectiveStart(draft));
    const dateField = (id: 'start' | 'end', label: string, value: string, min: string, max?: string) => html`<div class="field">
      <label for=${id}>${label}<span class="required-mark" aria-hidden="true">*</span></label>
      <input
        id=${id}
        type="date"
        required
        min=${min}
        max=${max ?? nothing}
        aria-invalid=${this.fieldErrors[id] ? 'true' : 'false'}
        aria-describedby=${this.fieldErrors[id] ? `${id}-error` : nothing}
        .value=${live(value)}
        @input=${(e: Event) => this.patchDraft(id === 'start' ? { startDate: (e.target as HTMLInputElement).value } : { endDate: (e.target as HTMLInputElement).value })}
      />
      ${this.renderFieldError(id)}
    </div>`;
    return html`<div class="field">
      <label class="choice switch">
        <input
          type="checkbox"
          role="switch"
          .checked=${draft.specificPeriod}
          @change=${(e: Event) => this.patchDraft({ specificPeriod: (e.target as HTMLInputElement).checked })}
        />
        ${this.t.specificPeriod}
      </label>
      ${draft.specificPeriod
        ? html`<div class="period">
            ${dateField('start', this.t.startDate, draft.startDate, today)}
            ${dateField('end', this.t.endDate, draft.endDate, draft.startDate || today, latest ? toDateInput(latest) : undefined)}
          </div>
          ${latest ? html`<p class="hint">${this.msg('latestEndHint', { date: this.formatDate(latest) })}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submitRequest();
  }

  private async submitRequest(): Promise<void> {
    const data = this.details.value;
    const draft = this.draft;
    const client = this.resolvedClient;
    if (!data || !draft || !client || this.submitting.isPending()) return;
    const { forSelf, forOthers } = this.choices(data);
    const policies = draft.target === 'other' ? forOthers : forSelf;
    const requirement = policies.find((r) => r.policyId === draft.policyId) ?? policies[0];
    if (!requirement?.policyId || !data.pkg.id) return;
    this.fieldErrors = validateDraft(draft, requirement, (d) => this.formatDate(d));
    const firstInvalid = Object.keys(this.fieldErrors)[0];
    if (firstInvalid) {
      await this.focusField(firstInvalid);
      return;
    }
    const input: OnBehalfRequestInput = {
      accessPackageId: data.pkg.id,
      assignmentPolicyId: requirement.policyId,
      answers: buildAnswers(requirement, draft, this.resolvedLocale),
      justification: draft.justification.trim() || undefined,
      schedule: buildSchedule(requirement, draft),
    };
    const result = await this.submitting.run('', () =>
      draft.target === 'other' ? client.requestAccessFor(draft.targetUserId, input) : client.requestAccess(input),
    );
    if (!result.ok) {
      // Everything typed stays; focus goes to the retry in the alert.
      void this.focusSelector('form [part~="retry-button"]');
      return;
    }
    this.submittedFor = draft.target === 'other' ? draft.targetUserId : undefined;
    this.submitted = result.value;
    if (this.historyWanted) this.history.reload();
    emit(this, 'request-submitted', result.value);
    void this.announce(this.msg('submittedAnnouncement', { package: data.pkg.displayName ?? '' }));
    void this.focusSelector('#result-heading');
  }

  private renderResult(request: AssignmentRequest, pkg: AccessPackage): TemplateResult {
    const forWhom = this.forWhom(request, this.submittedFor);
    return html`<div part="result" class="state success">
      <h3 id="result-heading" tabindex="-1">${this.t.submittedHeading}</h3>
      <p>${this.msg('submittedBody', { package: pkg.displayName ?? '', person: forWhom })}</p>
      <p>${this.t.statusLabel}: <span class="badge ${this.stateTone(request.state)}">${this.stateLabel(request.state)}</span></p>
      <div class="actions">
        <button type="button" part="button" @click=${() => this.tabs.select('history', true)}>${this.t.viewHistory}</button>
        <button type="button" part="button back-button" @click=${this.backToCatalog}>${this.t.requestAnother}</button>
      </div>
    </div>`;
  }

  // ---- history ----

  /** The person a request is for; `knownTargetId` when the request object does not carry its assignment. */
  private forWhom(request: AssignmentRequest, knownTargetId?: string): string {
    const store = this.sessionStore;
    const id = targetIdOf(request) ?? knownTargetId;
    if (!id || id === store?.me.value?.id) return this.t.yourself;
    return request.assignment?.target?.displayName ?? store?.displayNameOf(id) ?? store?.user(id).value?.displayName ?? id;
  }

  private renderHistory(): TemplateResult {
    const { history } = this;
    if (history.status === 'error') return this.renderError(history.error, () => history.retry());
    if (history.status !== 'ready') return this.renderLoading(this.t.loadingHistory);
    if (history.items.length === 0) return this.renderEmpty(this.t.noRequests);
    return this.renderList(history, {
      label: this.t.historyListLabel,
      key: (r) => r.id ?? '',
      renderItem: (request) => this.renderRequestRow(request),
    });
  }

  private renderRequestRow(request: AssignmentRequest): TemplateResult {
    const id = request.id ?? '';
    const expanded = this.expandedRequestId === id;
    const pkgName = packageOf(request)?.displayName ?? this.t.unknownPackage;
    const cancelError = this.canceling.errorFor(id);
    const removal = request.requestType === 'userRemove' || request.requestType === 'adminRemove';
    return html`<div part="item" class="row request ${expanded ? 'expanded' : ''}">
      <button
        type="button"
        class="link row-title disclosure"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="request-${id}"
        @click=${() => (this.expandedRequestId = expanded ? undefined : id)}
      >
        ${pkgName}
      </button>
      <span class="row-meta">
        <span class="badge ${this.stateTone(request.state)}">${this.stateLabel(request.state)}</span>
        ${removal ? this.t.removalRequest : nothing} ${this.msg('requestedFor', { person: this.forWhom(request) })} ·
        ${this.formatDate(request.createdDateTime)}
      </span>
      ${expanded ? this.renderRequestDetails(request) : nothing}
      ${cancelError ? this.renderError(cancelError, () => void this.cancelRequest(request), this.t.cancelFailed) : nothing}
      <div class="actions">
        ${canCancel(request)
          ? html`<button type="button" part="button cancel-button" class="danger" ?disabled=${this.canceling.isPending(id)} @click=${() => this.cancelRequest(request)}>
              ${this.canceling.isPending(id) ? this.t.canceling : this.t.cancelRequest}
            </button>`
          : nothing}
        ${canResubmit(request) && packageIdOf(request)
          ? html`<button type="button" part="button resubmit-button" @click=${() => this.resubmit(request)}>${this.t.resubmit}</button>`
          : nothing}
      </div>
    </div>`;
  }

  private renderRequestDetails(request: AssignmentRequest): TemplateResult {
    const schedule = request.schedule;
    const end = schedule?.expiration?.endDateTime;
    const duration = schedule?.expiration?.type === 'afterDuration' ? schedule.expiration.duration : undefined;
    return html`<dl class="facts" id="request-${request.id ?? ''}">
      ${request.requestor?.displayName ? html`<dt>${this.t.requestedBy}</dt><dd>${request.requestor.displayName}</dd>` : nothing}
      <dt>${this.t.statusLabel}</dt>
      <dd>${request.status ?? this.stateLabel(request.state)}</dd>
      ${request.justification ? html`<dt>${this.t.justificationLabel}</dt><dd>${request.justification}</dd>` : nothing}
      ${(request.answers ?? []).map(
        (answer) => html`<dt>${localizedText(answer.answeredQuestion?.localizations, answer.answeredQuestion?.text, this.resolvedLocale) || this.t.answerLabel}</dt>
          <dd>${answer.displayValue ?? ''}</dd>`,
      )}
      ${end
        ? html`<dt>${this.t.periodLabel}</dt>
            <dd>${this.msg('periodValue', { start: this.formatDate(schedule?.startDateTime ?? request.createdDateTime), end: this.formatDate(end) })}</dd>`
        : duration
          ? html`<dt>${this.t.periodLabel}</dt>
              <dd>${this.msg('periodDuration', { duration: this.formatDuration(duration) })}</dd>`
          : nothing}
      ${request.completedDateTime ? html`<dt>${this.t.completedLabel}</dt><dd>${this.formatDate(request.completedDateTime, true)}</dd>` : nothing}
    </dl>`;
  }

  private async cancelRequest(request: AssignmentRequest): Promise<void> {
    const client = this.resolvedClient;
    const id = request.id;
    if (!client || !id) return;
    const result = await this.canceling.run(id, () => client.cancelRequest(id));
    if (!result.ok) return;
    let updated: AssignmentRequest = { ...request, state: 'canceled' };
    try {
      updated = await client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] });
    } catch {
      // The cancel succeeded; showing it as canceled without the re-read is still true.
    }
    this.history.upsert(updated);
    emit(this, 'request-canceled', updated);
    void this.announce(this.msg('canceledAnnouncement', { package: packageOf(request)?.displayName ?? '' }));
  }

  private resubmit(request: AssignmentRequest): void {
    const packageId = packageIdOf(request);
    if (!packageId) return;
    this.prefill = {
      packageId,
      policyId: policyIdOf(request),
      targetUserId: targetIdOf(request),
      answers: answersOf(request),
      justification: request.justification ?? '',
      period: periodOf(request),
    };
    this.openPackage(packageId);
    // The same package may already be open: its loaded data then takes the prefill on the next render.
    this.draftFor = undefined;
    this.tabs.select('catalog', true);
  }
}
