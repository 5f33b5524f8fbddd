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
  /** Opens the package just created in the editor's edit mode (policies, separation of duties, assignments). */
  editCreated(): void;
}

/** The hidden toggle and the direct link to copy: after creation, and on an existing package's Basics. */
export function renderHiddenAndLink(host: EditorHost, o: { isHidden: boolean; link: string; busy: boolean; error?: Error; setHidden(hidden: boolean): void }): TemplateResult {
  const { e } = host;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(o.link);
      void host.announce(e.linkCopied);
    } catch {
      // No clipboard permission: select the link so the user can copy it themselves.
      const input = (host.renderRoot as ShadowRoot).getElementById('direct-link') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      void host.announce(e.linkSelected);
    }
  };
  return html`<div class="field">
      <label class="choice" for="hidden">
        <input id="hidden" type="checkbox" .checked=${o.isHidden} ?disabled=${o.busy} aria-describedby="hidden-hint" @change=${(ev: Event) => o.setHidden((ev.target as HTMLInputElement).checked)} />
        <span>${e.hiddenLabel}</span>
      </label>
      <span class="hint" id="hidden-hint">${e.hiddenHint}</span>
    </div>
    ${o.error ? host.renderError(o.error, () => o.setHidden(!o.isHidden), e.updateFailed) : nothing}
    <div class="field">
      <label for="direct-link">${e.directLinkLabel}</label>
      <div class="picker-row">
        <input id="direct-link" type="url" readonly .value=${o.link} />
        <button type="button" part="button copy-button" @click=${copy}>${e.copyLink}</button>
      </div>
    </div>`;
}

export function renderCreated(host: EditorHost, created: Created, actions: CreatedActions): TemplateResult {
  const { e } = host;
  return html`<div class="state success" part="result">
    <p>${host.msg2('createdText', { name: created.name, catalog: created.catalogName })}</p>
    ${renderHiddenAndLink(host, { isHidden: created.isHidden, link: actions.link, busy: actions.busy, error: actions.error, setHidden: actions.setHidden })}
    <p>${e.nextSteps}</p>
    <div class="actions">
      <button type="button" part="button edit-button" @click=${() => actions.editCreated()}>${e.editCreated}</button>
      <button type="button" part="button again-button" @click=${() => actions.again()}>${e.createAnother}</button>
    </div>
  </div>`;
}
