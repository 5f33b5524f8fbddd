// Step 2, Resource roles: resources of the catalog by type, a role of each; "See all" offers directory resources not
// yet in the catalog (added to it by a resource request on create). May be left empty and filled in later.
import { html, nothing, type TemplateResult } from 'lit';
import type { RoleDraft } from './editor-draft.ts';
import { checkbox, radioGroup, select } from './editor-fields.ts';
import type { DirectoryResource, EditorHost } from './editor-host.ts';
import { roleKey } from './editor-graph.ts';




function offered(host: EditorHost): DirectoryResource[] {
  const { resourcePick } = host;
  const inCatalog: DirectoryResource[] = (host.catalogResources ?? []).map((r) => ({
    originSystem: r.originSystem ?? '',
    originId: r.originId ?? '',
    name: r.displayName ?? r.originId ?? '',
    roles: (r.roles ?? []).map((role) => ({ originId: role.originId ?? '', name: role.displayName ?? '' })),
  }));
  const more = host.seeAll ? (host.directoryResources ?? []).filter((d) => !inCatalog.some((r) => r.originId === d.originId)) : [];
  return [...inCatalog, ...more].filter((r) => r.originSystem === resourcePick.type);
}

export function renderResources(host: EditorHost): TemplateResult {
  const { e, draft, resourcePick } = host;
  const isNew = draft.catalogMode === 'new';
  if (!isNew && !draft.catalogId) return html`<p class="state info">${e.chooseCatalogFirst}</p>`;
  if (!isNew && host.catalogError) return host.renderError(host.catalogError, () => host.reloadCatalog());
  if (!isNew && host.catalogLoading) return host.renderLoading(e.loadingCatalog);
  const resources = offered(host);
  const resource = resources.find((r) => r.originId === resourcePick.resource) ?? resources[0];
  const role = resource?.roles.find((r) => r.originId === resourcePick.role) ?? resource?.roles[0];
  const add = () => {
    if (!resource || !role) return;
    const catalogResource = host.catalogResources?.find((r) => r.originId === resource.originId);
    const entry: RoleDraft = {
      originSystem: resource.originSystem,
      originId: resource.originId,
      resourceName: resource.name,
      catalogResourceId: isNew ? undefined : (catalogResource?.id ?? undefined),
      roleOriginId: role.originId,
      roleName: role.name,
    };
    if (draft.roles.some((r) => roleKey(r) === roleKey(entry))) return;
    host.edit((d) => d.roles.push(entry));
    void host.announce(host.msg2('roleAdded', { role: role.name, resource: resource.name }));
  };
  return html`
    <p class="hint">${e.resourcesIntro}</p>
    ${radioGroup(host, {
      id: 'resource-type',
      legend: e.resourceTypeLegend,
      value: resourcePick.type,
      options: [
        ['AadGroup', e.typeGroups],
        ['AadApplication', e.typeApplications],
        ['SharePointOnline', e.typeSites],
      ],
      onChange: (v) => {
        Object.assign(resourcePick, { type: v, resource: '', role: '' });
        host.requestUpdate();
      },
    })}
    ${checkbox(host, {
      id: 'see-all',
      label: e.seeAll,
      hint: isNew ? e.seeAllNewCatalog : e.seeAllHint,
      checked: host.seeAll || isNew,
      onChange: (v) => (host.seeAll = v),
    })}
    ${resources.length === 0
      ? html`<p class="muted">${host.seeAll && !host.directoryResources ? e.loadingDirectory : e.noResources}</p>`
      : html`<div class="pick">
          ${select(host, {
            id: 'resource',
            label: e.resourceLabel,
            value: resource?.originId ?? '',
            options: resources.map((r) => [r.originId, r.name]),
            onChange: (v) => {
              Object.assign(resourcePick, { resource: v, role: '' });
              host.requestUpdate();
            },
          })}
          ${select(host, {
            id: 'role',
            label: e.roleLabel,
            value: role?.originId ?? '',
            options: (resource?.roles ?? []).map((r) => [r.originId, r.name]),
            onChange: (v) => {
              resourcePick.role = v;
              host.requestUpdate();
            },
          })}
          <div class="actions"><button type="button" part="button add-role-button" @click=${add}>${e.addRole}</button></div>
        </div>`}
    <h4 id="chosen-roles">${e.chosenRoles}</h4>
    ${draft.roles.length === 0
      ? html`<p class="muted">${e.noRoles}</p>`
      : html`<ul class="chosen" aria-labelledby="chosen-roles">
          ${draft.roles.map(
            (r) => html`<li>
              <span>${host.msg2('roleOf', { role: r.roleName, resource: r.resourceName })}${!r.catalogResourceId && !r.roleScopeId ? html` <span class="muted">${e.addedToCatalog}</span>` : nothing}</span>
              ${host.made.roleKeys.has(roleKey(r)) ? html`<span class="muted">${e.roleMade}</span>` : html`<button
                type="button"
                part="button remove-button"
                class="link"
                aria-label=${host.msg2('removeRole', { role: r.roleName, resource: r.resourceName })}
                @click=${() => host.edit((d) => (d.roles = d.roles.filter((x) => roleKey(x) !== roleKey(r))))}
              >
                ${e.remove}
              </button>`}
            </li>`,
          )}
        </ul>`}
    ${host.existingActions ? renderSaveRoles(host) : nothing}
  `;
}

function renderSaveRoles(host: EditorHost): TemplateResult {
  const x = host.existingActions!;
  const error = x.errorFor('roles');
  return html`<div class="actions">
      <button type="button" part="button submit-button save-button" ?disabled=${x.busy('roles')} aria-busy=${x.busy('roles') ? 'true' : 'false'} @click=${() => x.saveRoles()}>
        ${host.e.saveRoles}
      </button>
    </div>
    ${error ? host.renderError(error, () => x.saveRoles(), host.e.updateFailed) : nothing}`;
}
