// The History tab of <request-access-pane>: earlier requests, cancel and resubmit. Read on demand when the tab opens
// (the pane waits for it before its next update). Functions of the pane (`h`), through HistoryHost: the members of
// RequestAccessPane they use.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DialogController } from '../controllers/dialog-controller.ts';
import { formStyles } from '../styles/forms.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import type { MutationController } from '../controllers/mutation-controller.ts';
import type { TabsController } from '../controllers/tabs-controller.ts';
import { emit } from '../events.ts';
import { packageIdOf, packageOf, policyIdOf, targetIdOf } from '../internal/graph.ts';
import { localizedText } from '../internal/questions.ts';
import { canCancel, canResubmit } from '../internal/request-rules.ts';
import { isOpenAdd, requestBadge, statusText } from '../internal/request-status.ts';
import type { AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import { answersOf, periodOf } from './request-draft.ts';
import { openTimeline, renderTimeline } from './request-timeline.ts';
import type { PackageData, Prefill, Tab } from './request-access-pane.ts';
import { forWhom } from './for-whom.ts';
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
  openPackage(id: string | undefined, focusHeading?: boolean, name?: string): void;
}

/** The confirmation before a cancel: one per pane, made when its history is first shown. */
interface Confirmation {
  dialog: DialogController;
  request?: AssignmentRequest;
}
const confirmations = new WeakMap<HistoryHost, Confirmation>();

function confirmationOf(h: HistoryHost): Confirmation {
  let confirmation = confirmations.get(h);
  if (!confirmation) {
    const made: Confirmation = {
      dialog: new DialogController(
        h as unknown as ReactiveControllerHost & HTMLElement,
        () => h.renderRoot.querySelector<HTMLDialogElement>('#cancel-dialog'),
        () => {
          made.request = undefined;
          h.requestUpdate();
        },
      ),
    };
    confirmations.set(h, (confirmation = made));
  }
  return confirmation;
}

export function renderHistory(h: HistoryHost): TemplateResult {
  h.useStyles(formStyles);
  const { history } = h;
  if (history.status === 'error') return h.renderError(history.error, () => history.retry());
  if (history.status !== 'ready') return h.renderLoading(h.t.loadingHistory);
  if (history.items.length === 0) return h.renderEmpty(h.t.noRequests);
  return html`${h.renderList(history, {
    label: h.t.historyListLabel,
    key: (r) => r.id ?? '',
    renderItem: (request) => renderRequestRow(h, request),
  })}
  ${renderCancelDialog(h)}`;
}

function renderCancelDialog(h: HistoryHost): TemplateResult {
  const confirmation = confirmationOf(h);
  const request = confirmation.request;
  const id = request?.id ?? '';
  const pending = h.canceling.isPending(id);
  const error = request && h.canceling.errorFor(id);
  return html`<dialog id="cancel-dialog" part="dialog" aria-labelledby="cancel-title" aria-describedby="cancel-body" @close=${confirmation.dialog.handleClose}>
    ${request
      ? html`<div class="panel">
          <h2 id="cancel-title">${h.t.cancelTitle}</h2>
          <p id="cancel-body">${h.msg('cancelBody', { package: packageOf(request)?.displayName ?? h.t.unknownPackage, person: forWhom(h, request) })}</p>
          ${error ? h.renderError(error, undefined, h.t.cancelFailed) : nothing}
          <div class="actions">
            <button type="button" part="button cancel-button" class="danger" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'} @click=${() => cancelRequest(h, request)}>
              ${pending ? h.t.canceling : h.t.cancelRequest}
            </button>
            <button type="button" part="button close-button" autofocus @click=${() => confirmation.dialog.close()}>${h.t.keepRequest}</button>
          </div>
        </div>`
      : nothing}
  </dialog>`;
}

function askToCancel(h: HistoryHost, request: AssignmentRequest, trigger: EventTarget | null): void {
  const confirmation = confirmationOf(h);
  confirmation.request = request;
  h.canceling.clear(request.id ?? '');
  void confirmation.dialog.open(trigger);
}

/**
 * A later request for the same package and person that is open or delivered: resubmitting this one would be refused
 * (an open request or the access exists already).
 */
function superseded(h: HistoryHost, request: AssignmentRequest): boolean {
  const packageId = packageIdOf(request);
  const target = targetIdOf(request);
  return h.history.items.some(
    (other) =>
      packageIdOf(other) === packageId &&
      targetIdOf(other) === target &&
      (other.createdDateTime ?? '') > (request.createdDateTime ?? '') &&
      (isOpenAdd(other) || (other.state === 'delivered' && other.requestType !== 'userRemove' && other.requestType !== 'adminRemove')),
  );
}

function renderRequestRow(h: HistoryHost, request: AssignmentRequest): TemplateResult {
  const id = request.id ?? '';
  const expanded = h.expandedRequestId === id;
  const pkgName = packageOf(request)?.displayName ?? h.t.unknownPackage;
  const removal = request.requestType === 'userRemove' || request.requestType === 'adminRemove';
  const badge = requestBadge(h, request);
  return html`<div part="item" class="row request ${expanded ? 'expanded' : ''}">
    <button
      type="button"
      class="link row-title disclosure"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="request-${id}"
      @click=${() => toggleDetails(h, request, expanded)}
    >
      ${pkgName}
    </button>
    <span class="row-meta">
      <span class="badge ${badge.tone}">${badge.label}</span>
      ${removal ? h.t.removalRequest : nothing} ${h.msg('requestedFor', { person: forWhom(h, request) })} ·
      ${h.formatDate(request.createdDateTime)}
    </span>
    ${expanded ? renderRequestDetails(h, request) : nothing}
    <div class="actions">
      ${canCancel(request)
        ? html`<button type="button" part="button cancel-button" class="danger" @click=${(e: Event) => askToCancel(h, request, e.currentTarget)}>${h.t.cancelRequest}</button>`
        : nothing}
      ${canResubmit(request) && packageIdOf(request) && !superseded(h, request)
        ? html`<button type="button" part="button resubmit-button" @click=${() => resubmit(h, request)}>${h.t.resubmit}</button>`
        : nothing}
    </div>
  </div>`;
}

function toggleDetails(h: HistoryHost, request: AssignmentRequest, expanded: boolean): void {
  h.expandedRequestId = expanded ? undefined : (request.id ?? undefined);
  if (!expanded) openTimeline(h, request);
}

function renderRequestDetails(h: HistoryHost, request: AssignmentRequest): TemplateResult {
  return html`<div id="request-${request.id ?? ''}">${renderFacts(h, request)}${renderTimeline(h, request)}</div>`;
}

function renderFacts(h: HistoryHost, request: AssignmentRequest): TemplateResult {
  const schedule = request.schedule;
  const end = schedule?.expiration?.endDateTime;
  const duration = schedule?.expiration?.type === 'afterDuration' ? schedule.expiration.duration : undefined;
  return html`<dl class="facts">
    ${request.requestor?.displayName ? html`<dt>${h.t.requestedBy}</dt><dd>${request.requestor.displayName}</dd>` : nothing}
    <dt>${h.t.statusLabel}</dt>
    <dd>${statusText(h, request)}</dd>
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
  // A failure stays in the dialog, with what went wrong; the person may close it and try later.
  if (!result.ok) return;
  confirmationOf(h).dialog.close();
  let updated: AssignmentRequest = { ...request, state: 'canceled' };
  try {
    updated = await client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] });
  } catch {
    // The cancel succeeded; showing it as canceled without the re-read is still true.
  }
  h.history.upsert(updated);
  emit(h, 'request-canceled', updated);
  void h.announce(h.msg('canceledAnnouncement', { package: packageOf(request)?.displayName ?? '' }));
  // The Cancel button is gone with the open request: focus goes to the request's title.
  await h.updateComplete;
  h.renderRoot.querySelector<HTMLElement>(`[aria-controls="request-${CSS.escape(id)}"]`)?.focus();
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
    period: periodOf(request, h.resolvedClient?.serverNow()),
  };
  h.openPackage(packageId);
  // The same package may already be open: its loaded data then takes the prefill on the next render.
  h.draftFor = undefined;
  h.tabs.select('catalog', true);
}
