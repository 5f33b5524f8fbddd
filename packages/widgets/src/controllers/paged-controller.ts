import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.ts';
import { isAbortError, toError } from '../internal/errors.ts';
import type { Page, PagedList } from '../internal/sdk.ts';
import type { LoadStatus } from './session-store.ts';
import { sameArgs } from './args.ts';

export interface PagedOptions<T, A extends readonly unknown[]> {
  /** The inputs; undefined while they are incomplete. */
  args: () => A | undefined;
  /**
   * The Graph collections to show as one list. Several sources are merged (the request history reads the caller's
   * requests as target and as creator); each pages on through its own @odata.nextLink.
   */
  lists: (args: A, signal: AbortSignal) => PagedList<T> | PagedList<T>[];
  /** Identity of an item, to drop duplicates across sources and pages. */
  key: (item: T) => string;
  /** Order of the merged list; without it, items stay in arrival order. */
  compare?: (a: T, b: T) => number;
  /** Named in `widget-error`. */
  operation: string;
}

/** What a rendered list needs from its data: PagedController, or a list already in memory. */
export interface ListSource<T> {
  readonly items: T[];
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly moreError?: Error;
  loadMore(): void;
  retry(): void;
}

/** A list already in memory, for the same rendering. */
export function staticList<T>(items: T[]): ListSource<T> {
  return { items, hasMore: false, loadingMore: false, loadMore() {}, retry() {} };
}

/** The same list showing only the items `keep` accepts (paging still reads the whole collection). */
export function filteredList<T>(source: ListSource<T>, keep: (item: T) => boolean): ListSource<T> {
  return {
    items: source.items.filter(keep),
    hasMore: source.hasMore,
    loadingMore: source.loadingMore,
    moreError: source.moreError,
    loadMore: () => source.loadMore(),
    retry: () => source.retry(),
  };
}

/** Where a source is: not read yet, read up to a nextLink, or read to the end. */
type Cursor = { state: 'start' } | { state: 'next'; link: string } | { state: 'end' };

/**
 * A long Graph collection read page by page: the first page when the inputs change, the next one on `loadMore()`
 * (scroll end or a "Load more" button). A failed page keeps what was read and can be retried.
 */
export class PagedController<T, A extends readonly unknown[]> implements ReactiveController, ListSource<T> {
  items: T[] = [];
  status: LoadStatus = 'idle';
  /** Failure of the first page: the list has nothing to show. */
  error?: Error;
  loadingMore = false;
  /** Failure of a later page: the items read so far stay. */
  moreError?: Error;

  private args?: A;
  private cursors: Cursor[] = [];
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PagedOptions<T, A>,
  ) {
    host.addController(this);
  }

  get hasMore(): boolean {
    return this.cursors.some((c) => c.state === 'next');
  }

  get busy(): boolean {
    return this.status === 'loading' || this.loadingMore;
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (sameArgs(args, this.args)) return;
    this.args = args;
    this.reload();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.args = undefined;
    this.status = 'idle';
    this.loadingMore = false;
  }

  hostConnected(): void {
    if (this.status === 'idle') this.host.requestUpdate();
  }

  /** Starts again from the first page. */
  reload(): void {
    this.abort?.abort();
    this.items = [];
    this.cursors = [];
    this.error = undefined;
    this.moreError = undefined;
    this.loadingMore = false;
    if (!this.args) {
      this.status = 'idle';
      return;
    }
    this.abort = new AbortController();
    void this.fetch(this.args, this.abort.signal, true);
  }

  loadMore(): void {
    if (!this.args || !this.abort || this.busy || !this.hasMore || this.status !== 'ready') return;
    void this.fetch(this.args, this.abort.signal, false);
  }

  /** Retries whichever read failed. */
  retry(): void {
    if (this.status === 'error') this.reload();
    else this.loadMore();
  }

  /** Puts a changed item in place (or first, when new). */
  upsert(item: T): void {
    const key = this.options.key(item);
    const index = this.items.findIndex((i) => this.options.key(i) === key);
    this.items = index < 0 ? this.sort([item, ...this.items]) : this.items.map((old, i) => (i === index ? item : old));
    this.host.requestUpdate();
  }

  remove(key: string): void {
    this.items = this.items.filter((i) => this.options.key(i) !== key);
    this.host.requestUpdate();
  }

  private sort(items: T[]): T[] {
    return this.options.compare ? items.sort(this.options.compare) : items;
  }

  private async fetch(args: A, signal: AbortSignal, first: boolean): Promise<void> {
    if (first) this.status = 'loading';
    else this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const lists = [this.options.lists(args, signal)].flat();
      if (first) this.cursors = lists.map(() => ({ state: 'start' }));
      const pages = await Promise.all(lists.map((list, i) => this.readPage(list, this.cursors[i])));
      if (signal.aborted) return;
      this.cursors = pages.map((page, i) =>
        page ? (page.nextLink ? { state: 'next', link: page.nextLink } : { state: 'end' }) : this.cursors[i],
      );
      const merged = new Map(this.items.map((item) => [this.options.key(item), item]));
      for (const page of pages) for (const item of page?.value ?? []) merged.set(this.options.key(item), item);
      this.items = this.sort([...merged.values()]);
      this.status = 'ready';
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const failure = toError(error);
      if (first) {
        this.status = 'error';
        this.error = failure;
      } else {
        this.moreError = failure;
      }
      emit(this.host, 'widget-error', { error: failure, operation: this.options.operation });
    } finally {
      if (!signal.aborted) {
        this.loadingMore = false;
        this.host.requestUpdate();
      }
    }
  }

  private async readPage(list: PagedList<T>, cursor: Cursor | undefined): Promise<Page<T> | undefined> {
    if (!cursor || cursor.state === 'end') return undefined;
    const pages = list.byPage(cursor.state === 'next' ? { continuationToken: cursor.link } : undefined);
    try {
      const { value, done } = await pages.next();
      return done ? { value: [] } : value;
    } finally {
      void pages.return?.();
    }
  }
}
