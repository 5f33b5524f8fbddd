import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MutationController } from '../controllers/mutation-controller.ts';
import { PagedController } from '../controllers/paged-controller.ts';
import { ResourceController } from '../controllers/resource-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { TabsController } from '../controllers/tabs-controller.ts';
import { EkElement } from '../internal/ek-element.ts';
import { OnDemand } from '../internal/on-demand.ts';
import type { AccessPackage, Assignment, AssignmentPolicy, AssignmentRequest, Requirements } from '../internal/sdk.ts';
import { shared } from '../styles/shared.ts';
import type { Draft, FieldError } from './request-draft.ts';
import type * as RequestForm from './request-form.ts';
import type * as RequestHistory from './request-history.ts';
import { styles } from './request-access-pane.styles.ts';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

export type Tab = 'catalog' | 'history';

export interface PackageData {
  pkg: AccessPackage;
  requirements: Requirements[];
  /** The package's policies, or undefined when the caller may not read them (Graph then decides on submit). */
  policies: AssignmentPolicy[] | undefined;
  /** Who already has the package (the caller, their reports) and the caller's requests for it, to say so up front. */
  assignments: Assignment[];
  requests: AssignmentRequest[];
}

/** What a resubmit carries over from the earlier request. */
export interface Prefill {
  packageId: string;
  policyId?: string;
  targetUserId?: string;
  answers: Record<string, string[]>;
  justification: string;
  /** The specific period asked for (yyyy-mm-dd), when the earlier request had one that has not ended. */
  period?: { startDate: string; endDate: string };
}

const requestForm = new OnDemand(() => import('./request-form.ts'));
const requestHistory = new OnDemand(() => import('./request-history.ts'));

const newestFirst = (a: AssignmentRequest, b: AssignmentRequest) =>
  (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? '');

/**
 * The "Access packages" and "Request history" pages of My Access in one element: browse and search the packages
 * the caller may request, open one, fill in the request (for themself or a direct report) and submit; see earlier
 * requests, cancel pending ones, resubmit denied or canceled ones.
 *
 * @fires {CustomEvent<AssignmentRequest>} request-submitted - A request was created; detail is the accessPackageAssignmentRequest.
 * @fires {CustomEvent<AssignmentRequest>} request-canceled - A pending request was canceled; detail is the request as read back.
 *
 * @csspart tabs - The tablist (Access packages, Request history).
 * @csspart tab - Each tab.
 * @csspart search - The search field's wrapper.
 * @csspart details - The opened package.
 * @csspart form - The request form.
 * @csspart result - The confirmation after a submit.
 * @csspart submit-button - The form's submit button.
 * @csspart back-button - Back from a package to the list.
 * @csspart cancel-button - Cancels a pending request in the history (and confirms it in the dialog).
 * @csspart resubmit-button - Asks again for a denied, canceled or expired request.
 * @csspart dialog - The confirmation before a request is canceled.
 * @csspart close-button - Keeps the request: closes the confirmation.
 */
export class RequestAccessPane extends EkElement {
  static override styles = [shared, styles];

  /** Opens this package directly (a deep link); works for hidden packages too. */
  @property({ attribute: 'package-id' }) packageId?: string;

  /** Preselects "Someone else" with this direct report. */
  @property({ attribute: 'target-user-id' }) targetUserId?: string;

  /** With `target-user-id`: requests are only for that person, and only packages one may request for them are listed. */
  @property({ type: Boolean, attribute: 'target-locked' }) targetLocked = false;

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
      await requestForm.load();
      if (!requestForm.module) throw requestForm.error;
      return requestForm.module.loadPackage(client, id, signal);
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
    const form = requestForm.module;
    if (data && form && data !== this.draftFor && data.pkg.id === this.openPackageId && this.sessionSettled()) {
      // The same package read again (a new client, a conflict re-read) keeps what was typed.
      if (this.draftFor?.pkg.id !== data.pkg.id || !this.draft) {
        this.draft = form.initialDraft(this.asFormHost(), data);
        this.fieldErrors = {};
      }
      this.draftFor = data;
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
    // For a fixed person, only what may be requested for them (undefined while their policies are read).
    const offered = this.targetLocked ? requestForm.module?.offeredFor(this.asFormHost(), catalog) : catalog;
    return html`
      <div part="search" class="field search">
        <label for="search">${this.t.searchLabel}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.searchText} @input=${this.onSearchInput} aria-describedby="search-hint" />
        <span id="search-hint" class="hint">${this.t.searchHint}</span>
      </div>
      ${catalog.status === 'error'
        ? this.renderError(catalog.error, () => catalog.retry())
        : catalog.status === 'loading' || catalog.status === 'idle' || !offered
          ? this.renderLoading(this.t.loadingPackages)
          : offered.items.length === 0
            ? this.renderEmpty(this.query ? this.msg('noPackagesMatch', { query: this.query }) : this.t.noPackages)
            : this.renderList(offered, {
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

  // ---- package and request form: ./request-form.ts, read when a package opens ----

  protected override needs() {
    return [this.tabs.selected === 'history' && !!this.resolvedClient && requestHistory, (!!this.openPackageId || this.targetLocked) && requestForm];
  }

  /** The members ./request-form.ts uses (see FormHost there). */
  private asFormHost(): RequestForm.FormHost {
    return this as unknown as RequestForm.FormHost;
  }

  private renderPackage(): TemplateResult {
    return this.renderOnDemand(requestForm, (m) => m.renderPackage(this.asFormHost()), this.renderLoading(this.t.loadingPackage));
  }


  // ---- history: ./request-history.ts, read when the History tab opens ----

  private renderHistory(): TemplateResult {
    return this.renderOnDemand(requestHistory, (m) => m.renderHistory(this.asHistoryHost()), this.renderLoading(this.t.loadingHistory));
  }

  /** The members ./request-history.ts uses (see HistoryHost there). */
  private asHistoryHost(): RequestHistory.HistoryHost {
    return this as unknown as RequestHistory.HistoryHost;
  }
}
