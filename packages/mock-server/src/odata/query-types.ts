// The parsed form of a request's OData system query options, and the per-collection rules that bound them.

/** What a collection supports. Property paths use `/` like OData (`accessPackage/id`, `target/objectId`). */
export interface CollectionRules {
  filterable: string[];
  /** Properties `$orderby` may name; none when absent. */
  orderable?: string[];
  /** Properties `$search` looks in; `['displayName']` when absent. */
  searchable?: string[];
  /**
   * Navigation properties `$expand` may name; nested ones as paths (`resourceRoleScopes/role`). `'checked-later'`
   * parses any well-formed `$expand` and leaves the check to the domain, which knows every type's navigations.
   */
  expandable?: Expandable;
  /** Largest `$top` accepted; 999 (Graph's usual ceiling) when absent. */
  maxTop?: number;
}

/** What a single entity (`GET .../{id}`) supports: only `$select` and `$expand`. */
export interface EntityRules {
  expandable?: Expandable;
}

export type Expandable = readonly string[] | 'checked-later';

export type FilterLiteral = string | number | boolean | null;
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunction = 'startswith' | 'endswith' | 'contains';

export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; operator: ComparisonOperator; path: string; value: FilterLiteral }
  | { kind: 'function'; name: StringFunction; path: string; value: string }
  | { kind: 'in'; path: string; values: FilterLiteral[] };

/** One node of an `$expand` tree, e.g. `resourceRoleScopes($expand=role,scope)`. */
export interface ExpandItem {
  property: string;
  select?: string[];
  expand?: ExpandItem[];
  /**
   * `$levels` as written (1 to 1000, or max): the same expansion again inside each expanded object, as a manager
   * chain. After parsing, the levels are already laid out in `expand` (for max, the node names itself: the data ends
   * the recursion, since no directory object is its own manager).
   */
  levels?: number | 'max';
}

export interface OrderKey {
  path: string;
  descending: boolean;
}

export interface SearchQuery {
  /** Lower-cased words; an item matches when every word starts a word of one of `properties`. */
  words: string[];
  properties: string[];
}

export interface EntityQuery {
  select?: string[];
  expand?: ExpandItem[];
}

export interface ODataQuery extends EntityQuery {
  filter?: FilterExpression;
  search?: SearchQuery;
  orderBy?: OrderKey[];
  count: boolean;
  /** `$skip` plus the offset carried by `$skiptoken`. */
  offset: number;
  /** Page size asked for with `$top`. */
  top?: number;
}

export interface CollectionResult<T> {
  value: Partial<T>[];
  nextLink?: string;
  count?: number;
}
