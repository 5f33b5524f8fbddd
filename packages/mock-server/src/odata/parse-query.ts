// URL -> validated ODataQuery. Every `$` option is either understood or refused with 400: Graph never silently
// ignores a query option, so neither does the mock. Option names are case-insensitive; other parameters are
// left to the route.
import { parseExpand } from './expand-parser.ts';
import { filterPaths, parseFilter, renamePaths } from './filter-parser.ts';
import { invalidFilter, invalidOption, unsupportedOption } from './query-errors.ts';
import type { CollectionRules, EntityQuery, EntityRules, Expandable, ODataQuery, OrderKey } from './query-types.ts';
import { parseSearch } from './search.ts';
import { parseSelect } from './select.ts';
import { decodeSkipToken } from './skip-token.ts';

const DEFAULT_MAX_TOP = 999;
const COLLECTION_OPTIONS = ['$top', '$skip', '$skiptoken', '$count', '$select', '$expand', '$orderby', '$search', '$filter'];
// `$count` is accepted on an entity and has nothing to count: Microsoft's manager-chain example sends it to /me.
const ENTITY_OPTIONS = ['$select', '$expand', '$count'];

/** The `$` options of the URL, lower-cased names, each at most once, all among `allowed`. */
function systemOptions(url: URL, allowed: readonly string[], where: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const [rawName, value] of url.searchParams) {
    if (!rawName.startsWith('$')) continue;
    const name = rawName.toLowerCase();
    if (!allowed.includes(name)) {
      throw unsupportedOption(rawName, `The query option '${rawName}' is not supported on ${where}. Supported: ${allowed.join(', ')}.`);
    }
    if (options.has(name)) throw invalidOption(rawName, `The query option '${rawName}' is given more than once.`);
    options.set(name, value);
  }
  return options;
}

function nonNegativeInteger(option: string, text: string, max: number): number {
  if (!/^\d+$/.test(text)) throw invalidOption(option, `Invalid ${option}: '${text}' is not a non-negative integer.`);
  const value = Number(text);
  if (value > max) throw invalidOption(option, `Invalid ${option}: ${text} is out of range (0 to ${max}).`);
  return value;
}

function parseBoolean(option: string, text: string): boolean {
  const value = text.toLowerCase();
  if (value !== 'true' && value !== 'false') throw invalidOption(option, `Invalid ${option}: '${text}' is neither true nor false.`);
  return value === 'true';
}

function parseOrderBy(text: string, orderable: readonly string[]): OrderKey[] {
  return text.split(',').map((part) => {
    const match = /^\s*([A-Za-z_]\w*(?:\/[A-Za-z_]\w*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw invalidOption('$orderby', `Invalid $orderby: '${part.trim()}' is not 'property [asc|desc]'.`);
    if (!orderable.includes(match[1])) {
      const allowed = orderable.length ? `Orderable here: ${orderable.join(', ')}.` : 'Nothing is orderable here.';
      throw invalidOption('$orderby', `Invalid $orderby: '${match[1]}' cannot be ordered by. ${allowed}`);
    }
    return { path: match[1], descending: match[2]?.toLowerCase() === 'desc' };
  });
}

function parseShape(options: Map<string, string>, expandable: Expandable): EntityQuery {
  const query: EntityQuery = {};
  const select = options.get('$select');
  if (select !== undefined) query.select = parseSelect(select);
  const expand = options.get('$expand');
  if (expand !== undefined) query.expand = parseExpand(expand, expandable);
  return query;
}

export function parseODataQuery(url: URL, rules: CollectionRules): ODataQuery {
  const options = systemOptions(url, COLLECTION_OPTIONS, 'this collection');
  const query: ODataQuery = { ...parseShape(options, rules.expandable ?? []), count: false, offset: 0 };
  const get = (name: string) => options.get(name);

  const top = get('$top');
  if (top !== undefined) query.top = nonNegativeInteger('$top', top, rules.maxTop ?? DEFAULT_MAX_TOP);
  const skip = get('$skip');
  if (skip !== undefined) query.offset += nonNegativeInteger('$skip', skip, Number.MAX_SAFE_INTEGER);
  const skipToken = get('$skiptoken');
  if (skipToken !== undefined) query.offset += decodeSkipToken(skipToken);
  const count = get('$count');
  if (count !== undefined) query.count = parseBoolean('$count', count);
  const orderBy = get('$orderby');
  if (orderBy !== undefined) query.orderBy = parseOrderBy(orderBy, rules.orderable ?? []);
  const search = get('$search');
  if (search !== undefined) query.search = parseSearch(search, rules.searchable ?? ['displayName']);

  const filter = get('$filter');
  if (filter !== undefined) {
    // Graph matches property names case-insensitively: its own docs filter on `target/objectid`.
    const spelled = (path: string) => rules.filterable.find((known) => known.toLowerCase() === path.toLowerCase()) ?? path;
    query.filter = renamePaths(parseFilter(filter), spelled);
    for (const path of filterPaths(query.filter)) {
      if (!rules.filterable.includes(path)) {
        const allowed = rules.filterable.length ? `Filterable here: ${rules.filterable.join(', ')}.` : 'Nothing is filterable here.';
        throw invalidFilter(`Invalid $filter: '${path}' cannot be filtered on. ${allowed}`);
      }
    }
  }
  return query;
}

/** For a single entity: `$select` and `$expand` (and a `$count` that changes nothing). */
export function parseEntityQuery(url: URL, rules: EntityRules = {}): EntityQuery {
  const options = systemOptions(url, ENTITY_OPTIONS, 'a single entity');
  const count = options.get('$count');
  if (count !== undefined) parseBoolean('$count', count);
  return parseShape(options, rules.expandable ?? []);
}
