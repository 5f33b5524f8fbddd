// The form in <manage-team>'s remove dialog and the removal itself, and Extend: read on demand when a report is
// selected (the widget waits for it before its next update). Functions of the widget (`h`), through RemoveHost: the members of
// ManageTeam they use.
import { html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../styles/forms.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import { sendRemoval, type RemovalHost } from '../internal/assignment-removal.ts';
import { packageOf } from '../internal/graph.ts';
import type { Assignment, AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

// Extend acts on the same rows, so it comes with this module (one chunk read when a report is selected).
export { renderExtendAction, renderExtendDialog } from './team-extend.ts';

export interface RemoveHost extends RemovalHost {
  readonly assignments: PagedController<Assignment, readonly [EntitlementClient, string]>;
  readonly selectedReportId?: string;
}

export function renderRemoveForm(h: RemoveHost, assignment: Assignment): TemplateResult {
  h.useStyles(formStyles);
  const report = h.sessionStore?.reports.value?.find((r) => r.id === h.selectedReportId);
  const pending = h.removal.isPending(assignment.id ?? '');
  const error = h.removal.errorFor(assignment.id ?? '');
  return html`<form class="panel" novalidate @submit=${(event: SubmitEvent) => confirmRemove(h, event)}>
    <h2 id="remove-title">${h.t.removeTitle}</h2>
    <p id="remove-body">${h.msg('removeBody', { name: report?.displayName ?? '', package: packageOf(assignment)?.displayName ?? h.t.unknownPackage })}</p>
    <div class="field">
      <label for="remove-reason">${h.t.removeReasonLabel}</label>
      <textarea id="remove-reason" autofocus .value=${h.removalReason} @input=${(e: Event) => (h.removalReason = (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${error ? h.renderError(error, () => void removeAccess(h), h.t.removeFailed) : nothing}
    <div class="actions">
      <button type="submit" part="button confirm-remove-button" class="danger" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'}>
        ${pending ? h.t.removing : h.t.removeConfirm}
      </button>
      <button type="button" part="button close-button" @click=${() => h.removeDialog.close()}>${h.t.cancel}</button>
    </div>
  </form>`;
}

/** Where a removal asked for here stands, in place of the assignment's own state; focus lands here after the dialog. */
export function renderRemoval(h: RemoveHost, assignmentId: string, removal: AssignmentRequest): TemplateResult {
  return html`<p class="hint" id="removal-${assignmentId}" tabindex="-1">
    ${removal.state === 'delivered' ? h.t.accessRemoved : h.msg('removalRequested', { state: h.stateLabel(removal.state) })}
  </p>`;
}

function confirmRemove(h: RemoveHost, event: SubmitEvent): void {
  event.preventDefault();
  void removeAccess(h);
}

function removeAccess(h: RemoveHost): Promise<void> {
  return sendRemoval(h, async () => {
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLElement>('#remove-dialog [role="alert"] button')?.focus();
  });
}
