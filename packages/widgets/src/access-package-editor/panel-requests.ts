// Step 3, Requests: the policy's name, who can request, requests on behalf, approval in 1 to 3 stages (approvers,
// decision days, justification, alternate approvers with forwarding), and whether new requests are enabled.
import { html, nothing, type TemplateResult } from 'lit';
import { approverKindsFor, MAX_STAGES, targetsFor, type ApproverKind, type StageDraft, type WhoCanRequest } from './editor-draft.ts';
import { approverWords } from './panel-review.ts';
import { checkbox, principalPicker, radioGroup, select, textField } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import { forwardWindow, wholeNumber } from './editor-rules.ts';

function renderStage(host: EditorHost, stage: StageDraft, n: number): TemplateResult {
  const { e } = host;
  const at = `stage-${n}`;
  const p = { n: n + 1 };
  const set = (change: (s: StageDraft) => void) => host.edit((d) => change(d.policy.stages[n]));
  const days = wholeNumber(stage.decisionDays);
  const window = days === undefined ? undefined : forwardWindow(days);
  return html`<fieldset class="stage" part="stage">
    <legend>${host.msg2('stageLegend', p)}</legend>
    ${select(host, {
      id: `${at}-kind`,
      label: host.msg2('approverKindLabel', p),
      value: stage.approverKind,
      options: approverKindsFor(host.draft.policy.who).map((kind) => [kind, approverWords(host, kind)]),
      onChange: (v) =>
        set((s) => {
          s.approverKind = v as ApproverKind;
          if (v !== 'manager') s.secondLevelManager = false;
        }),
    })}
    ${stage.approverKind === 'specific'
      ? principalPicker(host, { id: `${at}-approvers`, label: host.msg2('approversLabel', p), chosen: stage.approvers, onChange: (c) => set((s) => (s.approvers = c)) })
      : principalPicker(host, { id: `${at}-fallbacks`, label: host.msg2('fallbacksLabel', p), chosen: stage.fallbacks, onChange: (c) => set((s) => (s.fallbacks = c)) })}
    ${textField(host, {
      id: `${at}-days`,
      label: host.msg2('decisionDaysLabel', p),
      type: 'number',
      min: 1,
      max: 14,
      value: stage.decisionDays,
      onInput: (v) => set((s) => (s.decisionDays = v)),
    })}
    ${checkbox(host, {
      id: `${at}-justification`,
      label: host.msg2('approverJustificationLabel', p),
      checked: stage.justificationRequired,
      onChange: (v) => set((s) => (s.justificationRequired = v)),
    })}
    ${checkbox(host, { id: `${at}-forward`, label: host.msg2('forwardLabel', p), checked: stage.forward, onChange: (v) => set((s) => (s.forward = v)) })}
    ${stage.forward
      ? html`${stage.approverKind === 'manager'
            ? checkbox(host, {
                id: `${at}-second-level`,
                label: host.msg2('secondLevelLabel', p),
                checked: stage.secondLevelManager,
                onChange: (v) => set((s) => (s.secondLevelManager = v)),
              })
            : nothing}
          ${stage.secondLevelManager && stage.approverKind === 'manager'
            ? principalPicker(host, {
                id: `${at}-alternate-fallbacks`,
                label: host.msg2('alternateFallbacksLabel', p),
                chosen: stage.alternateFallbacks,
                onChange: (c) => set((s) => (s.alternateFallbacks = c)),
              })
            : principalPicker(host, { id: `${at}-alternates`, label: host.msg2('alternatesLabel', p), chosen: stage.alternates, onChange: (c) => set((s) => (s.alternates = c)) })}
          ${textField(host, {
            id: `${at}-forward-after`,
            label: host.msg2('forwardAfterLabel', p),
            type: 'number',
            value: stage.forwardAfterDays,
            hint: window ? host.msg2('forwardHint', { ...window, days: days! }) : e.forwardNone,
            onInput: (v) => set((s) => (s.forwardAfterDays = v)),
          })}`
      : nothing}
  </fieldset>`;
}

export function renderRequests(host: EditorHost): TemplateResult {
  const { e } = host;
  const policy = host.draft.policy;
  const set = (change: (p: typeof policy) => void) => host.edit((d) => change(d.policy));
  const requests = policy.who !== 'none';
  const count = wholeNumber(policy.stageCount);
  const shown = policy.requireApproval && requests ? policy.stages.slice(0, count && count <= MAX_STAGES ? count : 0) : [];
  return html`
    ${textField(host, { id: 'policy-name', label: e.policyNameLabel, value: policy.name, required: true, onInput: (v) => set((p) => (p.name = v)) })}
    ${textField(host, { id: 'policy-description', label: e.policyDescriptionLabel, value: policy.description, onInput: (v) => set((p) => (p.description = v)) })}
    ${radioGroup<WhoCanRequest>(host, {
      id: 'who',
      legend: e.whoLegend,
      value: policy.who,
      options: [
        ['specific', e.whoSpecific],
        ['allMembers', e.whoAllMembers],
        ['allUsers', e.whoAllUsers],
        ['specificOrganizations', e.whoSpecificOrganizations],
        ['allOrganizations', e.whoAllOrganizations],
        ['allExternal', e.whoAllExternal],
        ['none', e.whoNone],
      ],
      onChange: (v) =>
        set((p) => {
          p.who = v;
          // Internal and external sponsors approve external users; the manager and sponsors, users in the directory.
          const kinds = approverKindsFor(v);
          for (const stage of p.stages) if (!kinds.includes(stage.approverKind)) stage.approverKind = kinds[0];
        }),
    })}
    ${policy.who === 'specific'
      ? principalPicker(host, { id: 'targets', label: e.targetsLabel, chosen: targetsFor(policy), onChange: (c) => set((p) => (p.targets = c)) })
      : policy.who === 'specificOrganizations'
      ? principalPicker(host, {
          id: 'organizations',
          label: e.organizationsLabel,
          chosen: targetsFor(policy),
          from: host.organizations(),
          onChange: (c) => set((p) => (p.targets = c)),
        })
      : nothing}
    ${requests
      ? html`${checkbox(host, { id: 'on-behalf', label: e.onBehalfLabel, checked: policy.onBehalf, onChange: (v) => set((p) => (p.onBehalf = v)) })}
          ${checkbox(host, { id: 'require-approval', label: e.requireApprovalLabel, checked: policy.requireApproval, onChange: (v) => set((p) => (p.requireApproval = v)) })}
          ${checkbox(host, {
            id: 'require-justification',
            label: e.requireJustificationLabel,
            checked: policy.requireJustification,
            onChange: (v) => set((p) => (p.requireJustification = v)),
          })}
          ${policy.requireApproval
            ? textField(host, {
                id: 'stage-count',
                label: e.stageCountLabel,
                type: 'number',
                min: 1,
                max: MAX_STAGES,
                value: policy.stageCount,
                onInput: (v) => set((p) => (p.stageCount = v)),
              })
            : nothing}
          ${shown.map((stage, n) => renderStage(host, stage, n))}`
      : html`<p class="hint">${e.directOnlyHint}</p>`}
    ${checkbox(host, { id: 'emails-disabled', label: e.emailsDisabledLabel, checked: policy.emailsDisabled, onChange: (v) => set((p) => (p.emailsDisabled = v)) })}
    ${checkbox(host, { id: 'enabled', label: e.enabledLabel, hint: e.enabledHint, checked: policy.enabled, onChange: (v) => set((p) => (p.enabled = v)) })}
  `;
}
