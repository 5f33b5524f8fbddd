import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DialogController } from '../controllers/dialog-controller.ts';
import { MutationController } from '../controllers/mutation-controller.ts';
import { filteredList, PagedController } from '../controllers/paged-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { TabsController } from '../controllers/tabs-controller.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';
import { EkElement } from '../internal/ek-element.ts';
import { packageOf } from '../internal/graph.ts';
import type { AccessPackageSuggestion, Assignment, AssignmentRequest } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { formStyles } from '../styles/forms.ts';
import { shared } from '../styles/shared.ts';
import { endOf, endsSoon, policyOf, selfRemoveCheck } from './assignment-rules.ts';
import { openExtend, renderExtendDialog } from './extend-form.ts';
import { extendCheck } from './extend-rules.ts';
import { renderRemoveDialog, renderRequestAgainDialog, type Prefilled } from './my-access-dialogs.ts';
import { styles } from './my-access.styles.ts';
import { reasonsInWords } from './suggestion-reasons.ts';
import { PackageResources } from './package-resources.ts';

// The element is an entry of its own (a page that shows it loads it), so its strings come with it.
addEnglish(enViews);

const PAGE_SIZE = 50;

export type MyAccessTab = 'active' | 'expired' | 'suggested';

/**
 * My Access's "Access packages" page for what the caller already has: their active assignments (package, since,
 * until, policy, state; ending within 14 days marked), "Remove my access" where the policy lets them, and expired
 * assignments with "Request again" (a new request with the earlier answers, in the kit's request pane).
 *
 * @fires {CustomEvent<AccessRemovedDetail>} access-removed - The caller asked to remove their own access; detail `{ assignment, request }`.
 * @fires {CustomEvent<AssignmentRequest>} request-submitted - An extension (userUpdate) was requested, or a request from the "Request again" dialog; detail is the accessPackageAssignmentRequest.
 *
 * @csspart tabs - The tablist (Active, Expired, Suggested).
 * @csspart tab - Each tab.
 * @csspart dialog - The confirmation and request dialogs.
 * @csspart remove-button - Removes the caller's own assignment (opens the confirmation).
 * @csspart confirm-remove-button - Confirms the removal.
 * @csspart request-again-button - Requests an expired package again.
 * @csspart open-suggestion-button - Opens the request form for a suggested package.
 * @csspart extend-button - Opens the extend form for an active package.
 * @csspart form - The extend form.
 * @csspart result - What became of an extension, in the extend dialog.
 * @csspart submit-button - Sends the extension.
 * @csspart cancel-button - Closes the extend form without sending.
 * @csspart close-button - Closes a dialog.
 */
export class MyAccess extends EkElement {
  static override styles = [shared, formStyles, styles];

  /**
   * Opens the extend form for this assignment of the caller (a link in the expiry reminder, 14 days and 1 day
   * before the end, leads here).
   */
  @property({ attribute: 'extend-assignment-id' }) extendAssignmentId?: string;

  @state() private removing?: Assignment;
  @state() private removalReason = '';
  /** Removals asked for here, by assignment id, with Graph's userRemove request. */
  @state() private removals: Record<string, AssignmentRequest> = {};
  @state() private requestingAgain?: Prefilled;

  private readonly sessionSubscription = new SessionController(this);

  /** Suggestions are read when their tab is first shown. */
  @state() private suggestionsWanted = false;

  private readonly tabs = new TabsController<MyAccessTab>(this, ['active', 'expired', 'suggested'], (tab) => {
    if (tab === 'suggested') this.suggestionsWanted = true;
  });

  private readonly suggestions = new PagedController(this, {
    args: () => (this.resolvedClient && this.suggestionsWanted ? ([this.resolvedClient] as const) : undefined),
    lists: ([client], signal) => client.listSuggestions(undefined, { top: PAGE_SIZE, abortSignal: signal }),
    key: (suggestion: AccessPackageSuggestion) => suggestion.id ?? '',
    operation: 'listSuggestions',
  });

  private readonly assignments = new PagedController(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    lists: ([client], signal) => client.listMyAssignments({ top: PAGE_SIZE, abortSignal: signal }),
    key: (assignment: Assignment) => assignment.id ?? '',
    operation: 'listMyAssignments',
  });

  private readonly resources = new PackageResources(() => this.requestUpdate());

  private readonly removal = new MutationController(this, { operation: 'removeAssignment' });
  private readonly lookup = new MutationController(this, { operation: 'listMyRequests' });

  private readonly removeDialog = new DialogController(
    this,
    () => this.renderRoot.querySelector<HTMLDialogElement>('#remove-dialog'),
    () => {
      this.removing = undefined;
      this.removalReason = '';
    },
  );

  private readonly requestDialog = new DialogController(
    this,
    () => this.renderRoot.querySelector<HTMLDialogElement>('#request-dialog'),
    () => {
      this.requestingAgain = undefined;
      // What the new request changed shows on the next read.
      this.assignments.reload();
    },
  );

  /** The `extend-assignment-id` whose form was opened, so it opens once per value. */
  private extendOpenedFor?: string;

  protected override updated(): void {
    const wanted = this.extendAssignmentId;
    // After a render, so the dialog is there to open. The form reads the assignment itself; its row need not be loaded.
    if (wanted && this.resolvedClient && wanted !== this.extendOpenedFor) {
      this.extendOpenedFor = wanted;
      openExtend(this.asView(), { id: wanted }, { who: 'self', onDone: () => this.assignments.reload() });
    }
  }

  protected override willUpdate(): void {
    const client = this.resolvedClient;
    if (client && this.assignments.status === 'ready') {
      this.resources.want(client, this.assignments.items.flatMap((a) => packageOf(a)?.id ?? []));
    }
  }

  override render() {
    const client = this.resolvedClient;
    const busy = this.assignments.busy || this.removal.anyPending;
    return html`<div part="base" class="base" lang=${this.stringsLanguage} aria-busy=${busy ? 'true' : 'false'}>
        <h2 class="title">${this.t.myAccessHeading}</h2>
        ${this.tabs.render(this.t.myAccessTabsLabel, { active: this.t.tabActive, expired: this.t.tabExpired, suggested: this.t.tabSuggested })}
        ${(['active', 'expired', 'suggested'] as const).map(
          (tab) => html`<div role="tabpanel" id=${this.tabs.panelId(tab)} aria-labelledby=${this.tabs.tabId(tab)} class="panel" ?hidden=${this.tabs.selected !== tab}>
            ${this.tabs.selected !== tab ? nothing : !client ? this.renderNotConnected() : tab === 'suggested' ? this.renderSuggestions() : this.renderAssignments(tab)}
          </div>`,
        )}
        ${this.renderLiveRegion()}
      </div>
      ${renderRemoveDialog(this.asHost())} ${renderRequestAgainDialog(this.asHost())} ${renderExtendDialog(this.asView())}`;
  }

  private asView(): ViewHost {
    return this as unknown as ViewHost;
  }

  private asHost() {
    return this as unknown as import('./my-access-dialogs.ts').MyAccessHost;
  }

  private renderAssignments(tab: MyAccessTab): TemplateResult {
    const { assignments } = this;
    if (assignments.status === 'error') return this.renderError(assignments.error, () => assignments.retry());
    if (assignments.status !== 'ready') return this.renderLoading(this.t.loadingMyAccess);
    const shown = filteredList(assignments, (a) => (a.state === 'expired') === (tab === 'expired'));
    if (shown.items.length === 0 && !shown.hasMore) return this.renderEmpty(tab === 'active' ? this.t.noActiveAccess : this.t.noExpiredAccess);
    return this.renderList(shown, {
      label: tab === 'active' ? this.t.activeListLabel : this.t.expiredListLabel,
      key: (a) => a.id ?? '',
      renderItem: (a) => (tab === 'active' ? this.renderActive(a) : this.renderExpired(a)),
    });
  }

  private facts(assignment: Assignment): TemplateResult {
    const policy = policyOf(this.asView(), assignment);
    const start = assignment.schedule?.startDateTime;
    const resources = this.resources.namesFor(packageOf(assignment)?.id ?? undefined);
    const list = resources?.length ? new Intl.ListFormat(this.resolvedLocale, { type: 'unit' }).format(resources) : '';
    return html`${list ? html`<span>${this.msg('resourcesNamed', { resources: list })}</span>` : nothing}
      ${start ? html`<span>${this.msg('sinceDate', { date: this.formatDate(start) })}</span>` : nothing}
      ${typeof policy === 'object' && policy.displayName ? html`<span>${this.msg('policyNamed', { policy: policy.displayName })}</span>` : nothing}`;
  }

  private renderActive(assignment: Assignment): TemplateResult {
    const id = assignment.id ?? '';
    const end = endOf(assignment);
    const now = this.resolvedClient?.serverNow() ?? new Date();
    const soon = endsSoon(assignment, now);
    const removal = this.removals[id];
    const check = selfRemoveCheck(this.asView(), assignment);
    // Access that starts later (a request for a specific period) reads as scheduled, with its start.
    const start = assignment.schedule?.startDateTime;
    const scheduled = !!start && new Date(start).getTime() > now.getTime();
    return html`<div part="item" class="row assignment">
      <span class="row-title">${packageOf(assignment)?.displayName ?? this.t.unknownPackage}</span>
      <span class="row-meta facts-line">
        <span class="badge ${this.stateTone(assignment.state)}"
          >${scheduled ? this.msg('scheduledFrom', { date: this.formatDate(start) }) : this.stateLabel(assignment.state)}</span
        >
        ${soon ? html`<span class="badge soon">${this.t.endsSoon}</span>` : nothing}
        <span>${end ? this.msg('untilDate', { date: this.formatDate(end) }) : this.t.noEndDate}</span>
        ${this.facts(assignment)}
      </span>
      ${removal
        ? html`<p class="hint" id="removal-${id}" tabindex="-1">
            ${removal.state === 'delivered' ? this.t.accessRemoved : this.msg('removalRequested', { state: this.stateLabel(removal.state) })}
          </p>`
        : html`<div class="actions">
            ${this.renderExtendButton(assignment)}
            <button
              type="button"
              part="button remove-button"
              class="danger"
              ?disabled=${check.allowed !== true}
              aria-describedby=${check.allowed === false ? `why-${id}` : nothing}
              @click=${(e: Event) => this.openRemove(assignment, e.currentTarget)}
            >
              ${this.t.removeMyAccess}
            </button>
            ${check.allowed === false ? html`<span id="why-${id}" class="hint">${check.reason}</span>` : nothing}
            ${check.allowed === 'checking' ? html`<span class="hint">${this.t.removeChecking}</span>` : nothing}
          </div>`}
    </div>`;
  }

  private renderSuggestions(): TemplateResult {
    const { suggestions } = this;
    if (suggestions.status === 'error') return this.renderError(suggestions.error, () => suggestions.retry());
    if (suggestions.status !== 'ready') return this.renderLoading(this.t.loadingSuggestions);
    if (suggestions.items.length === 0) return this.renderEmpty(this.t.noSuggestions);
    return this.renderList(suggestions, {
      label: this.t.suggestedListLabel,
      key: (s) => s.id ?? '',
      renderItem: (suggestion) => {
        const pkg = suggestion.accessPackage && 'id' in suggestion.accessPackage ? suggestion.accessPackage : undefined;
        const name = pkg?.displayName ?? this.t.unknownPackage;
        return html`<div part="item" class="row assignment">
          <span class="row-title">${name}</span>
          ${pkg?.description ? html`<span class="row-meta">${pkg.description}</span>` : nothing}
          <ul class="reasons">
            ${reasonsInWords(this.asView(), suggestion).map((reason) => html`<li>${reason}</li>`)}
          </ul>
          <div class="actions">
            <button
              type="button"
              part="button open-suggestion-button"
              @click=${(e: Event) => {
                this.requestingAgain = { packageId: pkg?.id ?? suggestion.id ?? '', packageName: name, again: false };
                void this.requestDialog.open(e.currentTarget);
              }}
            >
              ${this.msg('openSuggestion', { package: name })}
            </button>
          </div>
        </div>`;
      },
    });
  }

  private renderExtendButton(assignment: Assignment): TemplateResult {
    const id = assignment.id ?? '';
    const policy = policyOf(this.asView(), assignment);
    if (policy === 'checking') return html`<span class="hint">${this.t.removeChecking}</span>`;
    const check = extendCheck(assignment, policy, 'self');
    return html`<button
        type="button"
        part="button extend-button"
        ?disabled=${!check.allowed}
        aria-describedby=${check.allowed ? nothing : `extend-why-${id}`}
        @click=${(e: Event) => openExtend(this.asView(), assignment, { who: 'self', trigger: e.currentTarget, onDone: () => this.assignments.reload() })}
      >
        ${this.t.extendAccess}
      </button>
      ${check.allowed ? nothing : html`<span id="extend-why-${id}" class="hint">${this.t[check.reason]}</span>`}`;
  }

  private renderExpired(assignment: Assignment): TemplateResult {
    const id = assignment.id ?? '';
    const ended = assignment.expiredDateTime ?? endOf(assignment);
    const error = this.lookup.errorFor(id);
    const pending = this.lookup.isPending(id);
    return html`<div part="item" class="row assignment">
      <span class="row-title">${packageOf(assignment)?.displayName ?? this.t.unknownPackage}</span>
      <span class="row-meta facts-line">
        <span class="badge">${ended ? this.msg('endedOn', { date: this.formatDate(ended) }) : this.stateLabel(assignment.state)}</span>
        ${this.facts(assignment)}
      </span>
      ${error ? this.renderError(error, () => void this.openRequestAgain(assignment, null), this.t.loadFailed) : nothing}
      <div class="actions">
        <button type="button" part="button request-again-button" ?disabled=${pending} @click=${(e: Event) => void this.openRequestAgain(assignment, e.currentTarget)}>
          ${this.t.requestAgain}
        </button>
      </div>
    </div>`;
  }

  private openRemove(assignment: Assignment, trigger: EventTarget | null): void {
    this.removing = assignment;
    this.removalReason = '';
    this.removal.clear();
    void this.removeDialog.open(trigger);
  }

  /** Finds the request that gave this assignment (for its answers and justification), then opens the request pane. */
  private async openRequestAgain(assignment: Assignment, trigger: EventTarget | null): Promise<void> {
    const client = this.resolvedClient;
    const id = assignment.id ?? '';
    if (!client) return;
    const result = await this.lookup.run(id, () => client.listMyRequests('target', { top: 100 }).toArray());
    if (!result.ok) return;
    const earlier = result.value
      .filter((r) => r.assignment?.id === id && r.requestType !== 'userRemove' && r.requestType !== 'adminRemove')
      .sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))[0];
    this.requestingAgain = {
      packageId: packageOf(assignment)?.id ?? assignment.accessPackageId ?? '',
      packageName: packageOf(assignment)?.displayName ?? this.t.unknownPackage,
      again: true,
      policyId: assignment.assignmentPolicyId ?? assignment.assignmentPolicy?.id ?? undefined,
      request: earlier,
    };
    void this.requestDialog.open(trigger);
  }
}
