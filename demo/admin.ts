// The demo's "Administration" area: <access-package-editor> for the admin persona, on the same page (and the same
// in-page mock) as the other widgets, so a package created here is requestable after switching persona, without a
// reload. Its own module with its own entry (`define/access-package-editor`, read on demand), so the end-user page
// does not load the editor; main.ts calls mountAdministration() after every sign-in.

const ADMIN_UPN = 'admin@contoso.com';
const ADMIN_EVENTS = ['package-created', 'package-updated', 'policy-saved'] as const;

let signedInAs = '';
let wired = false;

function describe(event: Event): string {
  const detail = (event as CustomEvent).detail as Record<string, any> | undefined;
  switch (event.type) {
    case 'package-created':
      return `created the access package ${detail?.accessPackage?.displayName ?? ''}`;
    case 'package-updated':
      return `changed the access package ${detail?.displayName ?? ''}${detail?.isHidden === undefined ? '' : detail.isHidden ? ' (now hidden)' : ' (now listed)'}`;
    default:
      return `saved the policy ${detail?.displayName ?? ''}`;
  }
}

/** Logs the editor's events in the page's "Widget events" list, as main.ts does for the other widgets'. */
function wireEvents(): void {
  if (wired) return;
  wired = true;
  for (const type of ADMIN_EVENTS) {
    document.addEventListener(type, (event) => {
      const list = document.getElementById('events');
      if (!list) return;
      const item = document.createElement('li');
      item.dataset.event = type;
      item.textContent = `${signedInAs} ${describe(event)}`;
      list.prepend(item);
    });
  }
}

/**
 * Shows the Administration area inside the freshly mounted provider when the admin is signed in (with a fresh
 * editor), and hides it, editor removed, for everyone else: the editor is for Identity Governance Administrators.
 */
export async function mountAdministration(provider: ParentNode, persona: { upn: string; name: string }): Promise<void> {
  const area = provider.querySelector<HTMLElement>('#administration');
  if (!area) return;
  signedInAs = persona.name;
  const slot = area.querySelector('.admin-editor');
  slot?.replaceChildren();
  area.hidden = persona.upn !== ADMIN_UPN;
  if (area.hidden) return;
  wireEvents();
  await import('@entitlement-kit/widgets/define/access-package-editor');
  const editor = document.createElement('access-package-editor');
  const theme = provider.querySelector('request-access-pane')?.getAttribute('theme');
  if (theme) editor.setAttribute('theme', theme);
  slot?.append(editor);
}
