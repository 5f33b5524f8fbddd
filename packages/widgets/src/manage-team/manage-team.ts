import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { DialogController } from '../controllers/dialog-controller.ts';
import { MutationController } from '../controllers/mutation-controller.ts';
import { filteredList, PagedController, staticList } from '../controllers/paged-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { emit } from '../events.ts';
import { EkElement } from '../internal/ek-element.ts';
import { OnDemand } from '../internal/on-demand.ts';
import { policyOf } from '../internal/assignment-policy.ts';
import { allowsOnBehalfRemove, odataString, packageOf } from '../internal/graph.ts';
import type { Assignment, AssignmentRequest, User } from '../internal/sdk.ts';
import { shared } from '../styles/shared.ts';
import { styles } from './manage-team.styles.ts';
import type * as TeamRemove from './team-remove.ts';
import type * as TeamRequest from './team-request.ts';

const PAGE_SIZE = 25;

const teamRemove = new OnDemand(() => import('./team-remove.ts'));
const teamRequest = new OnDemand(() => import('./team-request.ts'));

type RemoveCheck = { allowed: true } | { allowed: false; reason: string } | { allowed: 'checking' };

/**
 * The "Manage team" page of My Access: the caller's direct reports (searchable), a report's active access
 * package assignments with their expiry, "Remove access" where the assignment's policy lets managers remove on a
 * report's behalf, and "Request access for …", which opens the request pane for that report.
 *
 * @fires {CustomEvent<AccessRemovedDetail>} access-removed - A removal was requested; detail `{ assignment, request }`.
 * @fires {CustomEvent<AssignmentRequest>} request-submitted - Bubbles out of the request dialog; detail is the accessPackageAssignmentRequest.
 *
 * @csspart search - The search field's wrapper.
 * @csspart details - The selected report's access.
 * @csspart dialog - The confirmation and request dialogs.
 * @csspart remove-button - Removes an assignment (opens the confirmation).
 * @csspart confirm-remove-button - Confirms a removal.
 * @csspart request-for-button - Opens the request dialog for the selected report.
 * @csspart close-button - Closes a dialog.
 * @csspart extend-button - Opens the extend form for a report's assignment (where the policy enables on-behalf update).
 * @csspart form - The extend form.
 * @csspart result - What became of an extension, in the extend dialog.
 * @csspart submit-button - Sends the extension.
 * @csspart cancel-button - Closes the extend form without sending.
 */
export class ManageTeam extends EkElement {
  static override styles = [shared, styles];

  @state() private filter = '';
  @state() private selectedReportId?: string;
  @state() private removing?: Assignment;
  @state() private removalReason = '';
  @state() private requestingFor?: User;
  /** Assignments whose removal was requested here, with the userRemove request Graph created. */
  @state() private removals: Record<string, AssignmentRequest> = {};

  // Re-renders when the reports and the policies looked up by id arrive.
  private readonly sessionSubscription = new SessionController(this);

  private readonly assignments = new PagedController(this, {
    args: () => (this.resolvedClient && this.selectedReportId ? ([this.resolvedClient, this.selectedReportId] as const) : undefined),
    lists: ([client, reportId], signal) =>
      client.listTeamAssignments({ filter: `target/objectId eq ${odataString(reportId)}`, top: PAGE_SIZE, abortSignal: signal }),
    key: (assignment: Assignment) => assignment.id ?? '',
    operation: 'listTeamAssignments',
  });

  private readonly removal = new MutationController(this, { operation: 'removeAssignment' });

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
      this.requestingFor = undefined;
    },
  );

  /** The reports failure already reported, so a re-render does not report it again. */
  private reportedFailure?: Error;

  protected override willUpdate(): void {
    const failure = this.sessionStore?.reports.error;
    if (failure && failure !== this.reportedFailure) this.reportError(failure, 'listDirectReports');
    // The remove module also brings Extend for the selected report's rows: read in the background, not waited for
    // (the rows show Extend once it is here).
    if (this.selectedReportId) teamRemove.load()?.then(() => this.requestUpdate());
    this.reportedFailure = failure;
  }

  override render() {
    const client = this.resolvedClient;
    const reports = this.sessionStore?.reports;
    const busy = reports?.status === 'loading' || this.assignments.busy || this.removal.anyPending;
    return html`<div part="base" class="base" lang=${this.stringsLanguage} aria-busy=${busy ? 'true' : 'false'}>
        <h2 class="title">${this.t.teamHeading}</h2>
        ${!client ? this.renderNotConnected() : this.renderTeam()}
        ${this.renderLiveRegion()}
      </div>
      ${this.renderRemoveDialog()} ${this.renderRequestDialog()} ${teamRemove.module?.renderExtendDialog(this as unknown as TeamRemove.RemoveHost)}`;
  }

  private renderTeam(): TemplateResult {
    const store = this.sessionStore;
    const reports = store?.reports;
    if (!store || !reports || reports.status === 'idle' || reports.status === 'loading') return this.renderLoading(this.t.loadingTeam);
    if (reports.status === 'error') return this.renderError(reports.error, () => store.retry());
    const all = reports.value ?? [];
    if (all.length === 0) return this.renderEmpty(this.t.noReports);
    const selected = all.find((r) => r.id === this.selectedReportId);
    return html`<div class="layout">
      <div class="master">
        <div part="search" class="field">
          <label for="team-search">${this.t.teamSearchLabel}</label>
          <input id="team-search" type="search" autocomplete="off" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        </div>
        ${this.renderReports(all)}
      </div>
      <section class="detail" part="details" aria-labelledby="report-heading">
        ${selected
          ? this.renderReport(selected)
          : html`<h3 id="report-heading" class="visually-hidden">${this.t.reportAccessHeadingGeneric}</h3>
              <p class="muted">${this.t.selectReport}</p>`}
      </section>
    </div>`;
  }

  private renderReports(all: User[]): TemplateResult {
    const query = this.filter.trim().toLocaleLowerCase(this.resolvedLocale);
    const matches = query
      ? all.filter((user) =>
          [user.displayName, user.mail, user.userPrincipalName, user.jobTitle, user.department].some((field) =>
            field?.toLocaleLowerCase(this.resolvedLocale).includes(query),
          ),
        )
      : all;
    // The noun agrees with the total, as the language's plural rules say ("1 of 1 person", "2 of 4 people").
    const one = new Intl.PluralRules(this.resolvedLocale).select(all.length) === 'one';
    const summary = html`<p class="hint" role="status">${this.msg(one ? 'reportsShownOne' : 'reportsShown', { shown: matches.length, total: all.length })}</p>`;
    if (matches.length === 0) return html`${summary}${this.renderEmpty(this.msg('noReportsMatch', { query: this.filter.trim() }))}`;
    return html`${summary}${this.renderList(staticList(matches), {
      label: this.t.reportsListLabel,
      key: (user) => user.id ?? '',
      renderItem: (user) => html`<button
        type="button"
        part="item"
        class="row"
        aria-current=${user.id === this.selectedReportId ? 'true' : 'false'}
        @click=${() => this.selectReport(user)}
      >
        <span class="row-title">${user.displayName}</span>
        ${user.jobTitle || user.mail ? html`<span class="row-meta">${[user.jobTitle, user.mail].filter(Boolean).join(' · ')}</span>` : nothing}
      </button>`,
    })}`;
  }

  private async selectReport(user: User): Promise<void> {
    this.selectedReportId = user.id ?? undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-heading')?.focus();
  }

  private renderReport(user: User): TemplateResult {
    const name = user.displayName ?? '';
    const { assignments } = this;
    // Active access: expired assignments stay in Graph's history but are no longer access to remove.
    const active = filteredList(assignments, (a) => a.state !== 'expired');
    return html`<div class="report-head">
        <h3 id="report-heading" tabindex="-1">${this.msg('reportAccessHeading', { name })}</h3>
        <button type="button" part="button request-for-button" class="primary" @click=${(e: Event) => this.openRequest(user, e.currentTarget)}>
          ${this.msg('requestAccessFor', { name })}
        </button>
      </div>
      ${assignments.status === 'error'
        ? this.renderError(assignments.error, () => assignments.retry())
        : assignments.status !== 'ready'
          ? this.renderLoading(this.t.loadingAssignments)
          : active.items.length === 0 && !active.hasMore
            ? this.renderEmpty(this.msg('noAssignments', { name }))
            : this.renderList(active, {
                label: this.msg('assignmentsListLabel', { name }),
                key: (a) => a.id ?? '',
                renderItem: (assignment) => this.renderAssignment(assignment),
              })}`;
  }

  private removeCheck(assignment: Assignment): RemoveCheck {
    if (assignment.state === 'delivering') return { allowed: false, reason: this.t.removeReasonDelivering };
    const policy = policyOf(this, assignment);
    if (policy === 'checking') return { allowed: 'checking' };
    // A policy the caller cannot read leaves the decision to Graph, which answers with a clear error if it refuses.
    if (!policy || allowsOnBehalfRemove(policy)) return { allowed: true };
    return { allowed: false, reason: this.t.removeReasonPolicy };
  }

  private expiry(assignment: Assignment): string {
    const expiration = assignment.schedule?.expiration;
    const end = expiration?.endDateTime ?? assignment.expiredDateTime;
    if (end) return this.msg('expiresOn', { date: this.formatDate(end) });
    if (expiration?.type === 'afterDuration' && expiration.duration) return this.msg('expiresAfter', { duration: this.formatDuration(expiration.duration) });
    return this.t.noExpiry;
  }

  private renderAssignment(assignment: Assignment): TemplateResult {
    const id = assignment.id ?? '';
    const pkgName = packageOf(assignment)?.displayName ?? this.t.unknownPackage;
    const removal = this.removals[id];
    const check = this.removeCheck(assignment);
    return html`<div part="item" class="row assignment">
      <span class="row-title">${pkgName}</span>
      <span class="row-meta">
        ${removal ? nothing : html`<span class="badge ${this.stateTone(assignment.state)}">${this.stateLabel(assignment.state)}</span>`}
        ${this.expiry(assignment)}
      </span>
      ${removal
        ? teamRemove.module?.renderRemoval(this as unknown as TeamRemove.RemoveHost, id, removal)
        : html`<div class="actions">
            ${teamRemove.module?.renderExtendAction(this as unknown as TeamRemove.RemoveHost, assignment)}
            <button
              type="button"
              part="button remove-button"
              class="danger"
              ?disabled=${check.allowed !== true}
              aria-describedby=${check.allowed === false ? `why-${id}` : nothing}
              @click=${(e: Event) => this.openRemove(assignment, e.currentTarget)}
            >
              ${this.t.removeAccess}
            </button>
            ${check.allowed === false ? html`<span id="why-${id}" class="hint">${check.reason}</span>` : nothing}
            ${check.allowed === 'checking' ? html`<span class="hint">${this.t.removeChecking}</span>` : nothing}
          </div>`}
    </div>`;
  }

  private openRemove(assignment: Assignment, trigger: EventTarget | null): void {
    this.removing = assignment;
    this.removalReason = '';
    this.removal.clear();
    void this.removeDialog.open(trigger);
  }

  // ---- the dialogs' content: ./team-remove.ts (remove and extend) once a report is selected, ./team-request.ts when a request is asked for ----

  protected override needs() {
    return [!!this.removing && teamRemove, !!this.requestingFor && teamRequest];
  }

  private renderRemoveDialog(): TemplateResult {
    const assignment = this.removing;
    return html`<dialog id="remove-dialog" part="dialog" aria-labelledby="remove-title" aria-describedby="remove-body" @close=${this.removeDialog.handleClose}>
      ${assignment ? this.renderOnDemand(teamRemove, (m) => m.renderRemoveForm(this as unknown as TeamRemove.RemoveHost, assignment)) : nothing}
    </dialog>`;
  }

  private openRequest(user: User, trigger: EventTarget | null): void {
    this.requestingFor = user;
    void this.requestDialog.open(trigger);
  }

  private renderRequestDialog(): TemplateResult {
    const user = this.requestingFor;
    return html`<dialog id="request-dialog" part="dialog" class="wide" aria-labelledby="request-title" @close=${this.requestDialog.handleClose}>
      ${user ? this.renderOnDemand(teamRequest, (m) => m.renderRequestFor(this as unknown as TeamRequest.RequestHost, user)) : nothing}
    </dialog>`;
  }
}
