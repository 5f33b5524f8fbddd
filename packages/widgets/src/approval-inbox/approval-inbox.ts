import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { MutationController } from '../controllers/mutation-controller.ts';
import { PagedController, staticList } from '../controllers/paged-controller.ts';
import { ResourceController } from '../controllers/resource-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { SessionStore, type RecordedDecision } from '../controllers/session-store.ts';
import { TabsController } from '../controllers/tabs-controller.ts';
import { emit, type ReviewResult } from '../events.ts';
import { addDuration } from '../internal/duration.ts';
import { EkElement } from '../internal/ek-element.ts';
import { errorStatus } from '../internal/errors.ts';
import { approverJustificationRequired, localizedText, packageOf, policyIdOf, stageTimeout, targetIdOf } from '../internal/graph.ts';
import type { Approval, ApprovalStage, AssignmentPolicy, AssignmentRequest } from '../internal/sdk.ts';
import { shared } from '../styles/shared.ts';
import { styles } from './approval-inbox.styles.ts';

const PAGE_SIZE = 25;

type Tab = 'pending' | 'history';

/** A decision this inbox saw recorded: the caller's own, or one another approver made first (a 409). */
type Outcome = RecordedDecision;

interface StageInfo {
  /** 0-based position of the stage waiting for a decision; -1 when none is. */
  index: number;
  stage?: ApprovalStage;
  total: number;
  earlier: ApprovalStage[];
}

const decided = (stage: ApprovalStage) => !!stage.reviewResult && stage.reviewResult.toLowerCase() !== 'notreviewed';

/** `policyStages`: how many stages the policy has, as the approval may list only the stages that have started. */
function stageInfo(approval: Approval, policyStages = 0): StageInfo {
  const stages = approval.stages ?? [];
  let index = stages.findIndex((s) => s.status?.toLowerCase() === 'inprogress');
  if (index < 0) index = stages.findIndex((s) => s.assignedToMe && !decided(s));
  return { index, stage: stages[index], total: Math.max(stages.length, policyStages), earlier: (index < 0 ? stages : stages.slice(0, index)).filter(decided) };
}

/**
 * The "Approvals" page of My Access: requests waiting for the caller's decision and the ones decided on this page
 * (Graph v1.0 lists no approver's past decisions, so History holds the decisions seen during this page session,
 * kept per client in the shared SessionStore), each
 * with who asked, for whom (made prominent when someone asked on another person's behalf), what, why, the
 * answers, the period, the approval stages so far and the due date; approve or deny with a reason.
 *
 * @fires decision-recorded - The caller's decision was recorded; detail `{ request, approval, reviewResult, justification }`.
 * @fires widget-error - A Graph call failed; detail is `{ error, operation }`.
 *
 * @csspart base - The widget's frame.
 * @csspart tabs - The tablist; `tab` each tab.
 * @csspart list - The list of requests; `item` a request.
 * @csspart details - The selected request.
 * @csspart on-behalf - The notice that a request was made for someone else.
 * @csspart decision - The decision form.
 * @csspart button - Every button; also `approve-button`, `deny-button`, `retry-button`, `load-more-button`.
 * @csspart loading - Loading state; `empty` empty state; `error` error state.
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

  private reviewResultLabel(result: string | null | undefined): string {
    const value = result?.toLowerCase();
    if (value === 'approved' || value === 'approve') return this.t.resultApproved;
    if (value === 'denied' || value === 'deny') return this.t.resultDenied;
    return this.t.resultNotReviewed;
  }

  private renderDetail(request: AssignmentRequest, tab: Tab): TemplateResult {
    const id = request.id ?? '';
    const { requestorName, requestorEmail, targetName, onBehalf } = this.people(request);
    const schedule = request.schedule;
    const end = schedule?.expiration?.endDateTime;
    const duration = schedule?.expiration?.duration;
    const outcome = this.outcomeFor(id);
    const approval = outcome?.approval ?? (this.approval.status === 'ready' ? this.approval.value : undefined);
    return html`<h2 id="detail-heading" tabindex="-1">${packageOf(request)?.displayName ?? this.t.unknownPackage}</h2>
      ${onBehalf
        ? html`<div class="on-behalf" part="on-behalf" role="note">
            <p><strong>${this.msg('onBehalfNotice', { requestor: requestorName, target: targetName })}</strong></p>
            <p>${this.msg('onBehalfAdvice', { target: targetName })}</p>
          </div>`
        : nothing}
      <dl class="facts">
        <dt>${this.t.requestedBy}</dt>
        <dd>${requestorName}${requestorEmail && requestorEmail !== requestorName ? html` <span class="muted">(${requestorEmail})</span>` : nothing}</dd>
        <dt>${this.t.requestedForLabel}</dt>
        <dd>${targetName || requestorName}</dd>
        <dt>${this.t.requestedOn}</dt>
        <dd>${this.formatDate(request.createdDateTime, true)}</dd>
        <dt>${this.t.justificationLabel}</dt>
        <dd>${request.justification || html`<span class="muted">${this.t.noJustification}</span>`}</dd>
        ${(request.answers ?? []).map(
          (answer) => html`<dt>${localizedText(answer.answeredQuestion?.localizations, answer.answeredQuestion?.text, this.resolvedLocale) || this.t.answerLabel}</dt>
            <dd>${answer.displayValue ?? (answer as { value?: string }).value ?? ''}</dd>`,
        )}
        <dt>${this.t.periodLabel}</dt>
        <dd>
          ${end
            ? this.msg('periodValue', { start: this.formatDate(schedule?.startDateTime ?? request.createdDateTime), end: this.formatDate(end) })
            : duration
              ? this.msg('periodDuration', { duration: this.formatDuration(duration) })
              : schedule?.startDateTime
                ? this.msg('periodValue', { start: this.formatDate(schedule.startDateTime), end: this.t.noEnd })
                : this.t.periodPolicyDefault}
        </dd>
        ${tab === 'history' ? html`<dt>${this.t.statusLabel}</dt><dd>${this.stateLabel(request.state)}</dd>` : nothing}
      </dl>
      ${this.approval.status === 'error' && !outcome
        ? this.renderError(this.approval.error, () => this.approval.reload())
        : !approval
          ? this.renderLoading(this.t.loadingApproval)
          : this.renderStages(request, approval, tab, outcome)}`;
  }

  private policyFor(request: AssignmentRequest): AssignmentPolicy | undefined {
    const policyId = policyIdOf(request);
    return policyId ? this.sessionStore?.policy(policyId).value : undefined;
  }

  private renderStages(request: AssignmentRequest, approval: Approval, tab: Tab, outcome: Outcome | undefined): TemplateResult {
    const policy = this.policyFor(request);
    const info = stageInfo(approval, policy?.requestApprovalSettings?.stages?.length);
    const started = info.index > 0 ? (info.earlier.at(-1)?.reviewedDateTime ?? request.createdDateTime) : request.createdDateTime;
    const due = info.index >= 0 && started ? addDuration(started, stageTimeout(policy, info.index)) : undefined;
    return html`<div class="stages">
      ${info.total > 0
        ? html`<p>
            <strong>${info.index >= 0 ? this.msg('stageOf', { n: info.index + 1, m: info.total }) : this.msg('stagesCount', { m: info.total })}</strong>
            ${info.stage?.displayName ? html` · ${info.stage.displayName}` : nothing}
            ${due ? html` · ${this.msg('dueOn', { date: this.formatDate(due, true) })}` : nothing}
          </p>`
        : nothing}
      ${info.earlier.length > 0
        ? html`<h3>${this.t.earlierDecisions}</h3>
            <ol class="decisions">
              ${info.earlier.map(
                (stage) => html`<li>
                  ${this.msg(stage.reviewedDateTime ? 'stageDecision' : 'stageDecisionUndated', {
                    stage: (approval.stages ?? []).indexOf(stage) + 1,
                    result: this.reviewResultLabel(stage.reviewResult),
                    person: stage.reviewedBy?.displayName ?? this.t.someone,
                    date: this.formatDate(stage.reviewedDateTime, true),
                  })}
                  ${stage.justification ? html`<span class="muted block">“${stage.justification}”</span>` : nothing}
                </li>`,
              )}
            </ol>`
        : nothing}
      ${outcome
        ? this.renderOutcome(outcome)
        : tab === 'pending' && info.stage && info.stage.assignedToMe !== false
          ? this.renderDecision(request, info.stage, approverJustificationRequired(policy, info.index))
          : nothing}
    </div>`;
  }

  private renderOutcome(outcome: Outcome): TemplateResult {
    const last = [...(outcome.approval.stages ?? [])].reverse().find(decided);
    const text = outcome.byCaller
      ? outcome.reviewResult === 'Approve'
        ? this.t.youApproved
        : this.t.youDenied
      : this.msg('decidedElsewhereDetail', {
          result: this.reviewResultLabel(last?.reviewResult),
          person: last?.reviewedBy?.displayName ?? this.t.someone,
          date: this.formatDate(last?.reviewedDateTime, true),
        });
    return html`<div class="state ${outcome.byCaller ? 'success' : 'info'}" part="outcome">
      <p id="outcome-text" tabindex="-1"><strong>${text}</strong></p>
      ${last?.justification ? html`<p class="muted">“${last.justification}”</p>` : nothing}
    </div>`;
  }

  private renderDecision(request: AssignmentRequest, stage: ApprovalStage, reasonRequired: boolean): TemplateResult {
    const id = request.id ?? '';
    const pending = this.deciding.isPending(id);
    const error = this.deciding.errorFor(id);
    const missing = this.reasonMissing === id;
    return html`<form part="decision" class="decision" novalidate @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="reason">${reasonRequired ? this.t.reasonRequiredLabel : this.t.reasonLabel}${reasonRequired ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
        <textarea
          id="reason"
          ?required=${reasonRequired}
          aria-invalid=${missing ? 'true' : 'false'}
          aria-describedby=${missing ? 'reason-error' : nothing}
          .value=${this.reasons[id] ?? ''}
          @input=${(e: Event) => (this.reasons = { ...this.reasons, [id]: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${missing ? html`<span id="reason-error" class="field-error" role="alert">${this.t.errorReasonRequired}</span>` : nothing}
      </div>
      ${error ? this.renderError(error, () => void this.decide(request, stage, this.lastAttempt ?? 'Approve', reasonRequired), this.t.decisionFailed) : nothing}
      <div class="actions">
        <button type="button" part="button approve-button" class="primary" ?disabled=${pending} @click=${() => this.decide(request, stage, 'Approve', reasonRequired)}>
          ${this.t.approve}
        </button>
        <button type="button" part="button deny-button" class="danger" ?disabled=${pending} @click=${() => this.decide(request, stage, 'Deny', reasonRequired)}>
          ${this.t.deny}
        </button>
        ${pending ? html`<span class="loading" role="status">${this.t.recordingDecision}</span>` : nothing}
      </div>
    </form>`;
  }

  private async decide(request: AssignmentRequest, stage: ApprovalStage, reviewResult: ReviewResult, reasonRequired: boolean): Promise<void> {
    const client = this.resolvedClient;
    const id = request.id;
    if (!client || !id || !stage.id) return;
    const justification = (this.reasons[id] ?? '').trim();
    if (reasonRequired && !justification) {
      this.reasonMissing = id;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
      return;
    }
    this.reasonMissing = undefined;
    this.lastAttempt = reviewResult;
    const stageId = stage.id;
    const result = await this.deciding.run(id, () => client.decide(id, stageId, { reviewResult, justification: justification || undefined }));
    if (result.ok) {
      // Read back in one batch: the stages (who decided what) and the request (its state may have moved on).
      const [approval, updated] = await Promise.all([
        client.getApproval(id).catch(() => this.withLocalDecision(id, stageId, reviewResult, justification)),
        client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] }).catch(() => request),
      ]);
      this.sessionStore?.recordDecision({ request: updated, approval, byCaller: true, reviewResult, seenAt: new Date().toISOString() });
      this.reasons = { ...this.reasons, [id]: '' };
      emit(this, 'decision-recorded', { request, approval, reviewResult, justification });
      void this.announce(this.msg(reviewResult === 'Approve' ? 'approvedAnnouncement' : 'deniedAnnouncement', { package: packageOf(request)?.displayName ?? '' }));
    } else if (errorStatus(result.error) === 409) {
      await this.showDecisionMadeElsewhere(request);
    } else {
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome-text')?.focus();
  }

  /** The stage as the caller decided it, for when reading the approval back fails after a successful decision. */
  private withLocalDecision(id: string, stageId: string, reviewResult: ReviewResult, justification: string): Approval {
    const current = this.approval.value?.id === id ? this.approval.value : { id, stages: [] };
    return {
      ...current,
      stages: (current.stages ?? []).map((s) =>
        s.id === stageId ? { ...s, reviewResult: reviewResult === 'Approve' ? 'Approved' : 'Denied', justification, reviewedDateTime: new Date().toISOString() } : s,
      ),
    };
  }

  private async showDecisionMadeElsewhere(request: AssignmentRequest): Promise<void> {
    const client = this.resolvedClient;
    const id = request.id;
    if (!client || !id) return;
    try {
      const [approval, updated] = await Promise.all([
        client.getApproval(id),
        client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] }),
      ]);
      this.sessionStore?.recordDecision({ request: updated, approval, byCaller: false, seenAt: new Date().toISOString() });
      this.pending.upsert(updated);
      void this.announce(this.t.decidedElsewhere);
    } catch (error) {
      this.reportError(error, 'getApproval');
      this.approval.reload();
    }
  }
}
