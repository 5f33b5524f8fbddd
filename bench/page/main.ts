// The bench page: the full widget bundle (./all.ts) plus a harness the puppeteer scripts drive through
// `window.bench`. Query: ?graph=<graphUrl>&token=<bearer>&mode=page|inbox|pane
import './all.ts';
import type { BenchApi, WidgetTimes } from '../lib/page-api.ts';

type Mode = 'page' | 'inbox' | 'pane';
const TAGS: Record<Mode, string[]> = {
  page: ['request-access-pane', 'approval-inbox', 'manage-team'],
  inbox: ['approval-inbox'],
  pane: ['request-access-pane'],
};

const params = new URLSearchParams(location.search);
const graph = params.get('graph') ?? '';
const token = params.get('token') ?? '';
const mode = (params.get('mode') ?? 'page') as Mode;

const times: Record<string, WidgetTimes> = {};

const rows = (el: Element | null | undefined) => el?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
const loading = (el: Element | null | undefined) => !el?.shadowRoot || !!el.shadowRoot.querySelector('[part~="loading"]');

function lastGraphResponseBefore(at: number): number | undefined {
  const ends = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.name.startsWith(graph) && e.responseEnd <= at)
    .map((e) => e.responseEnd);
  return ends.length ? Math.max(...ends) : undefined;
}

/** Notes when a widget's first rows reach its shadow DOM (the observer runs in the microtask after the insert). */
function watchFirstRows(el: Element, tag: string): void {
  const entry: WidgetTimes = (times[tag] = {});
  const attach = () => {
    const root = el.shadowRoot;
    if (!root) return void requestAnimationFrame(attach);
    const observer = new MutationObserver(() => {
      if (entry.firstRowsAt === undefined && root.querySelector('[part~="item"]')) {
        entry.firstRowsAt = performance.now();
        observer.disconnect();
        // Resource timing entries are queued; read them once they are in.
        setTimeout(() => (entry.dataAt = lastGraphResponseBefore(entry.firstRowsAt ?? 0)), 200);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  attach();
}

const provider = document.createElement('entitlement-provider');
provider.baseUrl = graph;
provider.getAccessToken = () => token;
for (const tag of TAGS[mode]) {
  const el = document.createElement(tag);
  el.style.display = 'block';
  el.style.height = mode === 'page' ? '600px' : '800px';
  provider.append(el);
  watchFirstRows(el, tag);
}
document.body.append(provider);

type Paged = { items: unknown[]; hasMore: boolean; busy: boolean };
const pagedOf = (tag: string, field: string): Paged | undefined =>
  (document.querySelector(tag) as unknown as Record<string, Paged> | null)?.[field];

const bench: BenchApi = {
  times,
  /** Every widget of the mode shows its first rows and no loading state. */
  interactive(): boolean {
    return TAGS[mode].every((tag) => {
      const el = document.querySelector(tag);
      return rows(el) > 0 && !loading(el);
    });
  },
  rows(tag: string): number {
    return rows(document.querySelector(tag));
  },
  /** Rows in the DOM across the whole page (light and shadow). */
  domRows(tag: string): number {
    return document.querySelector(tag)?.shadowRoot?.querySelectorAll('[role="listitem"]').length ?? 0;
  },
  loaded(tag: string, field: string): { items: number; hasMore: boolean; busy: boolean } {
    const paged = pagedOf(tag, field);
    return { items: paged?.items.length ?? 0, hasMore: !!paged?.hasMore, busy: !!paged?.busy };
  },
  /** Scrolls the widget's list to its end (the windowed list then asks for the next page). */
  scrollToEnd(tag: string): void {
    const root = document.querySelector(tag)?.shadowRoot;
    const scroller = root?.querySelector<HTMLElement>('.scroller');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
    else root?.querySelector<HTMLButtonElement>('[part~="load-more-button"]')?.click();
  },
  /**
   * Types `text` into the package filter one character at a time, `gap` ms apart (below the 300 ms search delay),
   * timing each keystroke from the input event to the widget's update done and layout computed.
   */
  async typeInFilter(text: string, gap: number): Promise<number[]> {
    const pane = document.querySelector('request-access-pane') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
    const input = pane?.shadowRoot?.querySelector<HTMLInputElement>('#search');
    if (!pane || !input) throw new Error('no package filter');
    const samples: number[] = [];
    for (const char of text) {
      await new Promise((resolve) => setTimeout(resolve, gap));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const start = performance.now();
      input.value += char;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char, inputType: 'insertText' }));
      await pane.updateComplete;
      // Style and layout of what the keystroke changed, as the frame would need them.
      pane.shadowRoot?.querySelector('[part~="list"]')?.getBoundingClientRect();
      samples.push(performance.now() - start);
    }
    return samples;
  },
};

window.bench = bench;
