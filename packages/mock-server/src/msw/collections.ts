// Turns the engine's answers into Graph responses with the OData options applied. The engine owns navigation
// properties ($expand is checked and filled there); this layer filters, searches, orders, pages and selects.
// A $filter, $orderby or $search over a navigation property (`accessPackage/id`) needs that property filled even
// when the client did not expand it, so it is fetched expanded and stripped again before the response.
import { expandTree, type Expand } from '../core/expand.ts';
import { collection, json, type Reply } from '../http/reply.ts';
import type { RouteContext } from '../http/route-table.ts';
import type { ListWindow } from '../core/engine.ts';
import { applyODataPage, applyODataQuery, DEFAULT_PAGE_SIZE } from '../odata/apply-query.ts';
import { parseEntityQuery, parseODataQuery, readPath, shapeEntity } from '../odata/index.ts';
import { filterPaths } from '../odata/filter-parser.ts';
import type { CollectionRules, ODataQuery } from '../odata/index.ts';
import { checkSelect } from '../http/graph-types.ts';
import { unsupportedOption } from '../odata/query-errors.ts';

/** The items; with a window, only that slice (setting `window.total`), when the source can cut it. */
export type Fetch<T> = (expand: Expand | undefined, window?: ListWindow) => T[];

export interface CollectionRoute<T> {
  /** What the collection supports; `$expand` is left to the engine unless `expandable` is given. */
  rules: Omit<CollectionRules, 'expandable'> & { expandable?: string[] };
  /** The `@odata.context` fragment after `$metadata#`, e.g. `users` or `Collection(microsoft.graph.accessPackage)`. */
  context: string;
  /**
   * The Graph type of the items, for checking `$select`: one type when it is the collection's declared type (Graph
   * then leaves out each item's `@odata.type`), a list when the declared type is a base type (directoryObject) and
   * items name their own type.
   */
  type: string | readonly string[];
  /** Extra searchable values that are not properties (a package's resource names). */
  searchText?: (item: T) => string;
  /** The navigation that `searchText` reads (fetched for a $search, like a filter's navigation). */
  searchNeeds?: Expand;
  pageSize?: number;
}

const SEARCH_EXTRA = '__search';

function navigationsUsed(query: ODataQuery): string[] {
  const paths = [...(query.filter ? filterPaths(query.filter) : []), ...(query.orderBy ?? []).map((key) => key.path)];
  return [...new Set(paths.filter((p) => p.includes('/')).map((p) => p.split('/')[0]))];
}

function strip<T extends object>(item: T, navigations: string[]): T {
  if (!navigations.length) return item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const name of navigations) delete copy[name];
  return copy as T;
}

export function serveCollection<T extends object>(ctx: RouteContext, route: CollectionRoute<T>, fetch: Fetch<T>): Reply {
  const searchable = route.searchText ? [...(route.rules.searchable ?? ['displayName']), SEARCH_EXTRA] : route.rules.searchable;
  const query = parseODataQuery(ctx.url, { ...route.rules, searchable, expandable: route.rules.expandable ?? 'checked-later' });
  checkSelect(query.select, route.type);
  const requested = expandTree(query.expand);
  const extra: Record<string, Expand | true> = {};
  for (const nav of navigationsUsed(query)) if (!requested?.[nav]) extra[nav] = true;
  if (query.search && route.searchNeeds) for (const [nav, sub] of Object.entries(route.searchNeeds)) if (!requested?.[nav]) extra[nav] = sub;
  const added = Object.keys(extra);
  // Without a filter, search or order the page is a slice of the list as the engine keeps it: only that slice is
  // projected and copied.
  const window: ListWindow | undefined =
    query.filter || query.search || query.orderBy?.length
      ? undefined
      : { offset: query.offset, limit: query.top ?? route.pageSize ?? DEFAULT_PAGE_SIZE };
  const items = fetch(added.length || requested ? { ...extra, ...requested } : undefined, window);

  const resolve = (item: T, path: string): unknown =>
    path === SEARCH_EXTRA && route.searchText ? route.searchText(item) : readPath(item, path);
  const options = {
    requestUrl: ctx.url,
    resolve,
    defaultPageSize: route.pageSize,
    // The engine already filled the expansions; here they are only trimmed by their nested $select.
    expand: (item: T) => strip(item, added),
  };
  const result = window?.total === undefined ? applyODataQuery(items, query, options) : applyODataPage(items, window.total, query, options);
  if (added.length && !query.expand?.length) result.value = result.value.map((item) => strip(item as T, added));
  result.value = result.value.map((item) => unannotated(item, route.type));
  return collection(result, `${ctx.versionUrl}/$metadata#${route.context}`);
}

/**
 * Graph annotates an item with `@odata.type` only where its type is not the declared one (a user among
 * directoryObjects, a derived extension type); the engine's objects always carry it.
 */
function unannotated<T extends object>(item: T, declared: string | readonly string[]): T {
  if (typeof declared !== 'string' || (item as { '@odata.type'?: unknown })['@odata.type'] !== `#microsoft.graph.${declared}`) return item;
  const { ['@odata.type']: _, ...rest } = item as Record<string, unknown>;
  return rest as T;
}

/**
 * One entity: `$select` (checked against the type) and `$expand` (the engine checks and fills it). `type` as in
 * CollectionRoute: a list where the declared type is a base type (a user's manager is a directoryObject).
 */
export function serveEntity<T extends object>(
  ctx: RouteContext,
  type: string | readonly string[],
  fetch: (expand: Expand | undefined) => T,
  expandable?: string[],
): Reply {
  const query = parseEntityQuery(ctx.url, { expandable: expandable ?? 'checked-later' });
  checkSelect(query.select, type);
  const entity = fetch(expandTree(query.expand));
  return json(unannotated(shapeEntity(entity, query, { expand: (filled) => filled }), type));
}

/**
 * `GET {collection}/$count`: how many items the collection has after `$filter`/`$search`, as Graph answers it, a bare
 * number in text/plain.
 */
export function serveCount<T extends object>(ctx: RouteContext, route: CollectionRoute<T>, fetch: Fetch<T>): Reply {
  const query = parseODataQuery(ctx.url, { ...route.rules, expandable: [] });
  for (const option of ['$top', '$skip', '$orderby', '$select', '$expand', '$count', '$skiptoken']) {
    if (ctx.url.searchParams.has(option)) throw unsupportedOption(option, `The query option '${option}' is not supported on $count. Supported: $filter, $search.`);
  }
  const extra: Record<string, true> = {};
  for (const nav of navigationsUsed(query)) extra[nav] = true;
  const items = fetch(Object.keys(extra).length ? extra : undefined);
  const counted = applyODataQuery(items, { ...query, count: true, top: Number.MAX_SAFE_INTEGER }, { requestUrl: ctx.url, resolve: readPath });
  return { status: 200, headers: { 'content-type': 'text/plain' }, text: String(counted.count ?? counted.value.length) };
}
