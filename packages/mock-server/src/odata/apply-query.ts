// Runs a parsed query over an in-memory collection: filter -> search -> orderby -> count -> skip/skiptoken -> top
// -> expand -> select. Sorting is stable and the next page's offset travels in the nextLink, so following
// nextLinks over unchanged data visits every item exactly once.
import { matchesFilter } from './filter-evaluate.ts';
import type { CollectionResult, EntityQuery, ExpandItem, ODataQuery } from './query-types.ts';
import { matchesSearch } from './search.ts';
import { selectFields } from './select.ts';
import { encodeSkipToken } from './skip-token.ts';
import { readPath, sortOrder, type PathResolver } from './values.ts';

export const DEFAULT_PAGE_SIZE = 100;

export interface ShapeOptions<T> {
  /** Fills the navigation properties named by `$expand` (already checked against the rules). */
  expand?: (item: T, expand: ExpandItem[]) => T;
}

export interface ApplyOptions<T> extends ShapeOptions<T> {
  requestUrl: URL;
  defaultPageSize?: number;
  /** Reads a `/` property path for filter, search and orderby; plain object walking by default. */
  resolve?: PathResolver<T>;
}

/** `$expand` then `$select` on one entity. */
export function shapeEntity<T extends object>(item: T, query: EntityQuery, options: ShapeOptions<T> = {}): Partial<T> {
  let shaped = item;
  if (query.expand?.length) {
    // A rules list that allows an expansion its route cannot perform is a bug in the route, not in the request.
    if (!options.expand) throw new Error('$expand was allowed by the rules but the route gave no expand callback');
    shaped = options.expand(item, query.expand);
  }
  return selectFields(shaped, query.select, query.expand);
}

export function applyODataQuery<T extends object>(
  items: readonly T[],
  query: ODataQuery,
  options: ApplyOptions<T>,
): CollectionResult<T> {
  const resolve = options.resolve ?? readPath;
  let rows = items.filter(
    (item) =>
      (!query.filter || matchesFilter(item, query.filter, resolve)) &&
      (!query.search || matchesSearch(item, query.search, resolve)),
  );
  const orderBy = query.orderBy;
  if (orderBy?.length) {
    rows = [...rows].sort((a, b) => {
      for (const key of orderBy) {
        const order = sortOrder(resolve(a, key.path), resolve(b, key.path));
        if (order) return key.descending ? -order : order;
      }
      return 0;
    });
  }
  const pageSize = query.top ?? options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  return applyODataPage(rows.slice(query.offset, query.offset + pageSize), rows.length, query, options);
}

/**
 * The page a query asks for when the source already cut it (no filter, search or orderby: the offset and page
 * size of the query, out of `total` rows): only expand, select, the nextLink and the count are left to do.
 */
export function applyODataPage<T extends object>(page: readonly T[], total: number, query: ODataQuery, options: ApplyOptions<T>): CollectionResult<T> {
  const end = query.offset + page.length;
  const result: CollectionResult<T> = { value: page.map((item) => shapeEntity(item, query, options)) };
  if (page.length > 0 && end < total) result.nextLink = nextLink(options.requestUrl, end);
  if (query.count) result.count = total;
  return result;
}

// Edits the raw query string so every other option keeps the client's own encoding.
function nextLink(url: URL, offset: number): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => {
      if (!part) return false;
      const name = safeDecode(part.split('=')[0]).toLowerCase();
      return name !== '$skip' && name !== '$skiptoken';
    });
  kept.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return `${url.origin}${url.pathname}?${kept.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
