// OData query options as Graph reads them: comma-joined lists, `$` names, and values kept legible where URL syntax
// allows (`$expand=resourceRoleScopes($expand=role,scope)` rather than a wall of percent escapes).
import type { ListOptions } from './api.ts';

export interface ODataQuery {
  $top?: number;
  $search?: string;
  $filter?: string;
  $orderby?: string[];
  $count?: boolean;
  $expand?: string[];
  $select?: string[];
}

// Characters that mean nothing special inside a query value once `&`, `#` and `+` are escaped.
const LEGIBLE = /%(24|27|28|29|2C|2F|3A|3D|40)/gi;

export function serializeQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => {
      const text = Array.isArray(value) ? value.join(',') : String(value);
      return `${name}=${encodeURIComponent(text).replace(LEGIBLE, decodeURIComponent)}`;
    })
    .join('&');
}

/** The query options of a list call; `search` becomes Graph's quoted $search phrase. */
export function listQuery(options: ListOptions = {}, extra: Pick<ODataQuery, '$expand' | '$select'> = {}): ODataQuery {
  return {
    $top: options.top,
    $search: options.search === undefined ? undefined : quoted(options.search),
    $filter: options.filter,
    $orderby: options.orderBy === undefined ? undefined : [options.orderBy],
    $count: options.count || undefined,
    ...extra,
  };
}

/** `a and b` for the filters that are set. */
export function allOf(...filters: (string | undefined)[]): string | undefined {
  const set = filters.filter((f): f is string => !!f);
  return set.length ? set.map((f) => (set.length > 1 ? `(${f})` : f)).join(' and ') : undefined;
}

export function quoted(phrase: string): string {
  return `"${phrase.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Graph returns enum members declared after `unknownFutureValue` (e.g. on='targetManager') only to callers that ask
 * for them with this header; older members need nothing.
 */
export function preferUnknownEnumMembers<T extends string>(value: T, documented: readonly T[]): Record<string, string> {
  return documented.includes(value) ? {} : { prefer: 'include-unknown-enum-members' };
}
