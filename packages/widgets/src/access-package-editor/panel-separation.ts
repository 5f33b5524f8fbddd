// Separation of duties: access packages a user of this one may not also have (Graph's incompatibleAccessPackages).
import { html, nothing, type TemplateResult } from 'lit';
import { select } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import type { ExistingActions } from './editor-existing.ts';

const separationPick = new WeakMap<EditorHost, string>();

export function renderSeparation(host: EditorHost, x: ExistingActions): TemplateResult {
  const { e } = host;
  const { incompatible, others } = x.existing;
  const choices = others.filter((p) => !incompatible.some((i) => i.id === p.id));
  const picked = separationPick.get(host) ?? choices[0]?.id ?? '';
  const error = x.errorFor('separation');
  return html`
    <p class="hint">${e.separationIntro}</p>
    <h4 id="incompatible-heading">${e.incompatibleHeading}</h4>
    ${incompatible.length === 0
      ? html`<p class="muted">${e.noIncompatible}</p>`
      : html`<ul class="chosen" aria-labelledby="incompatible-heading">
          ${incompatible.map(
            (p) => html`<li>
              <span>${p.displayName}</span>
              <button type="button" part="button remove-button" class="link" ?disabled=${x.busy('separation')} @click=${() => x.removeIncompatible(p.id ?? '')}>
                ${host.msg2('removeIncompatible', { name: p.displayName ?? '' })}
              </button>
            </li>`,
          )}
        </ul>`}
    ${choices.length
      ? html`<div class="pick">
          ${select(host, {
            id: 'incompatible',
            label: e.incompatibleLabel,
            value: picked,
            options: choices.map((p) => [p.id ?? '', p.displayName ?? '']),
            onChange: (v) => {
              separationPick.set(host, v);
              host.requestUpdate();
            },
          })}
          <div class="actions">
            <button type="button" part="button add-button" ?disabled=${x.busy('separation')} @click=${() => picked && x.addIncompatible(picked)}>${e.addIncompatible}</button>
          </div>
        </div>`
      : nothing}
    ${error ? host.renderError(error, () => host.requestUpdate(), e.updateFailed) : nothing}
    <h4 id="incompatible-groups-heading">${e.incompatibleGroupsHeading}</h4>
    ${x.existing.incompatibleGroups.length === 0
      ? html`<p class="muted">${e.noIncompatible}</p>`
      : html`<ul class="chosen" aria-labelledby="incompatible-groups-heading">${x.existing.incompatibleGroups.map((g) => html`<li>${g.name}</li>`)}</ul>`}
  `;
}
