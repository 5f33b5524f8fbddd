// The Contoso intranet demo: the three widgets embedded as a host page would embed them, on the browser mock (MSW
// in a service worker, contoso seed), plus demo controls that talk to the mock's control API under /_mock.
import { startBrowserMock, type BrowserMock } from '@entitlement-kit/mock-server/browser';
import type { EntitlementProvider } from '@entitlement-kit/widgets';
import { mountAdministration } from './admin.ts';
import { createAutomation, type AutomationMessage } from './automation.ts';
import { FIRST_PERSONA, PERSONAS, type Persona } from './personas.ts';

const WIDGET_EVENTS = ['request-submitted', 'request-canceled', 'decision-recorded', 'access-removed', 'widget-error'] as const;
const WIDGET_TAGS = 'request-access-pane, approval-inbox, manage-team, my-access, access-package-editor';

interface OutboxMessage {
  at: string;
  kind: string;
  to: string[];
  subject: string;
  assignmentId?: string;
}

/** `#/access-packages/<id>`, as My Access's links to a package end: the pane opens on that package (hidden ones too). */
const PACKAGE_ROUTE = /^#\/access-packages\/([^/?#]+)$/;
/** `#/my-access/extend/<assignment id>`: the expiry reminders' link, which opens <my-access>'s extend form. */
const EXTEND_ROUTE = /^#\/my-access\/extend\/([^/?#]+)$/;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The demo page lacks #${id}.`);
  return element as T;
}

const ui = {
  persona: byId<HTMLSelectElement>('persona'),
  hint: byId<HTMLParagraphElement>('persona-hint'),
  status: byId<HTMLParagraphElement>('status'),
  clockNow: byId<HTMLTimeElement>('clock-now'),
  advance: byId<HTMLButtonElement>('advance-day'),
  reset: byId<HTMLButtonElement>('reset-demo'),
  locale: byId<HTMLSelectElement>('locale'),
  theme: byId<HTMLSelectElement>('theme'),
  direction: byId<HTMLSelectElement>('direction'),
  outbox: byId<HTMLOListElement>('outbox'),
  outboxCount: byId<HTMLParagraphElement>('outbox-count'),
  refreshOutbox: byId<HTMLButtonElement>('refresh-outbox'),
  events: byId<HTMLOListElement>('events'),
};

// The provider as the page wrote it, taken before the widgets are defined: each sign-in mounts a fresh copy, so no
// widget keeps the previous person's selection, drafts or decisions.
let provider = document.querySelector('entitlement-provider') as EntitlementProvider;
const pristineProvider = provider.cloneNode(true) as EntitlementProvider;

let mock: BrowserMock | undefined;
let current: Persona = FIRST_PERSONA;
let accessToken = '';
/** What the seed 004 automation sent (a text message with the pass), shown in the outbox with Graph's emails. */
const automationMessages: AutomationMessage[] = [];

const clockFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | undefined> {
  const response = await fetch(`/_mock/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // Always read the body, also of a 204: an unread one shows as an aborted request in the browser's tools.
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? response.statusText;
    throw new Error(`${method} /_mock/${path}: ${response.status} ${message}`);
  }
  return json as T | undefined;
}

function setStatus(text: string, isError = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

function setBusy(busy: boolean): void {
  for (const control of [ui.persona, ui.advance, ui.reset, ui.refreshOutbox]) control.disabled = busy;
  document.documentElement.dataset.demo = busy ? 'busy' : 'ready';
}

/** Runs a demo action with the controls disabled; a failure is shown in the status line. */
async function act(action: () => Promise<void>): Promise<void> {
  setBusy(true);
  try {
    await action();
  } catch (error) {
    setStatus(`Something went wrong: ${(error as Error).message}`, true);
  } finally {
    setBusy(false);
  }
}

function applyTheme(root: ParentNode): void {
  const theme = ui.theme.value;
  for (const widget of root.querySelectorAll(WIDGET_TAGS)) {
    if (theme) widget.setAttribute('theme', theme);
    else widget.removeAttribute('theme');
  }
}

/** A fresh provider with fresh widgets for the signed-in person, in place of the old ones. */
function mountWidgets(): void {
  const fresh = pristineProvider.cloneNode(true) as EntitlementProvider;
  const token = accessToken;
  fresh.getAccessToken = () => token;
  fresh.setAttribute('locale', ui.locale.value);
  fresh.setAttribute('dir', ui.direction.value);
  applyTheme(fresh);
  applyRoute(fresh);
  provider.replaceWith(fresh);
  provider = fresh;
  void mountAdministration(fresh, current).catch((error: Error) => setStatus(`The administration area could not load: ${error.message}`, true));
}

/**
 * The same widgets read everything again (a new client for the same person), so what the clock changed shows while
 * what is open (a selected approval, a filled form) stays open.
 */
function refreshWidgets(): void {
  const token = accessToken;
  provider.getAccessToken = () => token;
}

/** Opens the pane on the package the URL names; without one, leaves the pane where it is. */
function applyRoute(root: ParentNode): void {
  const match = PACKAGE_ROUTE.exec(location.hash);
  const pane = root.querySelector('request-access-pane');
  if (match && pane) {
    pane.setAttribute('package-id', decodeURIComponent(match[1]));
    pane.scrollIntoView?.({ block: 'nearest' });
  }
  const extend = EXTEND_ROUTE.exec(location.hash);
  const mine = root.querySelector('my-access');
  if (extend && mine) {
    mine.setAttribute('extend-assignment-id', decodeURIComponent(extend[1]));
    mine.scrollIntoView?.({ block: 'nearest' });
  }
}

function fillPersonas(): void {
  ui.persona.replaceChildren(
    ...PERSONAS.map((persona) => {
      const option = document.createElement('option');
      option.value = persona.upn;
      option.textContent = `${persona.name} (${persona.role})`;
      option.selected = persona === current;
      return option;
    }),
  );
}

async function signInAs(upn: string): Promise<void> {
  const persona = PERSONAS.find((p) => p.upn === upn) ?? PERSONAS[0];
  const token = await control<{ access_token: string }>('POST', 'token', { userPrincipalName: persona.upn });
  accessToken = token?.access_token ?? '';
  current = persona;
  ui.persona.value = persona.upn;
  ui.hint.textContent = persona.hint;
  mountWidgets();
  setStatus(`Signed in as ${persona.name} (${persona.role}).`);
  // Who may be signed in as from the outbox depends on who is signed in now.
  await refreshOutbox();
}

async function refreshClock(): Promise<void> {
  const clock = await control<{ now: string }>('GET', 'clock');
  if (!clock) return;
  ui.clockNow.dateTime = clock.now;
  ui.clockNow.textContent = `${clockFormat.format(new Date(clock.now))} UTC`;
}

function nameOf(id: string): string {
  return mock?.engine.findPrincipal(id)?.displayName ?? id;
}

/** ISO date-times in a message's text (the mock writes deadlines so), in the page's words. */
function readableDates(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) => `${clockFormat.format(new Date(iso))} UTC`);
}

async function refreshOutbox(): Promise<void> {
  const outbox = await control<{ value: OutboxMessage[] }>('GET', 'outbox');
  const texts: OutboxMessage[] = automationMessages.map((m) => ({ at: m.at, kind: 'text message', to: [m.to], subject: m.subject }));
  const messages = [...(outbox?.value ?? []), ...texts].sort((a, b) => b.at.localeCompare(a.at));
  ui.outboxCount.textContent = messages.length === 1 ? '1 message' : `${messages.length} messages`;
  ui.outbox.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.className = 'message';
      item.dataset.kind = message.kind;
      const head = document.createElement('div');
      head.className = 'message-head';
      const kind = document.createElement('span');
      kind.className = 'tag';
      kind.textContent = message.kind;
      const at = document.createElement('time');
      at.dateTime = message.at;
      at.textContent = clockFormat.format(new Date(message.at));
      head.append(kind, ' ', at);
      const subject = document.createElement('div');
      subject.className = 'message-subject';
      subject.textContent = readableDates(message.subject);
      const to = document.createElement('div');
      to.className = 'muted';
      to.textContent = `To: ${message.to.map(nameOf).join(', ') || '–'}`;
      item.append(head, subject, to);
      // The expiry reminders (14 days and 1 day before the end) link to the extend form, as Microsoft's emails do.
      if (message.kind === 'expiring' && message.assignmentId) {
        const link = document.createElement('a');
        link.href = `#/my-access/extend/${encodeURIComponent(message.assignmentId)}`;
        link.textContent = 'Extend access';
        item.append(link);
      }
      // The people a message asks to act can be signed in as from here.
      for (const id of message.to) {
        const persona = personaOf(id);
        if (!persona || persona === current) continue;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sign-in-as';
        button.textContent = `Sign in as ${persona.name}`;
        button.addEventListener('click', () => void act(() => signInAs(persona.upn)));
        item.append(button);
      }
      return item;
    }),
  );
}

function personaOf(id: string): Persona | undefined {
  const upn = mock?.engine.findPrincipal(id)?.userPrincipalName;
  return PERSONAS.find((p) => p.upn === upn);
}

function describeEvent(event: Event): string {
  const detail = (event as CustomEvent).detail as Record<string, unknown> | undefined;
  const packageName = (value: unknown) =>
    (value as { accessPackage?: { displayName?: string } } | undefined)?.accessPackage?.displayName;
  switch (event.type) {
    case 'request-submitted':
      return `submitted a request${packageName(detail) ? ` for ${packageName(detail)}` : ''}`;
    case 'request-canceled':
      return `canceled a request${packageName(detail) ? ` for ${packageName(detail)}` : ''}`;
    case 'decision-recorded':
      return `${detail?.reviewResult === 'Approve' ? 'approved' : 'denied'} a request${packageName(detail?.request) ? ` for ${packageName(detail?.request)}` : ''}`;
    case 'access-removed':
      return `removed access${packageName(detail?.assignment) ? ` to ${packageName(detail?.assignment)}` : ''}`;
    default:
      return `saw an error in ${String(detail?.operation ?? 'a widget')}: ${(detail?.error as Error | undefined)?.message ?? ''}`;
  }
}

function logLine(text: string, kind: string): void {
  const item = document.createElement('li');
  item.dataset.event = kind;
  item.textContent = text;
  ui.events.prepend(item);
  while (ui.events.children.length > 20) ui.events.lastElementChild?.remove();
}

function logEvent(event: Event): void {
  logLine(`${current.name} ${describeEvent(event)}`, event.type);
}

function wireControls(): void {
  ui.persona.addEventListener('change', () => void act(() => signInAs(ui.persona.value)));
  ui.advance.addEventListener('click', () =>
    void act(async () => {
      await control('POST', 'clock', { advance: 'P1D' });
      await Promise.all([refreshClock(), refreshOutbox()]);
      // Time-outs, escalations and expirations may have changed what the widgets show.
      refreshWidgets();
      setStatus(`Moved the mock clock on by one day. Signed in as ${current.name} (${current.role}).`);
    }),
  );
  ui.reset.addEventListener('click', () =>
    void act(async () => {
      await control('POST', 'reset', { seed: 'contoso' });
      ui.events.replaceChildren();
      automationMessages.length = 0;
      await Promise.all([refreshClock(), refreshOutbox()]);
      await signInAs(current.upn);
      setStatus(`The demo is back at the contoso seed. Signed in as ${current.name} (${current.role}).`);
    }),
  );
  ui.refreshOutbox.addEventListener('click', () => void act(refreshOutbox));
  ui.locale.addEventListener('change', () => {
    provider.setAttribute('locale', ui.locale.value);
  });
  ui.direction.addEventListener('change', () => provider.setAttribute('dir', ui.direction.value));
  addEventListener('hashchange', () => applyRoute(provider));
  ui.theme.addEventListener('change', () => {
    applyTheme(provider);
    if (ui.theme.value) document.documentElement.dataset.theme = ui.theme.value;
    else delete document.documentElement.dataset.theme;
  });
  for (const type of WIDGET_EVENTS) {
    document.addEventListener(type, (event) => {
      logEvent(event);
      if (type !== 'widget-error') void refreshOutbox().catch(() => undefined);
    });
  }
}

async function boot(): Promise<void> {
  setBusy(true);
  try {
    const callout = createAutomation({
      graphBase: new URL('v1.0', document.baseURI).href,
      now: () => mock?.engine.now() ?? new Date().toISOString(),
      onMessage: (message) => {
        automationMessages.push(message);
        logLine(`Contoso Access Automation issued a Temporary Access Pass for ${nameOf(message.to)}`, 'automation');
        void refreshOutbox().catch(() => undefined);
      },
      onError: (error) => setStatus(`The Temporary Access Pass automation failed: ${error.message}`, true),
    });
    mock = await startBrowserMock({ workerUrl: new URL('mockServiceWorker.js', document.baseURI).pathname, callout });
    // Defined only now, so the widgets' first render already has a client (no "not connected" flash).
    await import('@entitlement-kit/widgets');
    await import('@entitlement-kit/widgets/define/my-access');
    fillPersonas();
    wireControls();
    await signInAs(ui.persona.value);
    await Promise.all([refreshClock(), refreshOutbox()]);
  } catch (error) {
    setStatus(`The demo could not start: ${(error as Error).message}`, true);
    document.documentElement.dataset.demo = 'failed';
    return;
  }
  setBusy(false);
}

void boot();
