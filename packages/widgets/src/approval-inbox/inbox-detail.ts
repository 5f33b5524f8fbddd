// The selected request of <approval-inbox>: its details, approval stages and the decision form, read on demand when
// a request is selected (the inbox waits for it before its next update). Functions of the inbox (`h`), through
// DetailHost: the members of ApprovalInbox they use.
import { html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../styles/forms.ts';
import type { MutationController } from '../controllers/mutation-controller.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import type { ResourceController } from '../controllers/resource-controller.ts';
import { emit, type ReviewResult } from '../events.ts';
import { addDuration } from '../internal/duration.ts';
import { errorStatus } from '../internal/errors.ts';
import { decided, packageOf, policyIdOf } from '../internal/graph.ts';
import { localizedText } from '../internal/questions.ts';
import { approverJustificationRequired, stageTimeout } from '../internal/request-rules.ts';
import { statusText } from '../internal/request-status.ts';
import type { Approval, ApprovalStage, AssignmentPolicy, AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import type { Outcome, Tab } from './approval-inbox.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface DetailHost extends ViewHost {
  readonly approval: ResourceController<Approval, readonly [EntitlementClient, string]>;
  readonly deciding: MutationController;
  readonly pending: PagedController<AssignmentRequest, readonly [EntitlementClient]>;
  reasons: Record<string, string>;
  reasonMissing?: string;
  lastAttempt?: ReviewResult;
  outcomeFor(id: string | null | undefined): Outcome | undefined;
  people(request: AssignmentRequest): { requestorName: string; requestorEmail: string; targetName: string; onBehalf: boolean };
}

interface StageInfo {
  /** 0-based position of the stage waiting for a decision; -1 when none is. */
  index: number;
  stage?: ApprovalStage;
  total: number;
  earlier: ApprovalStage[];
}

/** `policyStages`: how many stages the policy has, as the approval may list only the stages that have started. */
function stageInfo(approval: Approval, policyStages = 0): StageInfo {
  const stages = approval.stages ?? [];
  let index = stages.findIndex((s) => s.status?.toLowerCase() === 'inprogress');
  if (index < 0) index = stages.findIndex((s) => s.assignedToMe && !decided(s));
  return { index, stage: stages[index], total: Math.max(stages.length, policyStages), earlier: (index < 0 ? stages : stages.slice(0, index)).filter(decided) };
}

export function reviewResultLabel(h: DetailHost, result: string | null | undefined): string {
  const value = result?.toLowerCase();
  if (value === 'approved' || value === 'approve') return h.t.resultApproved;
  if (value === 'denied' || value === 'deny') return h.t.resultDenied;
  return h.t.resultNotReviewed;
}

export function renderDetail(h: DetailHost, request: AssignmentRequest, tab: Tab): TemplateResult {
  h.useStyles(formStyles);
  const id = request.id ?? '';
  const { requestorName, requestorEmail, targetName, onBehalf } = h.people(request);
  const schedule = request.schedule;
  const end = schedule?.expiration?.endDateTime;
  const duration = schedule?.expiration?.duration;
  const outcome = h.outcomeFor(id);
  const approval = outcome?.approval ?? (h.approval.status === 'ready' ? h.approval.value : undefined);
  return html`<h2 id="detail-heading" tabindex="-1">${packageOf(request)?.displayName ?? h.t.unknownPackage}</h2>
    ${isUpdate(request) ? html`<p class="state info" role="note">${h.msg('extensionNotice', { target: targetName || requestorName })}</p>` : nothing}
    ${onBehalf
      ? html`<div class="on-behalf" part="on-behalf" role="note">
          <p><strong>${h.msg('onBehalfNotice', { requestor: requestorName, target: targetName })}</strong></p>
          <p>${h.msg('onBehalfAdvice', { target: targetName })}</p>
        </div>`
      : nothing}
    <dl class="facts">
      <dt>${h.t.requestedBy}</dt>
      <dd>${requestorName}${requestorEmail && requestorEmail !== requestorName ? html` <span class="muted">(${requestorEmail})</span>` : nothing}</dd>
      <dt>${h.t.requestedForLabel}</dt>
      <dd>${targetName || requestorName}</dd>
      <dt>${h.t.requestedOn}</dt>
      <dd>${h.formatDate(request.createdDateTime, true)}</dd>
      <dt>${h.t.justificationLabel}</dt>
      <dd>${request.justification || html`<span class="muted">${h.t.noJustification}</span>`}</dd>
      ${(request.answers ?? []).map(
        (answer) => html`<dt>${localizedText(answer.answeredQuestion?.localizations, answer.answeredQuestion?.text, h.resolvedLocale) || h.t.answerLabel}</dt>
          <dd>${answer.displayValue ?? (answer as { value?: string }).value ?? ''}</dd>`,
      )}
      ${isUpdate(request) ? renderExtensionDates(h, request) : html`<dt>${h.t.periodLabel}</dt>
      <dd>
        ${end
          ? h.msg('periodValue', { start: h.formatDate(schedule?.startDateTime ?? request.createdDateTime), end: h.formatDate(end) })
          : duration
            ? h.msg('periodDuration', { duration: h.formatDuration(duration) })
            : schedule?.startDateTime
              ? h.msg('periodValue', { start: h.formatDate(schedule.startDateTime), end: h.t.noEnd })
              : h.t.periodPolicyDefault}
      </dd>`}
      ${tab === 'history' ? html`<dt>${h.t.statusLabel}</dt><dd>${statusText(h, request)}</dd>` : nothing}
    </dl>
    ${request.status === 'PendingApprovalEscalated' ? html`<p class="state info" role="note">${h.t.escalatedNotice}</p>` : nothing}
    ${h.approval.status === 'error' && !outcome
      ? h.renderError(h.approval.error, () => h.approval.reload())
      : !approval
        ? h.renderLoading(h.t.loadingApproval)
        : renderStages(h, request, approval, tab, outcome)}`;
}

/** An update of an assignment someone already has: in the inbox, an extension (a new end date). */
const isUpdate = (request: AssignmentRequest) => request.requestType === 'userUpdate' || request.requestType === 'adminUpdate';

/** The end the access has now (the assignment's) and the one asked for (the request's schedule). */
function renderExtensionDates(h: DetailHost, request: AssignmentRequest): TemplateResult {
  const current = request.assignment?.schedule?.expiration?.endDateTime;
  const wanted = request.schedule?.expiration?.endDateTime;
  return html`<dt>${h.t.currentEndLabel}</dt>
    <dd>${current ? h.formatDate(current) : h.t.noEnd}</dd>
    <dt>${h.t.newEndLabel}</dt>
    <dd>${wanted ? h.formatDate(wanted) : h.t.periodPolicyDefault}</dd>`;
}

export function policyFor(h: DetailHost, request: AssignmentRequest): AssignmentPolicy | undefined {
  const policyId = policyIdOf(request);
  return policyId ? h.sessionStore?.policy(policyId).value : undefined;
}

export function renderStages(h: DetailHost, request: AssignmentRequest, approval: Approval, tab: Tab, outcome: Outcome | undefined): TemplateResult {
  const policy = policyFor(h, request);
  const info = stageInfo(approval, policy?.requestApprovalSettings?.stages?.length);
  const started = info.index > 0 ? (info.earlier.at(-1)?.reviewedDateTime ?? request.createdDateTime) : request.createdDateTime;
  const due = info.index >= 0 && started ? addDuration(started, stageTimeout(policy, info.index)) : undefined;
  return html`<div class="stages">
    ${info.total > 0
      ? html`<p>
          <strong>${info.index >= 0 ? h.msg('stageOf', { n: info.index + 1, m: info.total }) : h.msg('stagesCount', { m: info.total })}</strong>
          ${info.stage?.displayName && !/^stage\s*\d+$/i.test(info.stage.displayName.trim()) ? html` · ${info.stage.displayName}` : nothing}
          ${due ? html` · ${h.msg('dueOn', { date: h.formatDate(due, true) })}` : nothing}
        </p>`
      : nothing}
    ${info.earlier.length > 0
      ? html`<h3>${h.t.earlierDecisions}</h3>
          <ol class="decisions">
            ${info.earlier.map(
              (stage) => html`<li>
                ${h.msg(stage.reviewedDateTime ? 'stageDecision' : 'stageDecisionUndated', {
                  stage: (approval.stages ?? []).indexOf(stage) + 1,
                  result: reviewResultLabel(h, stage.reviewResult),
                  person: stage.reviewedBy?.displayName ?? h.t.someone,
                  date: h.formatDate(stage.reviewedDateTime, true),
                })}
                ${stage.justification ? html`<span class="muted block">“${stage.justification}”</span>` : nothing}
              </li>`,
            )}
          </ol>`
      : nothing}
    ${outcome
      ? renderOutcome(h, outcome)
      : tab === 'pending' && info.stage && info.stage.assignedToMe !== false
        ? renderDecision(h, request, info.stage, approverJustificationRequired(policy, info.index))
        : nothing}
  </div>`;
}

export function renderOutcome(h: DetailHost, outcome: Outcome): TemplateResult {
  const last = [...(outcome.approval.stages ?? [])].reverse().find(decided);
  const text = outcome.byCaller
    ? outcome.reviewResult === 'Approve'
      ? h.t.youApproved
      : h.t.youDenied
    : h.msg('decidedElsewhereDetail', {
        result: reviewResultLabel(h, last?.reviewResult),
        person: last?.reviewedBy?.displayName ?? h.t.someone,
        date: h.formatDate(last?.reviewedDateTime, true),
      });
  return html`<div class="state ${outcome.byCaller ? 'success' : 'info'}" part="outcome">
    <p id="outcome-text" tabindex="-1"><strong>${text}</strong></p>
    ${last?.justification ? html`<p class="muted">“${last.justification}”</p>` : nothing}
  </div>`;
}

export function renderDecision(h: DetailHost, request: AssignmentRequest, stage: ApprovalStage, reasonRequired: boolean): TemplateResult {
  const id = request.id ?? '';
  const pending = h.deciding.isPending(id);
  const error = h.deciding.errorFor(id);
  const missing = h.reasonMissing === id;
  return html`<form part="decision" class="decision" novalidate @submit=${(e: Event) => e.preventDefault()}>
    <div class="field">
      <label for="reason">${reasonRequired ? h.t.reasonRequiredLabel : h.t.reasonLabel}${reasonRequired ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
      <textarea
        id="reason"
        ?required=${reasonRequired}
        aria-invalid=${missing ? 'true' : 'false'}
        aria-describedby=${missing ? 'reason-error' : nothing}
        .value=${h.reasons[id] ?? ''}
        @input=${(e: Event) => (h.reasons = { ...h.reasons, [id]: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${missing ? html`<span id="reason-error" class="field-error" role="alert">${h.t.errorReasonRequired}</span>` : nothing}
    </div>
    ${error ? h.renderError(error, () => void decide(h, request, stage, h.lastAttempt ?? 'Approve', reasonRequired), h.t.decisionFailed) : nothing}
    <div class="actions">
      <button type="button" part="button approve-button" class="primary" ?disabled=${pending} @click=${() => decide(h, request, stage, 'Approve', reasonRequired)}>
        ${h.t.approve}
      </button>
      <button type="button" part="button deny-button" class="danger" ?disabled=${pending} @click=${() => decide(h, request, stage, 'Deny', reasonRequired)}>
        ${h.t.deny}
      </button>
      ${pending ? html`<span class="loading" role="status">${h.t.recordingDecision}</span>` : nothing}
    </div>
  </form>`;
}

export async function decide(h: DetailHost, request: AssignmentRequest, stage: ApprovalStage, reviewResult: ReviewResult, reasonRequired: boolean): Promise<void> {
  const client = h.resolvedClient;
  const id = request.id;
  if (!client || !id || !stage.id) return;
  const justification = (h.reasons[id] ?? '').trim();
  if (reasonRequired && !justification) {
    h.reasonMissing = id;
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
    return;
  }
  h.reasonMissing = undefined;
  h.lastAttempt = reviewResult;
  const stageId = stage.id;
  const result = await h.deciding.run(id, () => client.decide(id, stageId, { reviewResult, justification: justification || undefined }));
  if (result.ok) {
    // Read back in one batch: the stages (who decided what) and the request (its state may have moved on).
    const [approval, updated] = await Promise.all([
      client.getApproval(id).catch(() => withLocalDecision(h, id, stageId, reviewResult, justification)),
      client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] }).catch(() => request),
    ]);
    h.sessionStore?.recordDecision({ request: updated, approval, byCaller: true, reviewResult, seenAt: new Date().toISOString() });
    h.reasons = { ...h.reasons, [id]: '' };
    emit(h, 'decision-recorded', { request, approval, reviewResult, justification });
    void h.announce(h.msg(reviewResult === 'Approve' ? 'approvedAnnouncement' : 'deniedAnnouncement', { package: packageOf(request)?.displayName ?? '' }));
  } else if (errorStatus(result.error) === 409) {
    await showDecisionMadeElsewhere(h, request);
  } else {
    return;
  }
  await h.updateComplete;
  h.renderRoot.querySelector<HTMLElement>('#outcome-text')?.focus();
}

/** The stage as the caller decided it, for when reading the approval back fails after a successful decision. */
export function withLocalDecision(h: DetailHost, id: string, stageId: string, reviewResult: ReviewResult, justification: string): Approval {
  const current = h.approval.value?.id === id ? h.approval.value : { id, stages: [] };
  return {
    ...current,
    stages: (current.stages ?? []).map((s) =>
      s.id === stageId ? { ...s, reviewResult: reviewResult === 'Approve' ? 'Approved' : 'Denied', justification, reviewedDateTime: new Date().toISOString() } : s,
    ),
  };
}

export async function showDecisionMadeElsewhere(h: DetailHost, request: AssignmentRequest): Promise<void> {
  const client = h.resolvedClient;
  const id = request.id;
  if (!client || !id) return;
  try {
    const [approval, updated] = await Promise.all([
      client.getApproval(id),
      client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] }),
    ]);
    h.sessionStore?.recordDecision({ request: updated, approval, byCaller: false, seenAt: new Date().toISOString() });
    h.pending.upsert(updated);
    void h.announce(h.t.decidedElsewhere);
  } catch (error) {
    h.reportError(error, 'getApproval');
    h.approval.reload();
  }
}
