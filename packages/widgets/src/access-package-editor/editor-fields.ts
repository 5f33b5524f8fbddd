// The editor's form controls: a label on every field, its problem (from editor-rules.ts) beneath it and tied to
// it (aria-invalid, aria-describedby), native inputs only, so keyboard and screen readers work as they do anywhere.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditorHost } from './editor-host.ts';
import type { Principal } from './editor-draft.ts';

interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  type?: 'text' | 'number' | 'date';
  multiline?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

/** The problem shown under a field, if the host shows one for it. */
export function fieldError(host: EditorHost, id: string): TemplateResult | typeof nothing {
  const message = host.problemFor(id);
  return message ? html`<span class="field-error" id=${`${id}-error`}>${message}</span>` : nothing;
}

export function textField(host: EditorHost, o: FieldOptions): TemplateResult {
  const error = host.problemFor(o.id);
  const described = describedBy(o.hint && `${o.id}-hint`, error && `${o.id}-error`);
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${o.id}>${o.label}${o.required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`}>${o.hint}</span>` : nothing}
    ${o.multiline
      ? html`<textarea id=${o.id} .value=${live(o.value)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} ?required=${o.required} @input=${onInput}></textarea>`
      : html`<input
          id=${o.id}
          type=${o.type ?? 'text'}
          inputmode=${o.type === 'number' ? 'numeric' : nothing}
          min=${o.min ?? nothing}
          max=${o.max ?? nothing}
          .value=${live(o.value)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          ?required=${o.required}
          autocomplete="off"
          @input=${onInput}
        />`}
    ${fieldError(host, o.id)}
  </div>`;
}

export function checkbox(host: EditorHost, o: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }): TemplateResult {
  return html`<div class="field">
    <label class="choice" for=${o.id}>
      <input id=${o.id} type="checkbox" .checked=${live(o.checked)} aria-describedby=${describedBy(o.hint && `${o.id}-hint`)} @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
      <span>${o.label}</span>
    </label>
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`}>${o.hint}</span>` : nothing}
    ${fieldError(host, o.id)}
  </div>`;
}

export function radioGroup<V extends string>(
  host: EditorHost,
  o: { id: string; legend: string; value: V; options: [V, string][]; onChange: (value: V) => void },
): TemplateResult {
  const error = host.problemFor(o.id);
  return html`<fieldset id=${o.id} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy(error && `${o.id}-error`)}>
    <legend>${o.legend}</legend>
    ${o.options.map(
      ([value, label]) => html`<label class="choice">
        <input type="radio" name=${o.id} .value=${value} .checked=${live(o.value === value)} @change=${() => o.onChange(value)} />
        <span>${label}</span>
      </label>`,
    )}
    ${fieldError(host, o.id)}
  </fieldset>`;
}

export function select(
  host: EditorHost,
  o: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void; placeholder?: string },
): TemplateResult {
  const error = host.problemFor(o.id);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select id=${o.id} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy(error && `${o.id}-error`)} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
      ${o.placeholder !== undefined ? html`<option value="" ?selected=${!o.value}>${o.placeholder}</option>` : nothing}
      ${o.options.map(([value, label]) => html`<option value=${value} ?selected=${value === o.value}>${label}</option>`)}
    </select>
    ${fieldError(host, o.id)}
  </div>`;
}

/**
 * People and groups in a list: a select of who may be added, an Add button, and the chosen ones each with a
 * Remove button. The select is labelled with the list's name, so each picker on a panel has its own.
 */
export function principalPicker(
  host: EditorHost,
  o: { id: string; label: string; chosen: Principal[]; onChange: (chosen: Principal[]) => void; groups?: boolean; from?: Principal[] },
): TemplateResult {
  const e = host.e;
  const error = host.problemFor(o.id);
  const candidates = (o.from ?? host.principals(o.groups ?? true)).filter((p) => !o.chosen.some((c) => c.id === p.id));
  const add = () => {
    const picked = (host.renderRoot as ShadowRoot).getElementById(o.id) as HTMLSelectElement | null;
    const principal = candidates.find((p) => p.id === picked?.value);
    if (principal) o.onChange([...o.chosen, principal]);
  };
  return html`<div class="field picker">
    <label for=${o.id}>${o.label}</label>
    <div class="picker-row">
      <select id=${o.id} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy(error && `${o.id}-error`, `${o.id}-chosen`)}>
        ${candidates.map((p) => html`<option value=${p.id}>${p.kind === 'group' ? host.msg2('groupOption', { name: p.name }) : p.name}</option>`)}
      </select>
      <button type="button" part="button add-button" aria-label=${host.msg2('addTo', { list: o.label })} ?disabled=${candidates.length === 0} @click=${add}>${e.add}</button>
    </div>
    <ul class="chosen" id=${`${o.id}-chosen`} aria-label=${host.msg2('chosenIn', { list: o.label })}>
      ${o.chosen.length === 0
        ? html`<li class="muted">${e.noneChosen}</li>`
        : o.chosen.map(
            (p) => html`<li>
              <span>${p.name}</span>
              <button type="button" part="button remove-button" class="link" aria-label=${host.msg2('removeFrom', { name: p.name, list: o.label })} @click=${() => o.onChange(o.chosen.filter((c) => c.id !== p.id))}>
                ${e.remove}
              </button>
            </li>`,
          )}
    </ul>
    ${fieldError(host, o.id)}
  </div>`;
}
