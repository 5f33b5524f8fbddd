// <my-access>'s two dialogs: the confirmation before the caller removes their own access (a userRemove request),
// and "Request again": the kit's request pane on the expired package, filled in with the earlier request's policy,
// answers and justification.
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { DialogController } from '../controllers/dialog-controller.ts';
import type { PagedController } from '../controllers/paged-controller.ts';
import { sendRemoval, type RemovalHost } from '../internal/assignment-removal.ts';
import { packageOf, policyIdOf } from '../internal/graph.ts';
import { tagFor } from '../internal/nested-tag.ts';
import type { Assignment, AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import type { Prefill } from '../request-access-pane/request-access-pane.ts';
import { RequestAccessPane } from '../request-access-pane/request-access-pane.ts';
import { answersOf } from '../request-access-pane/request-draft.ts';

/**
 * A package to request in the dialog: an expired assignment's again (with the request that gave it, undefined when
 * Graph no longer lists it, and its policy) or a suggested one.
 */
export interface Prefilled {
  packageId: string;
  packageName: string;
  again: boolean;
  policyId?: string;
  request?: AssignmentRequest;
}

export interface MyAccessHost extends RemovalHost {
  readonly requestDialog: DialogController;
  readonly assignments: PagedController<Assignment, readonly [EntitlementClient]>;
  requestingAgain?: Prefilled;
}

export function renderRemoveDialog(h: MyAccessHost): TemplateResult {
  const assignment = h.removing;
  return html`<dialog id="remove-dialog" part="dialog" aria-labelledby="remove-title" aria-describedby="remove-body" @close=${h.removeDialog.handleClose}>
    ${assignment ? renderRemoveForm(h, assignment) : nothing}
  </dialog>`;
}

function renderRemoveForm(h: MyAccessHost, assignment: Assignment): TemplateResult {
  const id = assignment.id ?? '';
  const pending = h.removal.isPending(id);
  const error = h.removal.errorFor(id);
  return html`<form class="panel" novalidate @submit=${(event: SubmitEvent) => (event.preventDefault(), void removeMine(h))}>
    <h2 id="remove-title">${h.t.removeMineTitle}</h2>
    <p id="remove-body">${h.msg('removeMineBody', { package: packageOf(assignment)?.displayName ?? h.t.unknownPackage })}</p>
    <div class="field">
      <label for="remove-reason">${h.t.removeReasonLabel}</label>
      <textarea id="remove-reason" .value=${h.removalReason} @input=${(e: Event) => (h.removalReason = (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${error ? h.renderError(error, undefined, h.t.removeFailed) : nothing}
    <div class="actions">
      <button type="submit" part="button confirm-remove-button" class="danger" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'}>
        ${pending ? h.t.removing : h.t.removeMyAccess}
      </button>
      <button type="button" part="button close-button" autofocus @click=${() => h.removeDialog.close()}>${h.t.keepAccess}</button>
    </div>
  </form>`;
}

// A failure stays in the dialog with what was typed; the person may try again or keep the access.
const removeMine = (h: MyAccessHost) => sendRemoval(h, () => undefined);

export function renderRequestAgainDialog(h: MyAccessHost): TemplateResult {
  const again = h.requestingAgain;
  return html`<dialog id="request-dialog" part="dialog" class="wide" aria-labelledby="request-title" @close=${h.requestDialog.handleClose}>
    ${again ? renderRequestAgain(h, again) : nothing}
  </dialog>`;
}

function renderRequestAgain(h: MyAccessHost, { packageId, packageName, again, policyId, request }: Prefilled): TemplateResult {
  const prefill: Prefill | undefined = again
    ? { packageId, policyId: (request && policyIdOf(request)) ?? policyId, answers: request ? answersOf(request) : {}, justification: request?.justification ?? '' }
    : undefined;
  // The pane is the kit's own element, under whatever name it is registered (see tagFor).
  const pane = unsafeStatic(tagFor(RequestAccessPane, 'request-access-pane'));
  return html`<div class="panel">
    <div class="dialog-head">
      <h2 id="request-title">${h.msg(again ? 'requestAgainTitle' : 'requestPackageTitle', { package: packageName })}</h2>
      <button type="button" part="button close-button" autofocus @click=${() => h.requestDialog.close()}>${h.t.close}</button>
    </div>
    ${staticHtml`<${pane}
      package-id=${packageId}
      .prefill=${prefill}
      .client=${h.resolvedClient}
      locale=${h.resolvedLocale}
      theme=${h.theme ?? nothing}
    ></${pane}>`}
  </div>`;
}
