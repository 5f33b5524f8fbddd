// An existing package's policies: each with who may request and how it is approved in words, Edit, and "Add policy".
import { html, type TemplateResult } from 'lit';
import type { EditorKey } from '../i18n/editor.ts';
import type { AssignmentPolicy } from '../internal/sdk.ts';
import type { EditorHost } from './editor-host.ts';
import type { ExistingActions } from './editor-existing.ts';

const WHO: Record<string, EditorKey> = {
  specificDirectoryUsers: 'whoSpecific',
  allMemberUsers: 'whoAllMembers',
  allDirectoryUsers: 'whoAllUsers',
  specificConnectedOrganizationUsers: 'whoSpecificOrganizations',
  allConfiguredConnectedOrganizationUsers: 'whoAllOrganizations',
  allExternalUsers: 'whoAllExternal',
};

function summary(host: EditorHost, p: AssignmentPolicy): string {
  const who = host.e[WHO[String(p.allowedTargetScope ?? '')] ?? 'whoNone'];
  const stages = p.requestApprovalSettings?.isApprovalRequiredForAdd ? (p.requestApprovalSettings.stages ?? []).length : 0;
  return `${who}; ${host.e.requireApprovalLabel}: ${stages ? host.msg2('reviewStages', { count: stages }) : host.e.no}`;
}

export function renderPolicies(host: EditorHost, x: ExistingActions): TemplateResult {
  const { e } = host;
  const policies = x.existing.policies;
  return html`
    <p class="hint">${e.policiesIntro}</p>
    ${policies.length === 0
      ? host.renderEmpty(e.noPolicies)
      : html`<ul class="policies" aria-label=${e.stepPolicies}>
          ${policies.map(
            (p) => html`<li class="row" part="item">
              <span class="row-title">${p.displayName}</span>
              <span class="row-meta">${summary(host, p)}</span>
              <span><button type="button" part="button edit-button" @click=${() => x.openPolicy(p.id ?? undefined)}>${host.msg2('editPolicy', { name: p.displayName ?? '' })}</button></span>
            </li>`,
          )}
        </ul>`}
    <div class="actions"><button type="button" part="button add-button" @click=${() => x.openPolicy()}>${e.addPolicy}</button></div>
  `;
}
