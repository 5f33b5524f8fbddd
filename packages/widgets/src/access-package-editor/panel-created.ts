// After creation: the hidden toggle, the direct link to copy, and what to do next.
import { html, nothing, type TemplateResult } from 'lit';
import type { Created } from './access-package-editor.ts';
import type { EditorHost } from './editor-host.ts';

export interface CreatedActions {
  link: string;
  busy: boolean;
  error?: Error;
  setHidden(hidden: boolean): void;
  again(): void;
}

export function renderCreated(host: EditorHost, created: Created, actions: CreatedActions): TemplateResult {
  const { e } = host;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(actions.link);
      void host.announce(e.linkCopied);
    } catch {
      // No clipboard permission: select the link so the user can copy it themselves.
      const input = (host.renderRoot as ShadowRoot).getElementById('direct-link') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      void host.announce(e.linkSelected);
    }
  };
  return html`<div class="state success" part="result">
    <p>${host.msg2('createdText', { name: created.name, catalog: created.catalogName })}</p>
    <div class="field">
      <label class="choice" for="hidden">
        <input id="hidden" type="checkbox" .checked=${created.isHidden} ?disabled=${actions.busy} aria-describedby="hidden-hint" @change=${(ev: Event) => actions.setHidden((ev.target as HTMLInputElement).checked)} />
        <span>${e.hiddenLabel}</span>
      </label>
      <span class="hint" id="hidden-hint">${e.hiddenHint}</span>
    </div>
    ${actions.error ? host.renderError(actions.error, () => actions.setHidden(!created.isHidden), e.updateFailed) : nothing}
    <div class="field">
      <label for="direct-link">${e.directLinkLabel}</label>
      <div class="picker-row">
        <input id="direct-link" type="url" readonly .value=${actions.link} />
        <button type="button" part="button copy-button" @click=${copy}>${e.copyLink}</button>
      </div>
    </div>
    <p>${e.nextSteps}</p>
    <div class="actions">
      <button type="button" part="button again-button" @click=${() => actions.again()}>${e.createAnother}</button>
    </div>
  </div>`;
}
