// Direct assignment: an administrator gives a user the package under one of its policies (Graph's adminAdd request).
import { html, nothing, type TemplateResult } from 'lit';
import { select } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';
import type { ExistingActions } from './editor-existing.ts';

const picks = new WeakMap<EditorHost, { user: string; policy: string }>();

export function renderAssignments(host: EditorHost, x: ExistingActions): TemplateResult {
  const { e } = host;
  const users = host.principals(false);
  const policies = x.existing.policies;
  if (policies.length === 0) return host.renderEmpty(e.assignNeedsPolicy);
  const pick = picks.get(host) ?? { user: users[0]?.id ?? '', policy: policies[0]?.id ?? '' };
  picks.set(host, pick);
  const error = x.errorFor('assign');
  return html`
    <p class="hint">${e.assignIntro}</p>
    <div class="pick">
      ${select(host, {
        id: 'assign-user',
        label: e.assignUserLabel,
        value: pick.user,
        options: users.map((u) => [u.id, u.name]),
        onChange: (v) => (pick.user = v),
      })}
      ${select(host, {
        id: 'assign-policy',
        label: e.assignPolicyLabel,
        value: pick.policy,
        options: policies.map((p) => [p.id ?? '', p.displayName ?? '']),
        onChange: (v) => (pick.policy = v),
      })}
      <div class="actions">
        <button type="button" part="button submit-button assign-button" ?disabled=${x.busy('assign')} aria-busy=${x.busy('assign') ? 'true' : 'false'} @click=${() => x.assign(pick.user, pick.policy)}>
          ${e.assignButton}
        </button>
      </div>
    </div>
    ${error ? host.renderError(error, () => x.assign(pick.user, pick.policy), e.assignFailed) : nothing}
    ${x.lastAssigned ? html`<p class="state success" part="result">${x.lastAssigned}</p>` : nothing}
  `;
}
