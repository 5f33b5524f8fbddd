import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The WAI-ARIA tabs pattern: one tab stop for the tablist (roving tabindex), arrow keys move and select
 * (mirrored in right-to-left layouts), Home and End jump to the ends.
 */
export class TabsController<K extends string> implements ReactiveController {
  selected: K;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly keys: readonly K[],
    private readonly onSelect?: (key: K) => void,
  ) {
    this.selected = keys[0];
    host.addController(this);
  }

  hostConnected(): void {}

  tabId(key: K): string {
    return `tab-${key}`;
  }

  panelId(key: K): string {
    return `panel-${key}`;
  }

  select(key: K, focus = false): void {
    if (key !== this.selected) {
      this.selected = key;
      this.onSelect?.(key);
      this.host.requestUpdate();
    }
    if (focus) void this.focusTab(key);
  }

  render(label: string, labels: Record<K, string>): TemplateResult {
    return html`<div role="tablist" part="tabs" class="tabs" aria-label=${label} @keydown=${this.onKeyDown}>
      ${this.keys.map(
        (key) =>
          html`<button
            type="button"
            role="tab"
            part="tab"
            class="tab"
            id=${this.tabId(key)}
            aria-selected=${key === this.selected ? 'true' : 'false'}
            aria-controls=${this.panelId(key)}
            tabindex=${key === this.selected ? 0 : -1}
            @click=${() => this.select(key)}
          >
            ${labels[key]}
          </button>`,
      )}
    </div>`;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const index = this.keys.indexOf(this.selected);
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + this.keys.length) % this.keys.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.keys.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.select(this.keys[next], true);
  };

  /**
   * Focuses the tab at once (the tab buttons are always rendered), and again once the update is done: the update may
   * wait for a panel's code read on demand (EkElement.needs), and focus should not wait with it.
   */
  private async focusTab(key: K): Promise<void> {
    const focus = () => this.host.shadowRoot?.getElementById(this.tabId(key))?.focus();
    focus();
    await this.host.updateComplete;
    focus();
  }
}
