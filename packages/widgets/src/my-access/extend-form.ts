// The "Extend" dialog: a new end date (bounded by the policy), the policy's editable questions again with the
// earlier answers, a justification when the policy requires one; sent as Graph's userUpdate request. The same form
// for one's own access (<my-access>) and for a report's (<manage-team>, where the policy enables on-behalf update).
// Its state lives here per widget, so a widget only needs a place for the dialog and a way to open it.
import { createAssignmentUpdates } from '@entitlement-kit/sdk/assignment-updates';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DialogController } from '../controllers/dialog-controller.ts';
import { MutationController } from '../controllers/mutation-controller.ts';
import { emit } from '../events.ts';
import { format } from '../i18n/index.ts';
import { followRequest } from '../internal/follow-request.ts';
import { odataString, packageOf } from '../internal/graph.ts';
import { localizedText, sortedQuestions } from '../internal/questions.ts';
import type { Assignment, AssignmentPolicy, AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';
import type { Draft, FieldError } from '../request-access-pane/request-draft.ts';
import { answersOf, buildAnswers, toDateInput } from '../request-access-pane/request-draft.ts';
import { renderFieldError, renderJustification, renderQuestion, type FieldsHost } from '../request-access-pane/request-fields.ts';
import { formStyles } from '../styles/forms.ts';
import { editableQuestions, extendCheck, extensionEnd, latestExtension, requirementOf, validateExtension } from './extend-rules.ts';

export type ExtendFor = 'self' | 'report';

interface Extension {
  assignment: Assignment;
  who: ExtendFor;
  /** The report's name, for a manager's extension. */
  personName?: string;
  status: 'loading' | 'ready' | 'error';
  loadError?: Error;
  policy?: AssignmentPolicy;
  earlier?: AssignmentRequest;
  draft?: Draft;
  fieldErrors: Record<string, FieldError>;
  result?: AssignmentRequest;
}

interface ExtendState {
  dialog: DialogController;
  sending: MutationController;
  current?: Extension;
  /** Called after the dialog closed on a sent extension (the widget reads its list again). */
  onDone?: () => void;
}

const states = new WeakMap<ViewHost, ExtendState>();

function stateOf(h: ViewHost): ExtendState {
  let state = states.get(h);
  if (!state) {
    const host = h as unknown as ReactiveControllerHost & HTMLElement;
    const made: ExtendState = {
      dialog: new DialogController(
        host,
        () => h.renderRoot.querySelector<HTMLDialogElement>('#extend-dialog'),
        () => {
          const sent = !!made.current?.result;
          made.current = undefined;
          h.requestUpdate();
          if (sent) made.onDone?.();
        },
      ),
      sending: new MutationController(host, { operation: 'extendAssignment' }),
    };
    states.set(h, (state = made));
  }
  return state;
}

/** Opens the form for an assignment; `onDone` runs when the dialog closes after an extension was sent. */
export function openExtend(
  h: ViewHost,
  assignment: Assignment,
  options: { who: ExtendFor; personName?: string; trigger?: EventTarget | null; onDone?: () => void },
): void {
  const state = stateOf(h);
  state.onDone = options.onDone;
  state.current = { assignment, who: options.who, personName: options.personName, status: 'loading', fieldErrors: {} };
  state.sending.clear();
  void state.dialog.open(options.trigger);
  void load(h, state.current);
}

/** The policy (with its questions and expiration) and the request that gave the assignment (its answers). */
async function load(h: ViewHost, extension: Extension): Promise<void> {
  const client = h.resolvedClient;
  const id = extension.assignment.id;
  if (!client || !id) return;
  extension.status = 'loading';
  h.requestUpdate();
  try {
    const [assignment, earlier] = await Promise.all([
      createAssignmentUpdates(client).getAssignment(id, { expand: ['accessPackage', 'assignmentPolicy($expand=questions)', 'target'] }),
      earlierRequest(client, extension),
    ]);
    extension.assignment = assignment;
    extension.policy = (assignment.assignmentPolicy ?? undefined) as AssignmentPolicy | undefined;
    extension.earlier = earlier;
    const latest = latestExtension(extension.policy, client.serverNow());
    extension.draft ??= {
      target: 'self',
      targetUserId: '',
      answers: earlier ? answersOf(earlier) : {},
      justification: '',
      specificPeriod: false,
      bypass: false,
      startDate: '',
      // The furthest the policy allows, which is what an extension usually asks for; the person may choose earlier.
      endDate: latest ? toDateInput(latest) : '',
    };
    extension.status = 'ready';
  } catch (error) {
    extension.status = 'error';
    extension.loadError = error as Error;
    h.reportError(error, 'getAssignment');
  }
  h.requestUpdate();
}

/** The newest add request for this assignment that the caller can read (their own, or one they made for a report). */
async function earlierRequest(client: EntitlementClient, extension: Extension): Promise<AssignmentRequest | undefined> {
  const packageId = packageOf(extension.assignment)?.id ?? extension.assignment.accessPackageId;
  if (!packageId) return undefined;
  try {
    const requests = await client
      .listMyRequests(extension.who === 'self' ? 'target' : 'createdBy', { filter: `accessPackage/id eq ${odataString(packageId)}` })
      .toArray();
    return requests
      .filter((r) => r.assignment?.id === extension.assignment.id && (r.answers ?? []).length > 0)
      .sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))[0];
  } catch {
    // Without the earlier request the questions start empty; the extension itself does not depend on it.
    return undefined;
  }
}

/** The request form's field renderers read and write the draft through this (see FieldsHost). */
function formHostFor(h: ViewHost, extension: Extension): FieldsHost {
  return Object.create(h, {
    draft: {
      get: () => extension.draft,
      set: (draft: Draft) => {
        extension.draft = draft;
        h.requestUpdate();
      },
    },
    fieldErrors: { get: () => extension.fieldErrors },
  }) as FieldsHost;
}

export function renderExtendDialog(h: ViewHost): TemplateResult {
  const state = stateOf(h);
  const extension = state.current;
  return html`<dialog id="extend-dialog" part="dialog" class="wide" aria-labelledby="extend-title" @close=${state.dialog.handleClose}>
    ${extension ? renderExtension(h, state, extension) : nothing}
  </dialog>`;
}

function title(h: ViewHost, extension: Extension): string {
  const pkg = packageOf(extension.assignment)?.displayName ?? h.t.unknownPackage;
  return extension.who === 'report' ? h.msg('extendReportTitle', { package: pkg, name: extension.personName ?? '' }) : h.msg('extendTitle', { package: pkg });
}

function renderExtension(h: ViewHost, state: ExtendState, extension: Extension): TemplateResult {
  h.useStyles(formStyles);
  const head = html`<div class="dialog-head">
    <h2 id="extend-title">${title(h, extension)}</h2>
    <button type="button" part="button close-button" ?autofocus=${extension.status !== 'ready' || !!extension.result || !extendCheck(extension.assignment, extension.policy, extension.who).allowed} @click=${() => state.dialog.close()}>${h.t.close}</button>
  </div>`;
  if (extension.result) return html`<div class="panel">${head}${renderResult(h, extension, extension.result)}</div>`;
  if (extension.status === 'loading') return html`<div class="panel">${head}${h.renderLoading(h.t.loadingExtend)}</div>`;
  if (extension.status === 'error' || !extension.draft) return html`<div class="panel">${head}${h.renderError(extension.loadError, () => void load(h, extension))}</div>`;
  // Opened from a link, the policy is known only now: say why not instead of a form Graph would refuse.
  const check = extendCheck(extension.assignment, extension.policy, extension.who);
  if (!check.allowed) return html`<div class="panel">${head}${h.renderEmpty(h.t[check.reason])}</div>`;
  return html`<div class="panel">${head}${renderForm(h, state, extension, extension.draft)}</div>`;
}

function renderForm(h: ViewHost, state: ExtendState, extension: Extension, draft: Draft): TemplateResult {
  const form = formHostFor(h, extension);
  const now = h.resolvedClient?.serverNow() ?? new Date();
  const policy = extension.policy;
  const currentEnd = extension.assignment.schedule?.expiration?.endDateTime ?? undefined;
  const latest = latestExtension(policy, now);
  const approval = policy?.requestApprovalSettings?.isApprovalRequiredForUpdate === true;
  const editable = new Set(editableQuestions(policy, extension.earlier).map((q) => q.id));
  const questions = sortedQuestions(policy?.questions);
  const fixed = questions.filter((q) => !editable.has(q.id) && (draft.answers[q.id ?? ''] ?? []).length > 0);
  const pending = state.sending.isPending(extension.assignment.id ?? '');
  const error = state.sending.errorFor(extension.assignment.id ?? '');
  const invalid = !!extension.fieldErrors.end;
  const firstDay = new Date(Math.max(now.getTime(), currentEnd ? new Date(currentEnd).getTime() : 0) + 24 * 3600 * 1000);
  return html`<form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => (e.preventDefault(), void send(h, state, extension))}>
    <p id="extend-body">
      ${currentEnd ? h.msg('extendCurrentEnd', { date: h.formatDate(currentEnd) }) : nothing}
      ${latest ? h.msg('latestEndHint', { date: h.formatDate(latest) }) : nothing}
    </p>
    ${approval ? html`<p class="hint">${h.t.extendNeedsApproval}</p>` : nothing}
    <div class="field">
      <label for="end">${h.t.extendEndLabel}<span class="required-mark" aria-hidden="true">*</span></label>
      <input
        id="end"
        type="date"
        required
        autofocus
        min=${toDateInput(firstDay)}
        max=${latest ? toDateInput(latest) : nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'end-error extend-body' : 'extend-body'}
        .value=${live(draft.endDate)}
        @input=${(e: Event) => (form.draft = { ...draft, endDate: (e.target as HTMLInputElement).value })}
      />
      ${renderFieldError(form, 'end')}
    </div>
    ${questions.filter((q) => editable.has(q.id)).map((q) => renderQuestion(form, q, draft))}
    ${fixed.length
      ? html`<dl class="facts">
          ${fixed.map(
            (q) => html`<dt>${localizedText(q.localizations, q.text, h.resolvedLocale)}</dt>
              <dd>${displayAnswer(extension, q.id ?? '', draft)}</dd>`,
          )}
        </dl>`
      : nothing}
    ${renderJustification(form, requirementOf(policy), draft)}
    ${Object.keys(extension.fieldErrors).length
      ? html`<p class="field-error" role="alert">${format(h.t.formHasErrors, { count: Object.keys(extension.fieldErrors).length })}</p>`
      : nothing}
    ${error ? h.renderError(error, undefined, h.t.extendFailed) : nothing}
    <div class="actions">
      <button type="submit" part="button submit-button" class="primary" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'}>
        ${pending ? h.t.extending : approval ? h.t.extendRequest : h.t.extendSubmit}
      </button>
      <button type="button" part="button cancel-button" @click=${() => state.dialog.close()}>${h.t.cancel}</button>
    </div>
  </form>`;
}

function displayAnswer(extension: Extension, questionId: string, draft: Draft): string {
  const given = (extension.earlier?.answers ?? []).filter((a) => a.answeredQuestion?.id === questionId).map((a) => a.displayValue ?? '');
  return (given.length ? given : draft.answers[questionId] ?? []).join(', ');
}

async function send(h: ViewHost, state: ExtendState, extension: Extension): Promise<void> {
  const client = h.resolvedClient;
  const draft = extension.draft;
  const id = extension.assignment.id;
  if (!client || !draft || !id) return;
  const now = client.serverNow();
  const policy = extension.policy;
  extension.fieldErrors = validateExtension(draft, policy, extension.earlier, extension.assignment.schedule?.expiration?.endDateTime ?? undefined, (d) => h.formatDate(d), now);
  h.requestUpdate();
  if (Object.keys(extension.fieldErrors).length) {
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLElement>('#extend-dialog [aria-invalid="true"]')?.focus();
    return;
  }
  const editable = editableQuestions(policy, extension.earlier);
  const answers = editable.length ? buildAnswers({ ...requirementOf(policy), questions: editable }, draft, h.resolvedLocale) : undefined;
  const result = await state.sending.run(id, () =>
    createAssignmentUpdates(client).extendAssignment(id, {
      endDateTime: extensionEnd(draft, policy, now),
      answers,
      justification: draft.justification.trim() || undefined,
    }),
  );
  // A failure keeps the form as typed, with what went wrong; the submit button tries again.
  if (!result.ok) return;
  extension.result = result.value;
  h.requestUpdate();
  emit(h, 'request-submitted', result.value);
  void h.announce(resultText(h, extension, result.value));
  void follow(h, extension, client);
  await h.updateComplete;
  h.renderRoot.querySelector<HTMLElement>('#extend-result')?.focus();
}

function resultText(h: ViewHost, extension: Extension, request: AssignmentRequest): string {
  const end = request.schedule?.expiration?.endDateTime ?? extension.draft?.endDate;
  if (request.state === 'delivered') return h.msg('extendedUntil', { date: h.formatDate(end) });
  if (request.state === 'pendingApproval') return h.t.extensionAwaitsApproval;
  if (request.state === 'denied' || request.state === 'canceled') return h.msg('extensionEnded', { state: h.stateLabel(request.state) });
  return h.msg('extensionRequested', { state: h.stateLabel(request.state) });
}

function renderResult(h: ViewHost, extension: Extension, request: AssignmentRequest): TemplateResult {
  return html`<div part="result" class="result">
    <p id="extend-result" tabindex="-1">${resultText(h, extension, request)}</p>
  </div>`;
}

/** Graph may answer `submitted` and go on in the background: read it again until it is delivered or waits for approval. */
function follow(h: ViewHost, extension: Extension, client: EntitlementClient): Promise<void> {
  return followRequest(
    client,
    () => extension.result,
    (request) => {
      extension.result = request;
      h.requestUpdate();
    },
    () => h.isConnected,
    ['submitted', 'delivering', 'scheduled'],
  );
}
