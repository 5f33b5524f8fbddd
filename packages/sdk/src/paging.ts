// Graph collections as lazy async iterables: nothing is fetched until someone iterates.
import type { Page, PagedList } from './api.ts';

/** The shape of every Graph collection body (BaseCollectionPaginationCountResponse & { value }). */
export interface CollectionBody<T> {
  value?: T[];
  '@odata.nextLink'?: string | null;
  '@odata.count'?: number | null;
}

/** Fetches the first page when given no link, else the page at that absolute @odata.nextLink. */
export type PageFetcher<T> = (nextLink: string | undefined) => Promise<CollectionBody<T>>;

export function pagedList<T>(fetchPage: PageFetcher<T>): PagedList<T> {
  async function* byPage(options: { continuationToken?: string } = {}): AsyncGenerator<Page<T>, void, undefined> {
    let link = options.continuationToken;
    do {
      const body = await fetchPage(link);
      const page: Page<T> = { value: body.value ?? [] };
      if (body['@odata.nextLink']) page.nextLink = body['@odata.nextLink'];
      if (typeof body['@odata.count'] === 'number') page.count = body['@odata.count'];
      yield page;
      link = page.nextLink;
    } while (link);
  }

  async function* items(): AsyncGenerator<T, void, undefined> {
    for await (const page of byPage()) yield* page.value;
  }

  return {
    byPage,
    [Symbol.asyncIterator]: items,
    async toArray() {
      const all: T[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}
