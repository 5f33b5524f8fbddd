// Step 1, Basics: name, description and the catalog (an existing one the caller may create packages in, or a new one).
import { html, nothing, type TemplateResult } from 'lit';
import { radioGroup, select, textField } from './editor-fields.ts';
import { renderHiddenAndLink } from './panel-created.ts';
import type { EditorHost } from './editor-host.ts';

export function renderBasics(host: EditorHost): TemplateResult {
  const { e, draft } = host;
  return html`
    <p class="hint">${e.basicsIntro}</p>
    ${textField(host, { id: 'name', label: e.nameLabel, value: draft.name, required: true, onInput: (v) => host.edit((d) => (d.name = v)) })}
    ${textField(host, { id: 'description', label: e.descriptionLabel, value: draft.description, multiline: true, onInput: (v) => host.edit((d) => (d.description = v)) })}
    ${host.existingActions
      ? renderExistingBasics(host)
      : host.made.catalog
      ? html`<p><strong>${e.catalogLabel}:</strong> ${draft.catalogMode === 'new' ? draft.newCatalogName : (host.catalogs.find((c) => c.id === draft.catalogId)?.name ?? '')}</p>
          <p class="hint">${e.catalogFixedAfterCreate}</p>`
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
        ${host.catalogs.length === 0 && draft.catalogMode === 'existing' ? host.renderEmpty(e.noCatalogs) : nothing}`}
  `;
}

/** An existing package: its catalog (fixed), Save, the hidden toggle and the direct link. */
function renderExistingBasics(host: EditorHost): TemplateResult {
  const { e } = host;
  const x = host.existingActions!;
  const error = x.errorFor('basics');
  return html`<p><strong>${e.catalogLabel}:</strong> ${x.existing.catalogName}</p>
    <p class="hint">${e.catalogFixed}</p>
    <div class="actions">
      <button type="button" part="button submit-button save-button" ?disabled=${x.busy('basics')} aria-busy=${x.busy('basics') ? 'true' : 'false'} @click=${() => x.saveBasics()}>
        ${e.saveBasics}
      </button>
    </div>
    ${error ? host.renderError(error, () => x.saveBasics(), e.updateFailed) : nothing}
    ${renderHiddenAndLink(host, { isHidden: x.isHidden, link: x.link, busy: x.busy('hidden'), error: x.errorFor('hidden'), setHidden: (h) => x.setHidden(h) })}`;
}
