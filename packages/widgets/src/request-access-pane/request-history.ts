// The History tab of <request-access-pane>: earlier requests, cancel and resubmit. Read on demand when the tab opens
// (the pane waits for it before its next update). Functions of the pane (`h`), through HistoryHost: the members of
// RequestAccessPane they use.
import { html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../styles/forms.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import type { MutationController } from '../controllers/mutation-controller.ts';
import type { TabsController } from '../controllers/tabs-controller.ts';
import { emit } from '../events.ts';
import { packageIdOf, packageOf, policyIdOf, targetIdOf } from '../internal/graph.ts';
import { localizedText } from '../internal/questions.ts';
import { canCancel, canResubmit } from '../internal/request-rules.ts';
import type { AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import { answersOf, periodOf } from './request-draft.ts';
import type { PackageData, Prefill, Tab } from './request-access-pane.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface HistoryHost extends ViewHost {
  readonly history: PagedController<AssignmentRequest, readonly [EntitlementClient]>;
  readonly canceling: MutationController;
  readonly tabs: TabsController<Tab>;
  expandedRequestId?: string;
  prefill?: Prefill;
  draftFor?: PackageData;
  forWhom(request: AssignmentRequest, knownTargetId?: string): string;
  openPackage(id: string | undefined, focusHeading?: boolean, name?: string): void;
}

export function renderHistory(h: HistoryHost): TemplateResult {
  h.useStyles(formStyles);
  const { history } = h;
  if (history.status === 'error') return h.renderError(history.error, () => history.retry());
  if (history.status !== 'ready') return h.renderLoading(h.t.loadingHistory);
  if (history.items.length === 0) return h.renderEmpty(h.t.noRequests);
  return h.renderList(history, {
    label: h.t.historyListLabel,
    key: (r) => r.id ?? '',
    renderItem: (request) => renderRequestRow(h, request),
  });
}

function renderRequestRow(h: HistoryHost, request: AssignmentRequest): TemplateResult {
  const id = request.id ?? '';
  const expanded = h.expandedRequestId === id;
  const pkgName = packageOf(request)?.displayName ?? h.t.unknownPackage;
  const cancelError = h.canceling.errorFor(id);
  const removal = request.requestType === 'userRemove' || request.requestType === 'adminRemove';
  return html`<div part="item" class="row request ${expanded ? 'expanded' : ''}">
    <button
      type="button"
      class="link row-title disclosure"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="request-${id}"
      @click=${() => (h.expandedRequestId = expanded ? undefined : id)}
    >
      ${pkgName}
    </button>
    <span class="row-meta">
      <span class="badge ${h.stateTone(request.state)}">${h.stateLabel(request.state)}</span>
      ${removal ? h.t.removalRequest : nothing} ${h.msg('requestedFor', { person: h.forWhom(request) })} ·
      ${h.formatDate(request.createdDateTime)}
    </span>
    ${expanded ? renderRequestDetails(h, request) : nothing}
    ${cancelError ? h.renderError(cancelError, () => void cancelRequest(h, request), h.t.cancelFailed) : nothing}
    <div class="actions">
      ${canCancel(request)
        ? html`<button type="button" part="button cancel-button" class="danger" ?disabled=${h.canceling.isPending(id)} @click=${() => cancelRequest(h, request)}>
            ${h.canceling.isPending(id) ? h.t.canceling : h.t.cancelRequest}
          </button>`
        : nothing}
      ${canResubmit(request) && packageIdOf(request)
        ? html`<button type="button" part="button resubmit-button" @click=${() => resubmit(h, request)}>${h.t.resubmit}</button>`
        : nothing}
    </div>
  </div>`;
}

function renderRequestDetails(h: HistoryHost, request: AssignmentRequest): TemplateResult {
  const schedule = request.schedule;
  const end = schedule?.expiration?.endDateTime;
  const duration = schedule?.expiration?.type === 'afterDuration' ? schedule.expiration.duration : undefined;
  return html`<dl class="facts" id="request-${request.id ?? ''}">
    ${request.requestor?.displayName ? html`<dt>${h.t.requestedBy}</dt><dd>${request.requestor.displayName}</dd>` : nothing}
    <dt>${h.t.statusLabel}</dt>
    <dd>${request.status ?? h.stateLabel(request.state)}</dd>
    ${request.justification ? html`<dt>${h.t.justificationLabel}</dt><dd>${request.justification}</dd>` : nothing}
    ${(request.answers ?? []).map(
      (answer) => html`<dt>${localizedText(answer.answeredQuestion?.localizations, answer.answeredQuestion?.text, h.resolvedLocale) || h.t.answerLabel}</dt>
        <dd>${answer.displayValue ?? ''}</dd>`,
    )}
    ${end
      ? html`<dt>${h.t.periodLabel}</dt>
          <dd>${h.msg('periodValue', { start: h.formatDate(schedule?.startDateTime ?? request.createdDateTime), end: h.formatDate(end) })}</dd>`
      : duration
        ? html`<dt>${h.t.periodLabel}</dt>
            <dd>${h.msg('periodDuration', { duration: h.formatDuration(duration) })}</dd>`
        : nothing}
    ${request.completedDateTime ? html`<dt>${h.t.completedLabel}</dt><dd>${h.formatDate(request.completedDateTime, true)}</dd>` : nothing}
  </dl>`;
}

async function cancelRequest(h: HistoryHost, request: AssignmentRequest): Promise<void> {
  const client = h.resolvedClient;
  const id = request.id;
  if (!client || !id) return;
  const result = await h.canceling.run(id, () => client.cancelRequest(id));
  if (!result.ok) return;
  let updated: AssignmentRequest = { ...request, state: 'canceled' };
  try {
    updated = await client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] });
  } catch {
    // The cancel succeeded; showing it as canceled without the re-read is still true.
  }
  h.history.upsert(updated);
  emit(h, 'request-canceled', updated);
  void h.announce(h.msg('canceledAnnouncement', { package: packageOf(request)?.displayName ?? '' }));
}

function resubmit(h: HistoryHost, request: AssignmentRequest): void {
  const packageId = packageIdOf(request);
  if (!packageId) return;
  h.prefill = {
    packageId,
    policyId: policyIdOf(request),
    targetUserId: targetIdOf(request),
    answers: answersOf(request),
    justification: request.justification ?? '',
    period: periodOf(request),
  };
  h.openPackage(packageId);
  // The same package may already be open: its loaded data then takes the prefill on the next render.
  h.draftFor = undefined;
  h.tabs.select('catalog', true);
}
