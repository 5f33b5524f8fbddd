import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { MutationController } from '../controllers/mutation-controller.ts';
import { PagedController, staticList } from '../controllers/paged-controller.ts';
import { ResourceController } from '../controllers/resource-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { SessionStore, type RecordedDecision } from '../controllers/session-store.ts';
import { TabsController } from '../controllers/tabs-controller.ts';
import type { ReviewResult } from '../events.ts';
import { EkElement } from '../internal/ek-element.ts';
import { errorStatus } from '../internal/errors.ts';
import { OnDemand } from '../internal/on-demand.ts';
import { decided, packageOf, policyIdOf, targetIdOf } from '../internal/graph.ts';
import type { AssignmentRequest } from '../internal/sdk.ts';
import { shared } from '../styles/shared.ts';
import { styles } from './approval-inbox.styles.ts';
import type * as InboxDetail from './inbox-detail.ts';

const PAGE_SIZE = 25;

export type Tab = 'pending' | 'history';

/** A decision this inbox saw recorded: the caller's own, or one another approver made first (a 409). */
export type Outcome = RecordedDecision;

const inboxDetail = new OnDemand(() => import('./inbox-detail.ts'));

/**
 * The "Approvals" page of My Access: requests waiting for the caller's decision and the ones decided on this page
 * (Graph v1.0 lists no approver's past decisions, so History holds the decisions seen during this page session,
 * kept per client in the shared SessionStore), each
 * with who asked, for whom (made prominent when someone asked on another person's behalf), what, why, the
 * answers, the period, the approval stages so far and the due date; approve or deny with a reason.
 *
 * @fires {CustomEvent<DecisionRecordedDetail>} decision-recorded - The caller's decision was recorded; detail `{ request, approval, reviewResult, justification }`.
 *
 * @csspart tabs - The tablist (Pending, History).
 * @csspart tab - Each tab.
 * @csspart details - The selected request.
 * @csspart on-behalf - The notice that a request was made for someone else.
 * @csspart decision - The decision form.
 * @csspart outcome - The outcome of a decided request: yours, or another approver's who decided first.
 * @csspart approve-button - Approves the selected request.
 * @csspart deny-button - Denies the selected request.
 */
export class ApprovalInbox extends EkElement {
  static override styles = [shared, styles];

  @state() private selectedId?: string;
  /** The reason typed per request, kept when switching between requests and after a failed decision. */
  @state() private reasons: Record<string, string> = {};
  @state() private reasonMissing?: string;
  /** The decision last tried, for the retry button after a failure. */
  private lastAttempt?: ReviewResult;

  // Re-renders when names and policies looked up by id arrive.
  private readonly sessionSubscription = new SessionController(this);

  private readonly tabs = new TabsController<Tab>(this, ['pending', 'history'], () => {
    this.selectedId = undefined;
  });

  private readonly pending = new PagedController(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    lists: ([client], signal) => client.listPendingApprovals({ top: PAGE_SIZE, abortSignal: signal }),
    key: (request: AssignmentRequest) => request.id ?? '',
    operation: 'listPendingApprovals',
  });

  private readonly approval = new ResourceController(this, {
    // A decision already seen carries its approval as read back; only undecided requests are read here.
    args: () =>
      this.resolvedClient && this.selectedId && !this.outcomeFor(this.selectedId) ? ([this.resolvedClient, this.selectedId] as const) : undefined,
    load: ([client, id], signal) => {
      // Start reading the policy (approver justification, time-outs) in the same tick, so in the same $batch.
      const request = this.findRequest(id);
      const policyId = request && policyIdOf(request);
      if (policyId) SessionStore.for(client).policy(policyId);
      return client.getApproval(id, { abortSignal: signal });
    },
    operation: 'getApproval',
  });

  private readonly deciding = new MutationController(this, {
    operation: 'decide',
    // Another approver decided first: the inbox shows their decision instead of an error.
    expected: (error) => errorStatus(error) === 409,
  });

  override render() {
    const client = this.resolvedClient;
    const busy = this.pending.busy || this.approval.status === 'loading' || this.deciding.anyPending;
    return html`<div part="base" class="base" lang=${this.stringsLanguage} aria-busy=${busy ? 'true' : 'false'}>
      ${this.tabs.render(this.t.inboxTabsLabel, { pending: this.t.tabPending, history: this.t.tabDecided })}
      ${(['pending', 'history'] as const).map(
        (tab) => html`<div
          role="tabpanel"
          id=${this.tabs.panelId(tab)}
          aria-labelledby=${this.tabs.tabId(tab)}
          class="panel"
          ?hidden=${this.tabs.selected !== tab}
        >
          ${!client ? this.renderNotConnected() : this.tabs.selected === tab ? this.renderTab(tab) : nothing}
        </div>`,
      )}
      ${this.renderLiveRegion()}
    </div>`;
  }

  private outcomeFor(id: string | null | undefined): Outcome | undefined {
    return this.sessionStore?.decisionFor(id);
  }

  private findRequest(id: string): AssignmentRequest | undefined {
    return this.pending.items.find((r) => r.id === id) ?? this.outcomeFor(id)?.request;
  }

  private renderTab(tab: Tab): TemplateResult {
    if (tab === 'pending') {
      const { pending } = this;
      if (pending.status === 'error') return this.renderError(pending.error, () => pending.retry());
      if (pending.status !== 'ready') return this.renderLoading(this.t.loadingApprovals);
    }
    // History: the decisions seen on this page (Graph v1.0 cannot list an approver's past decisions).
    const list = tab === 'pending' ? this.pending : staticList((this.sessionStore?.decisions ?? []).map((d) => d.request));
    const hint = tab === 'history' ? html`<p class="hint">${this.t.decidedHint}</p>` : nothing;
    if (list.items.length === 0) return html`${hint}${this.renderEmpty(tab === 'pending' ? this.t.noPendingApprovals : this.t.noDecidedApprovals)}`;
    const selected = this.selectedId ? list.items.find((r) => r.id === this.selectedId) : undefined;
    return html`${hint}<div class="layout">
      <div class="master">
        ${this.renderList(list, {
          label: tab === 'pending' ? this.t.pendingListLabel : this.t.decidedListLabel,
          key: (r) => r.id ?? '',
          renderItem: (request) => this.renderRow(request),
        })}
      </div>
      <section class="detail" part="details" aria-labelledby="detail-heading">
        ${selected ? this.renderDetail(selected, tab) : html`<h2 id="detail-heading" class="visually-hidden">${this.t.requestDetails}</h2>
              <p class="muted">${this.t.selectRequest}</p>`}
      </section>
    </div>`;
  }

  private people(request: AssignmentRequest) {
    const store = this.sessionStore;
    const requestor = request.requestor;
    const targetId = targetIdOf(request);
    const requestorName = requestor?.displayName ?? requestor?.email ?? '';
    const onBehalf = !!targetId && !!requestor?.objectId && requestor.objectId !== targetId;
    const targetName = !onBehalf
      ? requestorName
      : (request.assignment?.target?.displayName ??
        (targetId ? (store?.displayNameOf(targetId) ?? store?.user(targetId).value?.displayName) : undefined) ??
        targetId ??
        '');
    return { requestorName, requestorEmail: requestor?.email ?? '', targetName, onBehalf };
  }

  private renderRow(request: AssignmentRequest): TemplateResult {
    const id = request.id ?? '';
    const { requestorName, targetName, onBehalf } = this.people(request);
    const outcome = this.outcomeFor(id);
    return html`<button
      type="button"
      part="item"
      class="row"
      aria-current=${this.selectedId === id ? 'true' : 'false'}
      @click=${() => this.select(id)}
    >
      <span class="row-title">${packageOf(request)?.displayName ?? this.t.unknownPackage}</span>
      <span class="row-meta">
        ${onBehalf ? this.msg('rowOnBehalf', { requestor: requestorName, target: targetName }) : this.msg('rowFor', { target: targetName || requestorName })}
      </span>
      <span class="row-meta">
        ${this.formatDate(request.createdDateTime)}
        ${onBehalf ? html`<span class="badge wait">${this.t.onBehalfBadge}</span>` : nothing}
        ${request.status === 'PendingApprovalEscalated' ? html`<span class="badge wait">${this.t.escalatedBadge}</span>` : nothing}
        ${outcome ? html`<span class="badge ${this.resultTone(outcome)}">${this.outcomeLabel(outcome)}</span>` : nothing}
        ${this.tabs.selected === 'history' ? html`<span class="badge ${this.stateTone(request.state)}">${this.stateLabel(request.state)}</span>` : nothing}
      </span>
    </button>`;
  }

  private async select(id: string): Promise<void> {
    this.selectedId = id;
    this.reasonMissing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  private resultOf(outcome: Outcome): string | undefined {
    const stages = outcome.approval.stages ?? [];
    const last = [...stages].reverse().find(decided);
    return last?.reviewResult ?? (outcome.reviewResult === 'Approve' ? 'Approved' : outcome.reviewResult === 'Deny' ? 'Denied' : undefined);
  }

  private resultTone(outcome: Outcome): 'good' | 'bad' | 'wait' {
    const result = this.resultOf(outcome)?.toLowerCase();
    return result === 'approved' ? 'good' : result === 'denied' ? 'bad' : 'wait';
  }

  private outcomeLabel(outcome: Outcome): string {
    const approved = this.resultOf(outcome)?.toLowerCase() === 'approved';
    if (outcome.byCaller) return approved ? this.t.youApproved : this.t.youDenied;
    return this.t.decidedElsewhere;
  }

  // ---- the selected request: ./inbox-detail.ts, read when a request is selected ----

  protected override needs() {
    return [!!this.selectedId && inboxDetail];
  }

  private renderDetail(request: AssignmentRequest, tab: Tab): TemplateResult {
    return this.renderOnDemand(inboxDetail, (m) => m.renderDetail(this as unknown as InboxDetail.DetailHost, request, tab), this.renderLoading(this.t.loadingApproval));
  }
}
