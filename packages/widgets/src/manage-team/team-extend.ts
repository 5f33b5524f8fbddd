// "Extend" on a report's assignment in <manage-team>, where the policy lets managers update access on a report's
// behalf (enableOnBehalfRequestorsToUpdateAccess): the same form as one's own extension (../my-access/extend-form.ts).
// Read on demand when a report is selected (the widget waits for it before its next update).
import { html, nothing, type TemplateResult } from 'lit';
import type { PagedController } from '../controllers/paged-controller.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';
import type { Assignment, EntitlementClient } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { policyOf } from '../internal/assignment-policy.ts';
import { openExtend } from '../my-access/extend-form.ts';
import { extendCheck } from '../my-access/extend-rules.ts';

export { renderExtendDialog } from '../my-access/extend-form.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface ExtendHost extends ViewHost {
  readonly selectedReportId?: string;
  readonly assignments: PagedController<Assignment, readonly [EntitlementClient, string]>;
}

export function renderExtendAction(h: ExtendHost, assignment: Assignment): TemplateResult | typeof nothing {
  const policy = policyOf(h, assignment);
  if (policy === 'checking') return nothing;
  const check = extendCheck(assignment, policy, 'report');
  const id = assignment.id ?? '';
  const name = h.sessionStore?.reports.value?.find((r) => r.id === h.selectedReportId)?.displayName ?? '';
  return html`<button
      type="button"
      part="button extend-button"
      ?disabled=${!check.allowed}
      aria-describedby=${check.allowed ? nothing : `extend-why-${id}`}
      @click=${(e: Event) => openExtend(h, assignment, { who: 'report', personName: name, trigger: e.currentTarget, onDone: () => h.assignments.reload() })}
    >
      ${h.t.extendAccess}
    </button>
    ${check.allowed ? nothing : html`<span id="extend-why-${id}" class="hint">${h.t[check.reason]}</span>`}`;
}
