// Finding things as a user (or a screen reader) does: by role and accessible name, through every shadow root.
// The name computation covers what the kit's markup uses: aria-labelledby, aria-label, <label for>, a wrapping
// <label>, <legend> for a fieldset, <caption> for a table, and text content for buttons, tabs, headings and links.
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export type Matcher = string | RegExp;

export interface RoleOptions {
  name?: Matcher;
  /** Include elements that are not rendered (hidden, inside a closed dialog, in a hidden tab panel). */
  hidden?: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every element under `root`, shadow roots included, in tree order. */
export function allElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from((node as Element).shadowRoot?.children ?? [])) {
      out.push(child);
      visit(child);
    }
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof Element) {
        out.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return out;
}

function implicitRole(el: Element): string | undefined {
  const tag = el.localName;
  if (tag === 'button') return 'button';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'select') return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
  if (tag === 'option') return 'option';
  if (tag === 'dialog') return 'dialog';
  if (tag === 'fieldset') return 'group';
  if (tag === 'form') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'form' : undefined;
  if (tag === 'table') return 'table';
  if (tag === 'ul' || tag === 'ol') return 'list';
  if (tag === 'li') return 'listitem';
  if (tag === 'dl') return undefined;
  if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : undefined;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    if (type === 'search') return 'searchbox';
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
    if (type === 'date') return 'date';
    return 'textbox';
  }
  return undefined;
}

export function roleOf(el: Element): string | undefined {
  return el.getAttribute('role')?.split(/\s+/)[0] || implicitRole(el);
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node.localName === 'style' || node.localName === 'script') return '';
  const parts = [...node.childNodes].map(textOf);
  // Block-level children read as separate words.
  return parts.join(node.localName === 'span' || node.localName === 'strong' ? '' : ' ');
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById(id);
}

export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return collapse(
      labelledBy
        .split(/\s+/)
        .map((id) => byId(el, id))
        .filter((x): x is Element => !!x)
        .map((x) => textOf(x))
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return collapse(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    const labels = [...(el.labels ?? [])];
    if (labels.length) return collapse(labels.map((l) => textOf(l)).join(' '));
    return collapse(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
  }
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    return legend ? collapse(textOf(legend)) : '';
  }
  if (el.localName === 'table') {
    const caption = el.querySelector(':scope > caption');
    return caption ? collapse(textOf(caption)) : '';
  }
  const role = roleOf(el);
  if (role && ['button', 'tab', 'heading', 'link', 'option', 'radio', 'checkbox', 'switch', 'cell', 'listitem'].includes(role)) {
    return collapse(textOf(el));
  }
  return '';
}

const matches = (text: string, matcher: Matcher | undefined) =>
  matcher === undefined || (typeof matcher === 'string' ? text === matcher : matcher.test(text));

function visible(el: Element): boolean {
  return (el as HTMLElement).checkVisibility?.() ?? true;
}

export function queryAllByRole(root: Node, role: string, options: RoleOptions = {}): HTMLElement[] {
  return allElements(root).filter(
    (el): el is HTMLElement =>
      roleOf(el) === role && (options.hidden || visible(el)) && matches(accessibleName(el), options.name),
  );
}

export function queryByRole(root: Node, role: string, options: RoleOptions = {}): HTMLElement | null {
  const found = queryAllByRole(root, role, options);
  if (found.length > 1) throw new Error(`${found.length} elements with role ${role} and name ${String(options.name)}: ${describe(found)}`);
  return found[0] ?? null;
}

function describe(els: Element[]): string {
  return els.map((el) => `<${el.localName}> "${accessibleName(el)}"`).join(', ');
}

export function getByRole(root: Node, role: string, options: RoleOptions = {}): HTMLElement {
  const el = queryByRole(root, role, options);
  if (!el) {
    const candidates = queryAllByRole(root, role, { hidden: options.hidden });
    throw new Error(`No ${role} named ${String(options.name)}. There are: ${describe(candidates) || 'none'}`);
  }
  return el;
}

/** Waits (generously: the machine is shared) until exactly one such element is there. */
export async function findByRole(root: Node, role: string, options: RoleOptions = {}, timeout = 15000): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  try {
    await waitUntil(() => (found = queryByRole(root, role, options)), undefined, { timeout, interval: 25 });
  } catch {
    getByRole(root, role, options); // throws with what is there instead
  }
  return found!;
}

/** Text as read: the element's text with aria-hidden parts left out, whitespace collapsed. */
export function textContent(el: Node): string {
  return collapse(allText(el));
}

const hasShadowHost = (el: Element) => !!el.shadowRoot || [...el.querySelectorAll('*')].some((e) => e.shadowRoot);

/** Rendered text as the browser lays it out (innerText), through shadow roots. */
function allText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLElement && !hasShadowHost(node)) return node.innerText;
  if (node instanceof Element && node.shadowRoot) return allText(node.shadowRoot);
  return [...node.childNodes].map(allText).join(' ');
}

/** Waits until the visible text under `root` includes `text`. */
export async function findText(root: Node, text: Matcher, timeout = 15000): Promise<void> {
  await waitUntil(() => matches(textContent(root), typeof text === 'string' ? new RegExp(escape(text)) : text), `text ${String(text)} never appeared`, {
    timeout,
    interval: 25,
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The element that has focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focuses a field and types into it with real key presses. */
export async function typeInto(el: HTMLElement, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Activates a control from the keyboard: focus, then Enter (buttons) or Space (radios, checkboxes). */
export async function activate(el: HTMLElement): Promise<void> {
  el.focus();
  const role = roleOf(el);
  await sendKeys({ press: role === 'radio' || role === 'checkbox' || role === 'switch' ? 'Space' : 'Enter' });
}

/**
 * Types a date (yyyy-mm-dd) into a native date field with key presses, segment by segment in the order the
 * browser's locale shows them (month/day/year in en-US).
 */
export async function typeDate(input: HTMLInputElement, value: string): Promise<void> {
  const [year, month, day] = value.split('-');
  const order = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2000, 10, 22))
    .map((p) => p.type)
    .filter((t) => t === 'year' || t === 'month' || t === 'day');
  input.focus();
  for (const part of order) await sendKeys({ type: part === 'year' ? year : part === 'month' ? month : day });
}

/** yyyy-mm-dd of today plus `days`, in local time (as date fields hold it). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
