import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type CSSResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { clientContext, localeContext, sessionContext } from '../context.ts';
import { SessionStore } from '../controllers/session-store.ts';
import type { ListSource } from '../controllers/paged-controller.ts';
import { emit } from '../events.ts';
import { catalogueFor, format, languageOf, loadCatalogue, resolveLocale, type Catalogue, type MessageKey } from '../i18n/index.ts';
import { errorRequestId, errorStatus, toError } from './errors.ts';
import type { OnDemand } from './on-demand.ts';
import type { EntitlementClient } from './sdk.ts';
import { VERSION } from '../version.ts';

const stateKeys: Partial<Record<string, MessageKey>> = {
  submitted: 'stateSubmitted',
  pendingApproval: 'statePendingApproval',
  delivering: 'stateDelivering',
  delivered: 'stateDelivered',
  deliveryFailed: 'stateDeliveryFailed',
  denied: 'stateDenied',
  scheduled: 'stateScheduled',
  canceled: 'stateCanceled',
  partiallyDelivered: 'statePartiallyDelivered',
  expired: 'stateExpired',
};

/** Lists longer than this render windowed in a scroller; shorter ones as plain rows without a fixed height. */
const VIRTUALIZE_FROM = 40;
/** Rows rendered above and below the visible ones in a windowed list. */
const OVERSCAN = 10;

/**
 * What every widget shares: the client (its own or the provider's), the shared session store, the locale and
 * catalogue, the theme attribute, date formatting, announcements and the loading / empty / error templates.
 *
 * @fires {CustomEvent<WidgetErrorDetail>} widget-error - A Graph call failed; detail is `{ error, operation }`.
 *
 * @cssprop [--ek-color-surface=#ffffff] - Background of the widget (dark: #1f1f1f).
 * @cssprop [--ek-color-surface-raised=#f5f5f5] - Background of rows, cards and dialogs (dark: #2b2b2b).
 * @cssprop [--ek-color-text=#1f1f1f] - Text (dark: #f3f3f3).
 * @cssprop [--ek-color-text-muted=#595959] - Secondary text: dates, ids, hints (dark: #c2c2c2).
 * @cssprop [--ek-color-border=#8a8a8a] - Borders and separators (dark: #707070).
 * @cssprop [--ek-color-accent=#0f6cbd] - Primary buttons, the selected tab, links (dark: #6cb8f6).
 * @cssprop [--ek-color-on-accent=#ffffff] - Text on the accent colour (dark: #0a0a0a).
 * @cssprop [--ek-color-danger=#b10e1c] - Errors, Deny and Remove (dark: #ff99a4).
 * @cssprop [--ek-color-success=#0e700e] - Delivered and approved states (dark: #7fd07c).
 * @cssprop [--ek-color-warning=#7a4d00] - Warnings such as a request made on someone's behalf (dark: #f5c451).
 * @cssprop [--ek-color-warning-surface=#fff4ce] - Background of warnings (dark: #3d3218).
 * @cssprop [--ek-color-focus=#000000] - The focus ring (dark: #ffffff).
 * @cssprop [--ek-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font of every text.
 * @cssprop [--ek-font-size=0.9375rem] - Base font size; headings scale from it.
 * @cssprop [--ek-radius=0.375rem] - Corner radius of the frame, rows, fields and buttons.
 * @cssprop [--ek-spacing=0.75rem] - The spacing unit: padding and gaps.
 * @cssprop [--ek-list-height=26rem] - Height of a long list, which scrolls and renders only the rows in view.
 *
 * @csspart base - The widget's frame.
 * @csspart list - A list (packages, requests, reports, assignments).
 * @csspart item - A row of a list.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state (what failed, Graph's message and request id, a retry button).
 * @csspart button - Every button.
 * @csspart retry-button - The retry button of an error.
 * @csspart load-more-button - The "Load more" button under a list with more pages.
 */
export abstract class EkElement extends LitElement {
  static readonly kitVersion = VERSION;

  /** A client for this widget alone; wins over the one an <entitlement-provider> provides. */
  @property({ attribute: false }) client?: EntitlementClient;

  /** BCP 47 tag for strings and dates; defaults to the provider's, then the page's `lang`, then the browser's. */
  @property() locale?: string;

  /** Forces the light or dark palette; without it the widget follows prefers-color-scheme. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  // What an <entitlement-provider> above gives; each re-renders the widget when it changes. Controllers rather than
  // @lit/context's decorators: the same protocol, and less code on every page.
  private readonly providedClient = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private readonly providedSession = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  private readonly providedLocale = new ContextConsumer(this, { context: localeContext, subscribe: true });

  /** Text for the polite live region: results that are not otherwise announced. */
  @state() protected announcement = '';

  private readonly dateFormats = new Map<string, Intl.DateTimeFormat>();

  /** Windowed lists by label: first rendered row, rows rendered, and the measured mean row height. */
  private readonly windows = new Map<string, { start: number; count: number; height: number }>();

  /** @internal The widget's own client, else the provider's. */
  get resolvedClient(): EntitlementClient | undefined {
    return this.client ?? this.providedClient.value;
  }

  /** @internal The store for the current client: the provider's when it serves this client, else the client's own. */
  get sessionStore(): SessionStore | undefined {
    const client = this.resolvedClient;
    if (!client) return undefined;
    const provided = this.providedSession.value;
    return provided?.client === client ? provided : SessionStore.for(client);
  }

  /** @internal The locale in use: the widget's, else the provider's, else the page's, else the browser's. */
  get resolvedLocale(): string {
    return resolveLocale(this.locale, this.providedLocale.value);
  }

  /** Code read on demand that this update shows (none by default); falsy entries are skipped. */
  protected needs(): (OnDemand<unknown> | false | undefined)[] {
    return [];
  }

  /**
   * Each update first waits for the catalogue of the current locale and for what needs() names (both read on
   * demand), so `updateComplete` covers them too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = [loadCatalogue(this.resolvedLocale), ...this.needs().map((part) => part && part.load())].filter(Boolean);
    return loading.length ? Promise.all(loading).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected get t(): Catalogue {
    return catalogueFor(this.resolvedLocale);
  }

  /** The language of the strings shown, for the `lang` attribute of the widget's root. */
  protected get stringsLanguage(): string {
    return languageOf(this.resolvedLocale);
  }

  protected msg(key: MessageKey, params: Record<string, string | number>): string {
    return format(this.t[key], params);
  }

  protected formatDate(value: string | Date | null | undefined, withTime = false): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    const key = `${this.resolvedLocale}|${withTime}`;
    let formatter = this.dateFormats.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(this.resolvedLocale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
      this.dateFormats.set(key, formatter);
    }
    return formatter.format(date);
  }

  /**
   * An ISO 8601 duration in words (P90D as "90 days", PT8H as "8 hours", P1DT12H as "1 day, 12 hours"), through
   * Intl in the widget's locale; the ISO text when it is not a plain duration.
   */
  protected formatDuration(iso: string | null | undefined): string {
    const match = iso ? /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso) : null;
    if (!iso || !match) return iso ?? '';
    const units = ['week', 'day', 'hour', 'minute', 'second'] as const;
    const parts = units.flatMap((unit, i) => {
      const n = Number(match[i + 1] ?? 0);
      return n ? [new Intl.NumberFormat(this.resolvedLocale, { style: 'unit', unit, unitDisplay: 'long' }).format(n)] : [];
    });
    if (parts.length === 0) return iso;
    return new Intl.ListFormat(this.resolvedLocale, { style: 'narrow', type: 'unit' }).format(parts);
  }

  /** Says `message` through the live region; clearing first makes a repeated message heard again. */
  protected async announce(message: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  protected reportError(error: unknown, operation: string): void {
    emit(this, 'widget-error', { error: toError(error), operation });
  }

  /** A sentence for a failure, by kind: the details (Graph's message, request id) are shown beneath it. */
  protected describeError(error: Error | undefined): string {
    const status = errorStatus(error);
    if (!status) return this.t.errorNetwork;
    if (status === 401) return this.t.errorUnauthorized;
    if (status === 403) return this.t.errorForbidden;
    if (status === 404) return this.t.errorNotFound;
    if (status === 429) return this.t.errorThrottled;
    if (status >= 500) return this.t.errorServer;
    return this.t.errorRejected;
  }

  /** Words for a request or assignment state (both enums share most members). */
  protected stateLabel(value: unknown): string {
    const key = typeof value === 'string' ? stateKeys[value] : undefined;
    return key ? this.t[key] : this.t.stateUnknown;
  }

  /** A badge tone for a state: done, failed or still moving. */
  protected stateTone(value: unknown): 'good' | 'bad' | 'wait' {
    if (value === 'delivered') return 'good';
    if (value === 'denied' || value === 'canceled' || value === 'deliveryFailed' || value === 'expired') return 'bad';
    return 'wait';
  }

  /** @internal Adds styles that code read on demand brings to this widget's shadow root, once, after the widget's own. */
  useStyles(style: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = style.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** A view from code read on demand: its template once read, else the failed read with a retry, else `loading`. */
  protected renderOnDemand<M, L = typeof nothing>(part: OnDemand<M>, view: (module: M) => TemplateResult, loading = nothing as L): TemplateResult | L {
    if (part.module) return view(part.module);
    return part.error ? this.renderError(part.error, () => this.requestUpdate()) : loading;
  }

  protected renderLiveRegion(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  protected renderNotConnected(): TemplateResult {
    return html`<div class="state info" part="empty"><p>${this.t.notConnected}</p></div>`;
  }

  protected renderLoading(label: string): TemplateResult {
    return html`<div class="state" part="loading"><p class="loading" role="status">${label}</p></div>`;
  }

  protected renderEmpty(message: string): TemplateResult {
    return html`<div class="state" part="empty"><p>${message}</p></div>`;
  }

  /** An error with what went wrong in words, Graph's own message and request id, and a retry button when trying again can help. */
  protected renderError(error: Error | undefined, retry: (() => void) | undefined, heading: string = this.t.loadFailed): TemplateResult {
    const requestId = errorRequestId(error);
    return html`<div class="state error" part="error" role="alert">
      <p><strong>${heading}</strong> ${this.describeError(error)}</p>
      ${error?.message ? html`<p class="error-detail">${error.message}</p>` : nothing}
      ${requestId ? html`<p class="error-detail">${this.msg('errorRequestId', { id: requestId })}</p>` : nothing}
      ${retry ? html`<button type="button" part="button retry-button" @click=${retry}>${this.t.retry}</button>` : nothing}
    </div>`;
  }

  /**
   * A list (from a PagedController or in memory): rows as given, virtualized when long (reading the next page as the end scrolls
   * into view), and a "Load more" button for keyboard and screen reader users either way.
   */
  protected renderList<T>(
    paged: ListSource<T>,
    options: { label: string; key: (item: T) => string; renderItem: (item: T, index: number) => TemplateResult },
  ): TemplateResult {
    const items = paged.items;
    const row = (item: T, index: number) =>
      html`<div role="listitem" aria-posinset=${index + 1} aria-setsize=${paged.hasMore ? -1 : items.length}>${options.renderItem(item, index)}</div>`;
    const win = this.windows.get(options.label) ?? { start: 0, count: VIRTUALIZE_FROM, height: 48 };
    this.windows.set(options.label, win);
    // Only the rows in view (plus overscan) are in the DOM; the scroller's ::before and ::after stand in for the rest, at
    // their mean height (set through the CSSOM, `style.cssText`, which a strict CSP without 'unsafe-inline' allows, unlike a style
    // attribute).
    const onScroll = (event: Event) => {
      const scroller = event.currentTarget as HTMLElement;
      const rows = scroller.querySelectorAll<HTMLElement>(':scope > [role=listitem]');
      let total = 0;
      rows.forEach((r) => (total += r.offsetHeight));
      if (total) win.height = total / rows.length;
      const start = Math.max(0, Math.floor(scroller.scrollTop / win.height) - OVERSCAN);
      const count = Math.min(100, Math.ceil(scroller.clientHeight / win.height) + 2 * OVERSCAN);
      if (start !== win.start || count !== win.count) {
        Object.assign(win, { start, count });
        this.requestUpdate();
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - win.height) paged.loadMore();
    };
    const start = Math.min(win.start, Math.max(0, items.length - win.count));
    const end = Math.min(items.length, start + win.count);
    return html`
      ${items.length >= VIRTUALIZE_FROM
        ? html`<div
            class="scroller"
            part="list"
            role="list"
            aria-label=${options.label}
            .style=${`--_before:${start * win.height}px;--_after:${(items.length - end) * win.height}px`}
            @scroll=${onScroll}
          >
            ${repeat(items.slice(start, end), options.key, (item, i) => row(item, start + i))}
          </div>`
        : html`<div class="list" part="list" role="list" aria-label=${options.label}>${items.map(row)}</div>`}
      ${paged.moreError ? this.renderError(paged.moreError, () => paged.retry(), this.t.loadMoreFailed) : nothing}
      ${paged.hasMore && !paged.moreError
        ? html`<div class="actions">
            <button type="button" part="button load-more-button" ?disabled=${paged.loadingMore} aria-busy=${paged.loadingMore ? 'true' : 'false'} @click=${() => paged.loadMore()}>
              ${paged.loadingMore ? this.t.loadingMore : this.t.loadMore}
            </button>
          </div>`
        : nothing}
    `;
  }
}
