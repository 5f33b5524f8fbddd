// The opened package and the request form of <request-access-pane>: read on demand when a package opens (the pane
// waits for it before its next update), so a page that only lists packages does not load it. Functions of the pane
// (`h`), through FormHost: the members of RequestAccessPane they use.
import { html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../styles/forms.ts';
import { live } from 'lit/directives/live.js';
import type { MutationController } from '../controllers/mutation-controller.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import type { ResourceController } from '../controllers/resource-controller.ts';
import type { TabsController } from '../controllers/tabs-controller.ts';
import { emit } from '../events.ts';
import { format } from '../i18n/index.ts';
import { localizedText, questionKind, sortedQuestions } from '../internal/questions.ts';
import { allowsOnBehalfAdd, allowsSelfAdd } from '../internal/request-rules.ts';
import type {
  AccessPackage,
  AccessPackageResourceRoleScope,
  AssignmentRequest,
  EntitlementClient,
  MultipleChoiceQuestion,
  OnBehalfRequestInput,
  Question,
  Requirements,
  User,
} from '../internal/sdk.ts';
import {
  buildAnswers,
  buildSchedule,
  effectiveStart,
  latestEnd,
  questionField,
  toDateInput,
  validateDraft,
  type Draft,
  type FieldError,
  type Target,
} from './request-draft.ts';
import type { PackageData, Prefill, Tab } from './request-access-pane.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface FormHost extends ViewHost {
  readonly targetUserId?: string;
  readonly details: ResourceController<PackageData, readonly [EntitlementClient, string]>;
  readonly submitting: MutationController;
  readonly history: PagedController<AssignmentRequest, readonly [EntitlementClient]>;
  readonly tabs: TabsController<Tab>;
  readonly historyWanted: boolean;
  openPackageName?: string;
  draft?: Draft;
  fieldErrors: Record<string, FieldError>;
  submitted?: AssignmentRequest;
  submittedFor?: string;
  prefill?: Prefill;
  backToCatalog(): void;
  focusSelector(selector: string): Promise<void>;
  focusField(id: string): Promise<void>;
  forWhom(request: AssignmentRequest, knownTargetId?: string): string;
}

export function renderPackage(h: FormHost): TemplateResult {
  h.useStyles(formStyles);
  const { details } = h;
  const data = details.status === 'ready' ? details.value : undefined;
  const ready = data && h.draft;
  // One heading throughout, so focus put on it when the package opens stays there when the details arrive.
  return html`<div class="actions">
      <button type="button" part="button back-button" class="link" @click=${() => h.backToCatalog()}>${h.t.backToPackages}</button>
    </div>
    <section part="details" class="panel" aria-labelledby="package-heading">
      <h2 id="package-heading" tabindex="-1">${data?.pkg.displayName ?? h.openPackageName ?? h.t.loadingPackage}</h2>
      ${details.status === 'error'
        ? h.renderError(details.error, () => details.reload())
        : !ready
          ? h.renderLoading(h.t.loadingPackage)
          : html`${data.pkg.description ? html`<p>${data.pkg.description}</p>` : nothing} ${renderResources(h, data.pkg.resourceRoleScopes ?? [])}`}
    </section>
    ${ready ? (h.submitted ? renderResult(h, h.submitted, data.pkg) : renderForm(h, data, ready)) : nothing}`;
}

export function renderResources(h: FormHost, scopes: AccessPackageResourceRoleScope[]): TemplateResult {
  if (scopes.length === 0) return html`<p class="muted">${h.t.noResources}</p>`;
  return html`<table class="resources">
    <caption>
      ${h.t.resourcesHeading}
    </caption>
    <thead>
      <tr>
        <th scope="col">${h.t.resourceColumn}</th>
        <th scope="col">${h.t.roleColumn}</th>
      </tr>
    </thead>
    <tbody>
      ${scopes.map((scope) => {
        const resource = scope.role?.resource ?? scope.scope?.resource;
        return html`<tr>
          <td>
            ${resource?.displayName ?? scope.scope?.displayName ?? ''}
            <span class="hint block">${resourceType(h, resource?.originSystem ?? scope.role?.originSystem)}</span>
          </td>
          <td>${scope.role?.displayName ?? ''}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function resourceType(h: FormHost, originSystem: string | null | undefined): string {
  if (originSystem === 'AadGroup') return h.t.resourceGroup;
  if (originSystem === 'AadApplication') return h.t.resourceApplication;
  if (originSystem === 'SharePointOnline') return h.t.resourceSite;
  return originSystem ?? '';
}

/** Who the caller may request for, and under which policies, given what the package's policies say. */
export function choices(h: FormHost, data: PackageData, wantedTarget = h.draft?.targetUserId || h.targetUserId) {
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
  const reports = h.sessionStore?.reports.value ?? [];
  const canChooseOther = forOthers.length > 0 && (reports.length > 0 || !!wantedTarget);
  return { forSelf, forOthers: canChooseOther ? forOthers : [], reports };
}

export function initialDraft(h: FormHost, data: PackageData): Draft {
  const prefill = h.prefill?.packageId === data.pkg.id ? h.prefill : undefined;
  h.prefill = undefined;
  const store = h.sessionStore;
  const meId = store?.me.value?.id;
  const reports = store?.reports.value ?? [];
  const wanted = prefill ? prefill.targetUserId : h.targetUserId;
  // An earlier request was for someone else when its target is not the caller; if the caller is unknown, when
  // the target is one of their reports.
  const wantsOther = !!wanted && wanted !== meId && (!prefill || meId !== undefined || reports.some((r) => r.id === wanted));
  const { forSelf, forOthers } = choices(h, data, wantsOther ? wanted : undefined);
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

export function patchDraft(h: FormHost, patch: Partial<Draft>): void {
  if (h.draft) h.draft = { ...h.draft, ...patch };
}

export function setAnswer(h: FormHost, question: Question, values: string[]): void {
  if (!h.draft) return;
  patchDraft(h, { answers: { ...h.draft.answers, [question.id ?? '']: values } });
}

export function renderForm(h: FormHost, data: PackageData, draft: Draft): TemplateResult {
  const { forSelf, forOthers, reports } = choices(h, data);
  if (forSelf.length === 0 && forOthers.length === 0) {
    return html`<div class="state info" part="empty"><p>${h.t.noApplicablePolicy}</p></div>`;
  }
  const policies = draft.target === 'other' ? forOthers : forSelf;
  const requirement = policies.find((r) => r.policyId === draft.policyId) ?? policies[0];
  const pending = h.submitting.isPending();
  const error = h.submitting.errorFor();
  return html`<form part="form" class="panel form" novalidate aria-labelledby="form-heading" @submit=${(event: SubmitEvent) => onSubmit(h, event)}>
    <h3 id="form-heading">${h.t.requestDetails}</h3>
    ${renderTarget(h, draft, forSelf.length > 0, forOthers.length > 0, reports)}
    ${requirement ? renderPolicyChoice(h, policies, requirement) : nothing}
    ${requirement ? sortedQuestions(requirement.questions).map((q) => renderQuestion(h, q, draft)) : nothing}
    ${requirement ? renderJustification(h, requirement, draft) : nothing}
    ${requirement?.allowCustomAssignmentSchedule ? renderPeriod(h, requirement, draft) : nothing}
    ${Object.keys(h.fieldErrors).length > 0
      ? html`<p class="field-error" role="alert">${h.msg('formHasErrors', { count: Object.keys(h.fieldErrors).length })}</p>`
      : nothing}
    ${error ? h.renderError(error, () => void submitRequest(h), h.t.submitFailed) : nothing}
    <div class="actions">
      <button type="submit" part="button submit-button" class="primary" ?disabled=${pending || !requirement} aria-busy=${pending ? 'true' : 'false'}>
        ${pending ? h.t.submitting : h.t.submit}
      </button>
    </div>
  </form>`;
}

export function renderTarget(h: FormHost, draft: Draft, selfAllowed: boolean, otherAllowed: boolean, reports: User[]): TemplateResult | typeof nothing {
  if (!otherAllowed) return nothing;
  const store = h.sessionStore;
  const listed = reports.some((r) => r.id === draft.targetUserId);
  const choose = (target: Target) => {
    patchDraft(h, { target, targetUserId: target === 'other' ? draft.targetUserId || h.targetUserId || '' : '' });
  };
  return html`<fieldset>
      <legend>${h.t.requestFor}</legend>
      ${selfAllowed
        ? html`<label class="choice"
            ><input type="radio" name="target" value="self" .checked=${draft.target === 'self'} @change=${() => choose('self')} />
            ${h.t.requestForMyself}</label
          >`
        : nothing}
      <label class="choice"
        ><input type="radio" name="target" value="other" .checked=${draft.target === 'other'} @change=${() => choose('other')} />
        ${h.t.requestForSomeoneElse}</label
      >
    </fieldset>
    ${draft.target === 'other'
      ? html`<div class="field">
          <label for="target">${h.t.chooseReport}<span class="required-mark" aria-hidden="true">*</span></label>
          <select
            id="target"
            required
            aria-invalid=${h.fieldErrors.target ? 'true' : 'false'}
            aria-describedby=${h.fieldErrors.target ? 'target-error' : nothing}
            @change=${(e: Event) => patchDraft(h, { targetUserId: (e.target as HTMLSelectElement).value })}
          >
            <option value="" ?selected=${!draft.targetUserId}>${h.t.choosePersonPlaceholder}</option>
            ${reports.map(
              (r) => html`<option value=${r.id ?? ''} ?selected=${r.id === draft.targetUserId}>${r.displayName}${r.jobTitle ? ` (${r.jobTitle})` : ''}</option>`,
            )}
            ${draft.targetUserId && !listed
              ? html`<option value=${draft.targetUserId} selected>${store?.displayNameOf(draft.targetUserId) ?? store?.user(draft.targetUserId).value?.displayName ?? draft.targetUserId}</option>`
              : nothing}
          </select>
          ${renderFieldError(h, 'target')}
        </div>`
      : nothing}`;
}

export function renderPolicyChoice(h: FormHost, policies: Requirements[], requirement: Requirements): TemplateResult | typeof nothing {
  if (policies.length < 2) {
    return requirement.policyDisplayName
      ? html`<p class="muted">${h.msg('policyUsed', { policy: requirement.policyDisplayName })}</p>`
      : nothing;
  }
  return html`<fieldset>
    <legend>${h.t.choosePolicy}</legend>
    ${policies.map(
      (p) => html`<label class="choice">
        <input
          type="radio"
          name="policy"
          value=${p.policyId ?? ''}
          .checked=${p.policyId === requirement.policyId}
          @change=${() => patchDraft(h, { policyId: p.policyId ?? undefined })}
        />
        <span
          >${p.policyDisplayName}
          ${p.policyDescription ? html`<span class="hint block">${p.policyDescription}</span>` : nothing}
          <span class="hint block">${p.isApprovalRequiredForAdd ? h.t.approvalRequired : h.t.approvalNotRequired}</span></span
        >
      </label>`,
    )}
  </fieldset>`;
}

export function renderFieldError(h: FormHost, field: string): TemplateResult | typeof nothing {
  const error = h.fieldErrors[field];
  return error ? html`<span id="${field}-error" class="field-error">${format(h.t[error.key], error.params ?? {})}</span>` : nothing;
}

export function renderQuestion(h: FormHost, question: Question, draft: Draft): TemplateResult {
  const field = questionField(question);
  const text = localizedText(question.localizations, question.text, h.resolvedLocale);
  const values = draft.answers[question.id ?? ''] ?? [];
  const invalid = !!h.fieldErrors[field];
  const describedBy = invalid ? `${field}-error` : nothing;
  const mark = question.isRequired ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing;
  const kind = questionKind(question);
  if (kind === 'singleChoice' || kind === 'multipleChoice') {
    const choices = (question as MultipleChoiceQuestion).choices ?? [];
    const multiple = kind === 'multipleChoice';
    const toggle = (value: string, checked: boolean) =>
      setAnswer(h, question, multiple ? (checked ? [...values, value] : values.filter((v) => v !== value)) : [value]);
    // A single choice is a radiogroup, which can carry required and invalid; a checkbox group says both in words.
    return html`<fieldset
      id=${field}
      role=${multiple ? nothing : 'radiogroup'}
      aria-required=${!multiple && question.isRequired ? 'true' : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${describedBy}
    >
      <legend>
        ${text}${mark}${question.isRequired ? html`<span class="visually-hidden">${h.t.requiredSuffix}</span>` : nothing}
        ${multiple ? html`<span class="hint">${h.t.chooseAnyHint}</span>` : nothing}
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
          ${localizedText(choice.localizations, choice.text, h.resolvedLocale)}
        </label>`,
      )}
      ${renderFieldError(h, field)}
    </fieldset>`;
  }
  const onInput = (e: Event) => setAnswer(h, question, [(e.target as HTMLInputElement | HTMLTextAreaElement).value]);
  return html`<div class="field">
    <label for=${field}>${text}${mark}</label>
    ${kind === 'longText'
      ? html`<textarea id=${field} ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput}></textarea>`
      : html`<input id=${field} type="text" ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput} />`}
    ${renderFieldError(h, field)}
  </div>`;
}

export function renderJustification(h: FormHost, requirement: Requirements, draft: Draft): TemplateResult {
  const required = !!requirement.isRequestorJustificationRequired;
  const invalid = !!h.fieldErrors.justification;
  return html`<div class="field">
    <label for="justification">${h.t.justificationLabel}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
    <textarea
      id="justification"
      ?required=${required}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'justification-error justification-hint' : 'justification-hint'}
      .value=${draft.justification}
      @input=${(e: Event) => patchDraft(h, { justification: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
    <span id="justification-hint" class="hint">${h.t.justificationHint}</span>
    ${renderFieldError(h, 'justification')}
  </div>`;
}

export function renderPeriod(h: FormHost, requirement: Requirements, draft: Draft): TemplateResult {
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
      aria-invalid=${h.fieldErrors[id] ? 'true' : 'false'}
      aria-describedby=${h.fieldErrors[id] ? `${id}-error` : nothing}
      .value=${live(value)}
      @input=${(e: Event) => patchDraft(h, id === 'start' ? { startDate: (e.target as HTMLInputElement).value } : { endDate: (e.target as HTMLInputElement).value })}
    />
    ${renderFieldError(h, id)}
  </div>`;
  return html`<div class="field">
    <label class="choice switch">
      <input
        type="checkbox"
        role="switch"
        .checked=${draft.specificPeriod}
        @change=${(e: Event) => patchDraft(h, { specificPeriod: (e.target as HTMLInputElement).checked })}
      />
      ${h.t.specificPeriod}
    </label>
    ${draft.specificPeriod
      ? html`<div class="period">
          ${dateField('start', h.t.startDate, draft.startDate, today)}
          ${dateField('end', h.t.endDate, draft.endDate, draft.startDate || today, latest ? toDateInput(latest) : undefined)}
        </div>
        ${latest ? html`<p class="hint">${h.msg('latestEndHint', { date: h.formatDate(latest) })}</p>` : nothing}`
      : nothing}
  </div>`;
}

export function onSubmit(h: FormHost, event: SubmitEvent): void {
  event.preventDefault();
  void submitRequest(h);
}

export async function submitRequest(h: FormHost): Promise<void> {
  const data = h.details.value;
  const draft = h.draft;
  const client = h.resolvedClient;
  if (!data || !draft || !client || h.submitting.isPending()) return;
  const { forSelf, forOthers } = choices(h, data);
  const policies = draft.target === 'other' ? forOthers : forSelf;
  const requirement = policies.find((r) => r.policyId === draft.policyId) ?? policies[0];
  if (!requirement?.policyId || !data.pkg.id) return;
  h.fieldErrors = validateDraft(draft, requirement, (d) => h.formatDate(d));
  const firstInvalid = Object.keys(h.fieldErrors)[0];
  if (firstInvalid) {
    await h.focusField(firstInvalid);
    return;
  }
  const input: OnBehalfRequestInput = {
    accessPackageId: data.pkg.id,
    assignmentPolicyId: requirement.policyId,
    answers: buildAnswers(requirement, draft, h.resolvedLocale),
    justification: draft.justification.trim() || undefined,
    schedule: buildSchedule(requirement, draft),
  };
  const result = await h.submitting.run('', () =>
    draft.target === 'other' ? client.requestAccessFor(draft.targetUserId, input) : client.requestAccess(input),
  );
  if (!result.ok) {
    // Everything typed stays; focus goes to the retry in the alert.
    void h.focusSelector('form [part~="retry-button"]');
    return;
  }
  h.submittedFor = draft.target === 'other' ? draft.targetUserId : undefined;
  h.submitted = result.value;
  if (h.historyWanted) h.history.reload();
  emit(h, 'request-submitted', result.value);
  void h.announce(h.msg('submittedAnnouncement', { package: data.pkg.displayName ?? '' }));
  void h.focusSelector('#result-heading');
}

export function renderResult(h: FormHost, request: AssignmentRequest, pkg: AccessPackage): TemplateResult {
  const forWhom = h.forWhom(request, h.submittedFor);
  return html`<div part="result" class="state success">
    <h3 id="result-heading" tabindex="-1">${h.t.submittedHeading}</h3>
    <p>${h.msg('submittedBody', { package: pkg.displayName ?? '', person: forWhom })}</p>
    <p>${h.t.statusLabel}: <span class="badge ${h.stateTone(request.state)}">${h.stateLabel(request.state)}</span></p>
    <div class="actions">
      <button type="button" part="button" @click=${() => h.tabs.select('history', true)}>${h.t.viewHistory}</button>
      <button type="button" part="button back-button" @click=${() => h.backToCatalog()}>${h.t.requestAnother}</button>
    </div>
  </div>`;
}
