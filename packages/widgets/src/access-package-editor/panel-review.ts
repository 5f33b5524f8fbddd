// Step 7, Review + create: every setting in words, each problem as a link to its field in its panel, and Create
// (in Graph's order; after a failure part-way, what exists and a Resume).
import { html, nothing, type TemplateResult } from 'lit';
import { activeStages, targetsFor, type ApproverKind, type Principal, type StageDraft } from './editor-draft.ts';
import type { EditorHost } from './editor-host.ts';
import type { CreateProgress } from './editor-graph.ts';
import { EXTENSION_STAGES } from './panel-extensions.ts';

export interface CreateView {
  /** Saving one policy of an existing package: its settings only, and Save policy. */
  policyOnly?: boolean;
  busy: boolean;
  progress?: CreateProgress;
  error?: Error;
  run(): void;
}

const names = (host: EditorHost, list: Principal[]) => (list.length ? new Intl.ListFormat(host.resolvedLocale).format(list.map((p) => p.name)) : host.e.nobody);

/** An approver kind in words, as the approver select and Review show it. */
export function approverWords(host: EditorHost, kind: ApproverKind): string {
  const { e } = host;
  return { manager: e.approverManager, sponsors: e.approverSponsors, internalSponsors: e.approverInternalSponsors, externalSponsors: e.approverExternalSponsors, specific: e.approverSpecific }[kind];
}

function stageWords(host: EditorHost, s: StageDraft): string {
  const approvers = s.approverKind === 'specific' ? names(host, s.approvers) : approverWords(host, s.approverKind);
  const parts = [host.msg2('reviewApprovers', { who: approvers }), host.msg2('reviewDecision', { days: s.decisionDays })];
  if (s.approverKind !== 'specific' && s.fallbacks.length) parts.push(host.msg2('reviewFallback', { who: names(host, s.fallbacks) }));
  parts.push(s.justificationRequired ? host.e.reviewJustificationRequired : host.e.reviewJustificationOptional);
  if (s.forward) {
    const alternates = s.secondLevelManager && s.approverKind === 'manager' ? host.msg2('reviewSecondLevel', { who: names(host, s.alternateFallbacks) }) : names(host, s.alternates);
    parts.push(host.msg2('reviewForward', { who: alternates, days: s.forwardAfterDays }));
  }
  return parts.join('; ');
}

function facts(rows: [string, string | TemplateResult][]): TemplateResult {
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export function renderSummary(host: EditorHost, policyOnly = false): TemplateResult {
  const { e, draft } = host;
  const p = draft.policy;
  const yes = (b: boolean) => (b ? e.yes : e.no);
  const catalog = draft.catalogMode === 'new' ? host.msg2('reviewNewCatalog', { name: draft.newCatalogName }) : (host.catalogs.find((c) => c.id === draft.catalogId)?.name ?? '');
  const who = {
    specific: `${e.whoSpecific}: ${names(host, targetsFor(p))}`,
    allMembers: e.whoAllMembers,
    allUsers: e.whoAllUsers,
    specificOrganizations: `${e.whoSpecificOrganizations}: ${names(host, targetsFor(p))}`,
    allOrganizations: e.whoAllOrganizations,
    allExternal: e.whoAllExternal,
    none: e.whoNone,
  }[p.who];
  const stages = activeStages(p);
  const expiry = {
    days: host.msg2('reviewExpireDays', { days: p.expirationDays }),
    hours: host.msg2('reviewExpireHours', { hours: p.expirationHours }),
    date: host.msg2('reviewExpireDate', { date: p.expirationDate ? host.formatDate(`${p.expirationDate}T12:00:00`) : '' }),
    never: e.expireNever,
  }[p.expiration];
  const extensionName = (id: string) => host.catalogExtensions?.find((x) => x.id === id)?.displayName ?? id;
  const extensions = EXTENSION_STAGES.filter(([stage]) => p.extensions[stage]).map(([stage, label]): [string, string] => [e[label], extensionName(p.extensions[stage]!)]);
  return html`
    ${policyOnly ? nothing : html`<section aria-labelledby="review-basics"><h4 id="review-basics">${e.stepBasics}</h4>
      ${facts([[e.nameLabel, draft.name], [e.descriptionLabel, draft.description || e.none], [e.catalogLabel, catalog]])}</section>
    <section aria-labelledby="review-resources"><h4 id="review-resources">${e.stepResources}</h4>
      ${draft.roles.length
        ? html`<ul>${draft.roles.map((r) => html`<li>${host.msg2('roleOf', { role: r.roleName, resource: r.resourceName })}</li>`)}</ul>`
        : html`<p>${e.noRoles}</p>`}</section>`}
    <section aria-labelledby="review-requests"><h4 id="review-requests">${e.stepRequests}</h4>
      ${facts([
        [e.policyNameLabel, p.name],
        [e.whoLegend, who],
        ...(p.who === 'none'
          ? []
          : ([
              [e.onBehalfLabel, yes(p.onBehalf)],
              [e.requireApprovalLabel, stages.length ? host.msg2('reviewStages', { count: stages.length }) : e.no],
              [e.requireJustificationLabel, yes(p.requireJustification)],
              ...stages.map((s, n): [string, string] => [host.msg2('stageLegend', { n: n + 1 }), stageWords(host, s)]),
            ] as [string, string][])),
        [e.emailsDisabledLabel, yes(p.emailsDisabled)],
        [e.enabledLabel, yes(p.enabled)],
      ])}</section>
    <section aria-labelledby="review-questions"><h4 id="review-questions">${e.stepQuestions}</h4>
      ${p.questions.length && p.who !== 'none'
        ? html`<ol>
            ${p.questions.map((q) => {
              const format = q.kind === 'multipleChoice' ? `${e.formatChoice}: ${q.choices.map((c) => c.value).join(', ')}` : q.kind === 'longText' ? e.formatLong : e.formatShort;
              const langs = q.localizations.map((l) => l.languageCode).join(', ');
              return html`<li>${q.text} (${[format, q.required ? e.reviewRequired : e.reviewOptional, langs ? host.msg2('reviewLocalized', { languages: langs }) : '', q.regex ? host.msg2('reviewRegex', { regex: q.regex }) : '']
                .filter(Boolean)
                .join('; ')})</li>`;
            })}
          </ol>`
        : html`<p>${e.noQuestions}</p>`}</section>
    <section aria-labelledby="review-lifecycle"><h4 id="review-lifecycle">${e.stepLifecycle}</h4>
      ${facts([
        [e.expirationLegend, expiry],
        ...(p.who === 'none'
          ? []
          : ([
              [e.customTimelineLabel, yes(p.customTimeline)],
              [e.allowExtendLabel, p.allowExtend ? (p.extendNeedsApproval ? e.reviewExtendApproval : e.yes) : e.no],
            ] as [string, string][])),
      ])}</section>
    <section aria-labelledby="review-extensions"><h4 id="review-extensions">${e.stepExtensions}</h4>
      ${extensions.length ? facts(extensions) : html`<p>${e.none}</p>`}</section>
  `;
}

/** The problems, each a link to its field. */
export function renderProblems(host: EditorHost): TemplateResult | typeof nothing {
  const { issues, e } = host;
  if (issues.length === 0) return nothing;
  return html`<div class="state error problems" part="problems" role="group" aria-labelledby="problems-heading" tabindex="-1" id="problems">
    <p id="problems-heading"><strong>${host.msg2('problemsHeading', { count: issues.length })}</strong></p>
    <ul>
      ${issues.map(
        (issue) => html`<li>
          <a href=${`#${issue.field}`} @click=${(ev: Event) => (ev.preventDefault(), host.goTo(issue.step, issue.field))}>${`${host.stepLabel(issue.step)}: ${host.issueText(issue)}`}</a>
        </li>`,
      )}
    </ul>
    <p class="hint">${e.problemsHint}</p>
  </div>`;
}

/** What a create that stopped part-way made, in words. */
export function progressWords(host: EditorHost, progress: CreateProgress): { made: string[]; missing: string[] } {
  const { draft } = host;
  const made: string[] = [];
  const missing: string[] = [];
  if (draft.catalogMode === 'new') (progress.catalog ? made : missing).push(host.msg2('madeCatalog', { name: draft.newCatalogName }));
  for (const r of draft.roles.filter((r) => !r.catalogResourceId)) {
    (progress.resourcesAdded.includes(r.originId) ? made : missing).push(host.msg2('madeResource', { name: r.resourceName }));
  }
  (progress.pkg ? made : missing).push(host.msg2('madePackage', { name: draft.name }));
  for (const r of draft.roles) {
    (progress.roleScopes[`${r.originId}|${r.roleOriginId}`] ? made : missing).push(host.msg2('madeRole', { role: r.roleName, resource: r.resourceName }));
  }
  (progress.policy ? made : missing).push(host.msg2('madePolicy', { name: draft.policy.name }));
  return { made, missing };
}

export function renderReview(host: EditorHost, create: CreateView): TemplateResult {
  const { e } = host;
  const failed = !create.policyOnly && create.error && create.progress;
  const words = failed ? progressWords(host, create.progress!) : undefined;
  return html`
    <p class="hint">${create.policyOnly ? e.reviewPolicyIntro : e.reviewIntro}</p>
    ${renderProblems(host)}
    ${renderSummary(host, create.policyOnly)}
    ${create.policyOnly && create.error ? host.renderError(create.error, () => create.run(), e.updateFailed) : nothing}
    ${failed
      ? html`<div class="state error" part="error" role="alert">
          <p><strong>${e.createFailedHeading}</strong> ${host.describeError(create.error)}</p>
          ${create.error?.message ? html`<p class="error-detail">${create.error.message}</p>` : nothing}
          <p>${e.existsSoFar}</p>
          <ul>${words!.made.length ? words!.made.map((m) => html`<li>${m}</li>`) : html`<li>${e.nothingYet}</li>`}</ul>
          <p>${e.notYetMade}</p>
          <ul>${words!.missing.map((m) => html`<li>${m}</li>`)}</ul>
        </div>`
      : nothing}
    <div class="actions">
      <button type="button" part="button submit-button create-button" class="primary" ?disabled=${create.busy} aria-busy=${create.busy ? 'true' : 'false'} @click=${() => create.run()}>
        ${create.policyOnly ? (create.busy ? e.saving : e.savePolicy) : create.busy ? e.creating : failed ? e.resume : e.create}
      </button>
    </div>
  `;
}

