// What a view read on demand (the request form and history, an approval's details, the team dialogs) may use of the
// widget it renders in: the EkElement members every widget has, protected ones included, since a view is part of
// its widget and reaches it through a cast. Each view's host interface adds the members of its own widget.
import type { CSSResult, TemplateResult } from 'lit';
import type { ListSource } from '../controllers/paged-controller.ts';
import type { SessionStore } from '../controllers/session-store.ts';
import type { Catalogue, MessageKey } from '../i18n/index.ts';
import type { EntitlementClient } from './sdk.ts';

export interface ViewHost extends HTMLElement {
  readonly t: Catalogue;
  readonly resolvedLocale: string;
  readonly resolvedClient: EntitlementClient | undefined;
  readonly sessionStore: SessionStore | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  readonly theme?: 'light' | 'dark';
  useStyles(style: CSSResult): void;
  requestUpdate(): void;
  msg(key: MessageKey, params: Record<string, string | number>): string;
  formatDate(value: string | Date | null | undefined, withTime?: boolean): string;
  formatDuration(iso: string | null | undefined): string;
  stateLabel(value: unknown): string;
  stateTone(value: unknown): 'good' | 'bad' | 'wait';
  announce(message: string): Promise<void>;
  reportError(error: unknown, operation: string): void;
  renderLoading(label: string): TemplateResult;
  renderEmpty(message: string): TemplateResult;
  renderError(error: Error | undefined, retry: (() => void) | undefined, heading?: string): TemplateResult;
  renderList<T>(paged: ListSource<T>, options: { label: string; key: (item: T) => string; renderItem: (item: T, index: number) => TemplateResult }): TemplateResult;
}
