// Separation of duties: access packages a user of this one may not also have (Graph's incompatibleAccessPackages),
// and groups whose members may not get it (incompatibleGroups).
import { html, nothing, type TemplateResult } from 'lit';
import { select } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import type { ExistingActions } from './editor-existing.ts';

const separationPick = new WeakMap<EditorHost, string>();
const groupPick = new WeakMap<EditorHost, string>();

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
    ${renderGroups(host, x)}
  `;
}

function renderGroups(host: EditorHost, x: ExistingActions): TemplateResult {
  const { e } = host;
  const chosen = x.existing.incompatibleGroups;
  const choices = host.principals(true).filter((p) => p.kind === 'group' && !chosen.some((g) => g.id === p.id));
  const picked = choices.find((g) => g.id === groupPick.get(host)) ?? choices[0];
  const error = x.errorFor('separation-groups');
  return html`
    ${chosen.length === 0
      ? html`<p class="muted">${e.noIncompatible}</p>`
      : html`<ul class="chosen" aria-labelledby="incompatible-groups-heading">
          ${chosen.map(
            (g) => html`<li>
              <span>${g.name}</span>
              <button type="button" part="button remove-button" class="link" ?disabled=${x.busy('separation-groups')} @click=${() => x.removeIncompatibleGroup(g.id)}>
                ${host.msg2('removeIncompatible', { name: g.name })}
              </button>
            </li>`,
          )}
        </ul>`}
    ${choices.length
      ? html`<div class="pick">
          ${select(host, {
            id: 'incompatible-group',
            label: e.incompatibleGroupLabel,
            value: picked?.id ?? '',
            options: choices.map((g) => [g.id, g.name]),
            onChange: (v) => {
              groupPick.set(host, v);
              host.requestUpdate();
            },
          })}
          <div class="actions">
            <button type="button" part="button add-button" ?disabled=${x.busy('separation-groups')} @click=${() => picked && x.addIncompatibleGroup({ id: picked.id, name: picked.name })}>
              ${e.addIncompatibleGroup}
            </button>
          </div>
        </div>`
      : nothing}
    ${error ? host.renderError(error, () => host.requestUpdate(), e.updateFailed) : nothing}
  `;
}
