// The content of <manage-team>'s "Request access for …" dialog: the kit's own request pane for a report. Read on
// demand when the dialog is asked for (the widget waits for it before its next update).
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { DialogController } from '../controllers/dialog-controller.ts';
import { tagFor } from '../internal/nested-tag.ts';
import type { User } from '../internal/sdk.ts';
import { RequestAccessPane } from '../request-access-pane/request-access-pane.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { addEnglish } from '../i18n/index.ts';
import { enViews } from '../i18n/en-views.ts';

// This view's English strings arrive with it (see i18n/en-core.ts).
addEnglish(enViews);

export interface RequestHost extends ViewHost {
  readonly requestDialog: DialogController;
}

export function renderRequestFor(h: RequestHost, user: User): TemplateResult {
  const name = user.displayName ?? '';
  // The pane is the kit's own element, under whatever name it is registered (see tagFor).
  const pane = unsafeStatic(tagFor(RequestAccessPane, 'request-access-pane'));
  return html`<div class="panel">
    <div class="dialog-head">
      <h2 id="request-title">${h.msg('requestAccessFor', { name })}</h2>
      <button type="button" part="button close-button" autofocus @click=${() => h.requestDialog.close()}>${h.t.close}</button>
    </div>
    ${staticHtml`<${pane}
      target-user-id=${user.id ?? ''}
      target-locked
      .client=${h.resolvedClient}
      locale=${h.resolvedLocale}
      theme=${h.theme ?? nothing}
    ></${pane}>`}
  </div>`;
}
