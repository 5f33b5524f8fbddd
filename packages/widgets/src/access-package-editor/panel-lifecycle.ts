// Step 5, Lifecycle: when assignments expire (a date, 0 to 3660 days, hours, never), a specific timeline, and
// extensions (with or without approval).
import { html, nothing, type TemplateResult } from 'lit';
import type { ExpirationKind } from './editor-draft.ts';
import { checkbox, radioGroup, textField } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import { MAX_EXPIRATION_DAYS } from './editor-rules.ts';

export function renderLifecycle(host: EditorHost): TemplateResult {
  const { e } = host;
  const policy = host.draft.policy;
  const set = (change: (p: typeof policy) => void) => host.edit((d) => change(d.policy));
  return html`
    ${radioGroup<ExpirationKind>(host, {
      id: 'expiration',
      legend: e.expirationLegend,
      value: policy.expiration,
      options: [
        ['date', e.expireOnDate],
        ['days', e.expireDays],
        ['hours', e.expireHours],
        ['never', e.expireNever],
      ],
      onChange: (v) => set((p) => (p.expiration = v)),
    })}
    ${policy.expiration === 'days'
      ? textField(host, {
          id: 'expiration-days',
          label: host.msg2('expirationDaysLabel', { max: MAX_EXPIRATION_DAYS }),
          type: 'number',
          min: 0,
          max: MAX_EXPIRATION_DAYS,
          value: policy.expirationDays,
          onInput: (v) => set((p) => (p.expirationDays = v)),
        })
      : policy.expiration === 'hours'
        ? textField(host, { id: 'expiration-hours', label: e.expirationHoursLabel, type: 'number', min: 1, value: policy.expirationHours, onInput: (v) => set((p) => (p.expirationHours = v)) })
        : policy.expiration === 'date'
          ? textField(host, { id: 'expiration-date', label: e.expirationDateLabel, type: 'date', value: policy.expirationDate, onInput: (v) => set((p) => (p.expirationDate = v)) })
          : nothing}
    ${policy.who === 'none'
      ? nothing
      : html`${checkbox(host, { id: 'custom-timeline', label: e.customTimelineLabel, checked: policy.customTimeline, onChange: (v) => set((p) => (p.customTimeline = v)) })}
          ${checkbox(host, { id: 'allow-extend', label: e.allowExtendLabel, hint: e.allowExtendHint, checked: policy.allowExtend, onChange: (v) => set((p) => (p.allowExtend = v)) })}
          ${policy.allowExtend
            ? checkbox(host, {
                id: 'extend-approval',
                label: e.extendApprovalLabel,
                checked: policy.extendNeedsApproval,
                onChange: (v) => set((p) => (p.extendNeedsApproval = v)),
              })
            : nothing}`}
  `;
}
