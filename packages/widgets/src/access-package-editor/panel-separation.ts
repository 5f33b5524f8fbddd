// Separation of duties: access packages a user of this one may not also have (Graph's incompatibleAccessPackages),
// and groups whose members may not get it (incompatibleGroups).
import { html, nothing, type TemplateResult } from 'lit';
import { select } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import type { ExistingActions } from './editor-existing.ts';

interface Named {
  id: string;
  name: string;
}

/** One incompatibility list: what is chosen (each with Remove), a choice of the rest and Add, its error. */
interface IncompatibleList {
  key: 'separation' | 'separation-groups';
  headingId: string;
  heading: string;
  selectId: string;
  label: string;
  addLabel: string;
  chosen: Named[];
  all: Named[];
  add(item: Named): void;
  remove(id: string): void;
}

const picks = new WeakMap<EditorHost, Record<string, string>>();

function renderList(host: EditorHost, x: ExistingActions, o: IncompatibleList): TemplateResult {
  const { e } = host;
  const choices = o.all.filter((c) => !o.chosen.some((i) => i.id === c.id));
  const picked = choices.find((c) => c.id === picks.get(host)?.[o.selectId]) ?? choices[0];
  const error = x.errorFor(o.key);
  return html`
    <h4 id=${o.headingId}>${o.heading}</h4>
    ${o.chosen.length === 0
      ? html`<p class="muted">${e.noIncompatible}</p>`
      : html`<ul class="chosen" aria-labelledby=${o.headingId}>
          ${o.chosen.map(
            (item) => html`<li>
              <span>${item.name}</span>
              <button type="button" part="button remove-button" class="link" ?disabled=${x.busy(o.key)} @click=${() => o.remove(item.id)}>
                ${host.msg2('removeIncompatible', { name: item.name })}
              </button>
            </li>`,
          )}
        </ul>`}
    ${choices.length
      ? html`<div class="pick">
          ${select(host, {
            id: o.selectId,
            label: o.label,
            value: picked?.id ?? '',
            options: choices.map((c) => [c.id, c.name]),
            onChange: (v) => {
              picks.set(host, { ...picks.get(host), [o.selectId]: v });
              host.requestUpdate();
            },
          })}
          <div class="actions">
            <button type="button" part="button add-button" ?disabled=${x.busy(o.key)} @click=${() => picked && o.add(picked)}>${o.addLabel}</button>
          </div>
        </div>`
      : nothing}
    ${error ? host.renderError(error, () => host.requestUpdate(), e.updateFailed) : nothing}
  `;
}

const named = (p: { id?: string | null; displayName?: string | null }): Named => ({ id: p.id ?? '', name: p.displayName ?? '' });

export function renderSeparation(host: EditorHost, x: ExistingActions): TemplateResult {
  const { e } = host;
  return html`
    <p class="hint">${e.separationIntro}</p>
    ${renderList(host, x, {
      key: 'separation',
      headingId: 'incompatible-heading',
      heading: e.incompatibleHeading,
      selectId: 'incompatible',
      label: e.incompatibleLabel,
      addLabel: e.addIncompatible,
      chosen: x.existing.incompatible.map(named),
      all: x.existing.others.map(named),
      add: (item) => x.addIncompatible(item.id),
      remove: (id) => x.removeIncompatible(id),
    })}
    ${renderList(host, x, {
      key: 'separation-groups',
      headingId: 'incompatible-groups-heading',
      heading: e.incompatibleGroupsHeading,
      selectId: 'incompatible-group',
      label: e.incompatibleGroupLabel,
      addLabel: e.addIncompatibleGroup,
      chosen: x.existing.incompatibleGroups,
      all: host.principals(true).filter((p) => p.kind === 'group'),
      add: (group) => x.addIncompatibleGroup(group),
      remove: (id) => x.removeIncompatibleGroup(id),
    })}
  `;
}
