// The opened package and the request form of <request-access-pane>: read on demand when a package opens (the pane
// waits for it before its next update), so a page that only lists packages does not load it. Functions of the pane
// (`h`), through FormHost: the members of RequestAccessPane they use.
import { followRequest } from '../internal/follow-request.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../styles/forms.ts';
import { live } from 'lit/directives/live.js';
import type { MutationController } from '../controllers/mutation-controller.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import type { ResourceController } from '../controllers/resource-controller.ts';
import type { TabsController } from '../controllers/tabs-controller.ts';
import { SessionStore } from '../controllers/session-store.ts';
import { emit } from '../events.ts';
import { errorStatus } from '../internal/errors.ts';
import { odataString, targetIdOf } from '../internal/graph.ts';
import { isOpenAdd, requestBadge } from '../internal/request-status.ts';
import { sortedQuestions } from '../internal/questions.ts';
import { allowsOnBehalfAdd, allowsSelfAdd, approvedByCaller } from '../internal/request-rules.ts';
import { filteredList, type ListSource } from '../controllers/paged-controller.ts';
import type {
  AccessPackage,
  AccessPackageResourceRoleScope,
  Assignment,
  AssignmentPolicy,
  AssignmentRequest,
  EntitlementClient,
  OnBehalfRequestInput,
  PagedList,
  Requirements,
  User,
} from '../internal/sdk.ts';
import {
  buildAnswers,
  buildSchedule,
  effectiveStart,
  latestEnd,
  toDateInput,
  validateDraft,
  type Draft,
  type FieldError,
  type Target,
} from './request-draft.ts';
import type { PackageData, Prefill, Tab } from './request-access-pane.ts';
import { forWhom } from './for-whom.ts';
import { patchDraft, renderFieldError, renderJustification, renderQuestion } from './request-fields.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface FormHost extends ViewHost {
  readonly targetUserId?: string;
  readonly targetLocked: boolean;
  expandedRequestId?: string;
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
  submittedBypass?: boolean;
  prefill?: Prefill;
  backToCatalog(): void;
  focusSelector(selector: string): Promise<void>;
}

/** The package, its requirements and policies, and who already has it or asked for it: issued in one tick, so one $batch. */
export async function loadPackage(client: EntitlementClient, id: string, signal: AbortSignal): Promise<PackageData> {
  const options = { filter: `accessPackage/id eq ${odataString(id)}`, abortSignal: signal };
  // Only a notice depends on these, so a failure leaves the form as it would be without them.
  const all = <T>(list: PagedList<T>) => list.toArray().catch((): T[] => []);
  const [pkg, requirements, policies, mine, team, forMe, byMe] = await Promise.all([
    client.getPackage(id, { abortSignal: signal }),
    client.getRequirements(id, { abortSignal: signal }),
    SessionStore.for(client).policiesOf(id),
    all(client.listAssignments('target', options)),
    all(client.listAssignments('targetManager', options)),
    all(client.listMyRequests('target', options)),
    all(client.listMyRequests('createdBy', options)),
  ]);
  return { pkg, requirements, policies, assignments: [...mine, ...team], requests: [...forMe, ...byMe] };
}

// Per session store: each package's policies once read (undefined: the caller may not read them; null: being read).
const policiesRead = new WeakMap<SessionStore, Map<string, AssignmentPolicy[] | undefined | null>>();

/**
 * The packages that may be requested for the fixed person (`target-locked`): those with a policy that allows
 * requests on someone's behalf, or whose policies the caller cannot read (Graph then decides). Undefined while the
 * policies of listed packages are still being read.
 */
export function offeredFor(h: FormHost, list: ListSource<AccessPackage>): ListSource<AccessPackage> | undefined {
  const store = h.sessionStore;
  if (!store) return undefined;
  let known = policiesRead.get(store);
  if (!known) policiesRead.set(store, (known = new Map()));
  const read = known;
  let waiting = false;
  for (const pkg of list.items) {
    const id = pkg.id ?? '';
    if (read.get(id) === null) waiting = true;
    if (read.has(id)) continue;
    waiting = true;
    read.set(id, null);
    void store.policiesOf(id).then((policies) => {
      read.set(id, policies);
      h.requestUpdate();
    });
  }
  if (waiting) return undefined;
  return filteredList(list, (pkg) => {
    const policies = read.get(pkg.id ?? '');
    return !policies || policies.some(allowsOnBehalfAdd);
  });
}

export function renderPackage(h: FormHost): TemplateResult {
  h.useStyles(formStyles);
  const { details } = h;
  const data = details.status === 'ready' ? details.value : undefined;
  const ready = data && h.draft;
  // A link to a package that does not exist (or a malformed id): say so, with the way back above; retrying cannot help.
  const status = details.status === 'error' ? errorStatus(details.error) : undefined;
  const missing = status === 404 || status === 400;
  // One heading throughout, so focus put on it when the package opens stays there when the details arrive.
  return html`<div class="actions">
      <button type="button" part="button back-button" class="link" @click=${() => h.backToCatalog()}>${h.t.backToPackages}</button>
    </div>
    <section part="details" class="panel" aria-labelledby="package-heading">
      <h2 id="package-heading" tabindex="-1">${missing ? h.t.packageNotFound : (data?.pkg.displayName ?? h.openPackageName ?? h.t.loadingPackage)}</h2>
      ${missing
        ? html`<div class="state info" part="empty"><p>${h.t.packageNotFoundBody}</p></div>`
        : details.status === 'error'
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
  // In a dialog for one person (target-locked) the caller never requests for themself.
  const forSelf = data.requirements.filter((r) => {
    const policy = known(r);
    return !h.targetLocked && (!policy || allowsSelfAdd(policy));
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
    bypass: true,
    startDate: prefill?.period?.startDate ?? toDateInput(today(h)),
    endDate: prefill?.period?.endDate ?? '',
  };
}

/** "Now" as Graph says it (its Date header), so a wrong computer clock cannot move the period's first day. */
export const today = (h: FormHost): Date => h.resolvedClient?.serverNow() ?? new Date();

/** Access the draft's person already has, or a request for them still open: a new request would be refused. */
function existingFor(h: FormHost, data: PackageData, draft: Draft): { assignment?: Assignment; request?: AssignmentRequest } {
  const who = draft.target === 'other' ? draft.targetUserId : h.sessionStore?.me.value?.id;
  if (!who) return {};
  return {
    assignment: data.assignments.find(
      (a) => (a.target?.objectId ?? a.targetId) === who && (a.state === 'delivered' || a.state === 'partiallyDelivered' || a.state === 'delivering'),
    ),
    request: data.requests.find((r) => targetIdOf(r) === who && isOpenAdd(r)),
  };
}

/** The policy behind a requirement, when the caller can read it. */
const policyOf = (data: PackageData, requirement: Requirements) => data.policies?.find((p) => p.id === requirement.policyId);

/** A request on a direct report's behalf where the caller, as their manager, is a stage's only approver: it is bypassed. */
function bypassFor(h: FormHost, data: PackageData, draft: Draft, requirement: Requirements): boolean {
  const policy = policyOf(data, requirement);
  return draft.target === 'other' && !!policy && (h.sessionStore?.reports.value ?? []).some((r) => r.id === draft.targetUserId) && approvedByCaller(policy);
}

function showInHistory(h: FormHost, requestId: string | null | undefined): void {
  h.expandedRequestId = requestId ?? undefined;
  h.tabs.select('history', true);
}

export function renderForm(h: FormHost, data: PackageData, draft: Draft): TemplateResult {
  const { forSelf, forOthers, reports } = choices(h, data);
  if (forSelf.length === 0 && forOthers.length === 0) {
    return html`<div class="state info" part="empty"><p>${h.targetLocked && h.targetUserId ? h.msg('noPolicyFor', { person: forWhom(h, {}, h.targetUserId) }) : h.t.noApplicablePolicy}</p></div>`;
  }
  const policies = draft.target === 'other' ? forOthers : forSelf;
  const requirement = policies.find((r) => r.policyId === draft.policyId) ?? policies[0];
  const pending = h.submitting.isPending();
  const error = h.submitting.errorFor();
  const status = errorStatus(error);
  // Only a failure that may pass on a second try (network, throttling, the service) offers one.
  const retryable = !status || status >= 500 || status === 408 || status === 429;
  const { assignment, request } = existingFor(h, data, draft);
  const person = draft.target === 'other' && draft.targetUserId ? forWhom(h, {}, draft.targetUserId) : undefined;
  const blocked = !!assignment || !!request;
  return html`<form part="form" class="panel form" novalidate aria-labelledby="form-heading" @submit=${(event: SubmitEvent) => onSubmit(h, event)}>
    <h3 id="form-heading">${h.t.requestDetails}</h3>
    ${renderTarget(h, draft, forSelf.length > 0, forOthers.length > 0, reports)}
    ${assignment
      ? html`<div class="state info" role="note"><p>${person ? h.msg('alreadyHasOther', { person }) : h.t.alreadyHaveSelf}</p></div>`
      : request
        ? html`<div class="state info" role="note">
            <p>
              ${h.msg(person ? 'openRequestOther' : 'openRequestSelf', {
                person: person ?? '',
                state: requestBadge(h, request).label,
                date: h.formatDate(request.createdDateTime),
              })}
            </p>
            <button type="button" part="button" class="link" @click=${() => showInHistory(h, request.id)}>${h.t.viewRequest}</button>
          </div>`
        : nothing}
    ${requirement && !blocked
      ? html`${renderPolicyChoice(h, policies, requirement)}
        ${bypassFor(h, data, draft, requirement)
          ? html`<div class="field">
              <label class="choice"
                ><input type="checkbox" aria-describedby="bypass-hint" .checked=${draft.bypass} @change=${(e: Event) => patchDraft(h, { bypass: (e.target as HTMLInputElement).checked })} />
                ${h.msg('bypassNotice', { target: person ?? '' })}</label
              >
              <span id="bypass-hint" class="hint">${h.t.bypassHint}</span>
            </div>`
          : nothing}
        ${sortedQuestions(requirement.questions).map((q) => renderQuestion(h, q, draft))} ${renderJustification(h, requirement, draft)}
        ${requirement.allowCustomAssignmentSchedule ? renderPeriod(h, requirement, draft) : nothing}`
      : nothing}
    ${Object.keys(h.fieldErrors).length > 0
      ? html`<p class="field-error" role="alert">${h.msg('formHasErrors', { count: Object.keys(h.fieldErrors).length })}</p>`
      : nothing}
    ${error ? h.renderError(error, retryable ? () => void submitRequest(h) : undefined, h.t.submitFailed) : nothing}
    ${blocked
      ? nothing
      : html`<div class="actions">
          <button type="submit" part="button submit-button" class="primary" ?disabled=${pending || !requirement} aria-busy=${pending ? 'true' : 'false'}>
            ${pending ? h.t.submitting : h.t.submit}
          </button>
        </div>`}
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

export function renderPeriod(h: FormHost, requirement: Requirements, draft: Draft): TemplateResult {
  const now = today(h);
  const first = toDateInput(now);
  const latest = latestEnd(requirement, effectiveStart(draft, now));
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
          ${dateField('start', h.t.startDate, draft.startDate, first)}
          ${dateField('end', h.t.endDate, draft.endDate, draft.startDate || first, latest ? toDateInput(latest) : undefined)}
        </div>
        ${latest ? html`<p class="hint">${h.msg('latestEndHint', { date: h.formatDate(latest) })}</p>` : nothing}`
      : nothing}
  </div>`;
}

/** Focuses a form field by id; for a group of choices, its first choice. */
async function focusField(h: FormHost, id: string): Promise<void> {
  await h.updateComplete;
  const element = (h.renderRoot as ShadowRoot).getElementById(id);
  (element instanceof HTMLFieldSetElement ? element.querySelector('input') : element)?.focus();
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
  const now = today(h);
  h.fieldErrors = validateDraft(draft, requirement, (d) => h.formatDate(d), now);
  const firstInvalid = Object.keys(h.fieldErrors)[0];
  if (firstInvalid) {
    await focusField(h, firstInvalid);
    return;
  }
  const input: OnBehalfRequestInput = {
    accessPackageId: data.pkg.id,
    assignmentPolicyId: requirement.policyId,
    answers: buildAnswers(requirement, draft, h.resolvedLocale),
    justification: draft.justification.trim() || undefined,
    schedule: buildSchedule(requirement, draft, now),
  };
  // The caller is the stage's approver as the target's manager: Graph skips that stage when asked to.
  if (draft.bypass && bypassFor(h, data, draft, requirement)) input.bypassApproval = true;
  const result = await h.submitting.run('', () =>
    draft.target === 'other' ? client.requestAccessFor(draft.targetUserId, input) : client.requestAccess(input),
  );
  if (!result.ok) {
    // Everything typed stays; focus goes to the retry in the alert (the alert is announced either way). A conflict
    // (access or a request that already exists) is re-read, so the form says what stands in the way.
    if (errorStatus(result.error) === 409) h.details.reload();
    void h.focusSelector('form [part~="retry-button"]');
    return;
  }
  h.submittedFor = draft.target === 'other' ? draft.targetUserId : undefined;
  h.submittedBypass = input.bypassApproval === true;
  h.submitted = result.value;
  // Graph answers submitted; the result then shows where the request settles (pending approval, delivered, ...).
  void followRequest(client, () => h.submitted, (settled) => {
    if (h.submitted?.id === settled.id) h.submitted = settled;
  }, () => h.isConnected, ['submitted']);
  if (h.historyWanted) h.history.reload();
  emit(h, 'request-submitted', result.value);
  void h.announce(h.msg('submittedAnnouncement', { package: data.pkg.displayName ?? '' }));
  void h.focusSelector('#result-heading');
}

export function renderResult(h: FormHost, request: AssignmentRequest, pkg: AccessPackage): TemplateResult {
  const person = forWhom(h, request, h.submittedFor);
  const badge = requestBadge(h, request);
  const bypassed = request.parameters?.bypassApproval === true || h.submittedBypass;
  return html`<div part="result" class="state success">
    <h3 id="result-heading" tabindex="-1">${h.t.submittedHeading}</h3>
    <p>${h.msg('submittedBody', { package: pkg.displayName ?? '', person })}</p>
    <p role="status">${h.t.statusLabel}: <span class="badge ${badge.tone}">${badge.label}</span></p>
    ${bypassed && request.state !== 'pendingApproval' && request.state !== 'submitted' ? html`<p>${h.msg('resultBypassed', { target: person })}</p>` : nothing}
    <div class="actions">
      <button type="button" part="button" @click=${() => showInHistory(h, request.id)}>${h.t.viewHistory}</button>
      <button type="button" part="button back-button" @click=${() => h.backToCatalog()}>${h.t.requestAnother}</button>
    </div>
  </div>`;
}
