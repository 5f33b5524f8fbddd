// Step 1, Basics: name, description and the catalog (an existing one the caller may create packages in, or a new one).
import { html, nothing, type TemplateResult } from 'lit';
import { radioGroup, select, textField } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';

export function renderBasics(host: EditorHost): TemplateResult {
  const { e, draft } = host;
  return html`
    <p class="hint">${e.basicsIntro}</p>
    ${textField(host, { id: 'name', label: e.nameLabel, value: draft.name, required: true, onInput: (v) => host.edit((d) => (d.name = v)) })}
    ${textField(host, { id: 'description', label: e.descriptionLabel, value: draft.description, multiline: true, onInput: (v) => host.edit((d) => (d.description = v)) })}
    ${host.editing
      ? html`<p><strong>${e.catalogLabel}:</strong> ${host.catalogs.find((c) => c.id === draft.catalogId)?.name ?? draft.catalogId}</p>
          <p class="hint">${e.catalogFixed}</p>`
      : html`${radioGroup(host, {
          id: 'catalog-mode',
          legend: e.catalogLegend,
          value: draft.catalogMode,
          options: [
            ['existing', e.catalogExisting],
            ['new', e.catalogNew],
          ],
          onChange: (v) =>
            host.edit((d) => {
              d.catalogMode = v;
              d.roles = [];
              d.policy.extensions = {};
            }),
        })}
        ${draft.catalogMode === 'existing'
          ? select(host, {
              id: 'catalog',
              label: e.catalogLabel,
              value: draft.catalogId,
              placeholder: e.catalogChoose,
              options: host.catalogs.map((c) => [c.id, c.name]),
              onChange: (v) =>
                host.edit((d) => {
                  d.catalogId = v;
                  d.roles = [];
                  d.policy.extensions = {};
                }),
            })
          : html`${textField(host, { id: 'new-catalog-name', label: e.newCatalogName, value: draft.newCatalogName, required: true, onInput: (v) => host.edit((d) => (d.newCatalogName = v)) })}
            ${textField(host, {
              id: 'new-catalog-description',
              label: e.newCatalogDescription,
              value: draft.newCatalogDescription,
              multiline: true,
              onInput: (v) => host.edit((d) => (d.newCatalogDescription = v)),
            })}
            <p class="hint">${e.newCatalogHint}</p>`}
        ${host.catalogs.length === 0 && draft.catalogMode === 'existing' ? html`<p class="hint">${e.noCatalogs}</p>` : nothing}`}
  `;
}
