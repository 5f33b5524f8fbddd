// How OData reads and compares property values: `/` paths into nested objects, case-insensitive strings (as Graph's
// directory does), instants compared as instants whatever their textual form.
import { own } from '../core/own-keys.ts';
import type { FilterLiteral } from './query-types.ts';

export type PathResolver<T> = (item: T, path: string) => unknown;

export function readPath(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const segment of path.split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = own(value as Record<string, unknown>, segment);
  }
  return value;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function asInstant(value: string): number | undefined {
  return INSTANT.test(value) ? Date.parse(value) : undefined;
}

export function valuesEqual(value: unknown, literal: FilterLiteral): boolean {
  if (literal === null) return value === null || value === undefined;
  if (typeof literal === 'string' && typeof value === 'string') {
    const [a, b] = [asInstant(value), asInstant(literal)];
    if (a !== undefined && b !== undefined) return a === b;
    return value.toLowerCase() === literal.toLowerCase();
  }
  return value === literal;
}

/** Ordering of two values; undefined when they are not comparable (a comparison operator is then false). */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [asInstant(a), asInstant(b)];
    if (x !== undefined && y !== undefined) return Math.sign(x - y);
    const [p, q] = [a.toLowerCase(), b.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return undefined;
}

const TYPE_RANK: Record<string, number> = { boolean: 1, number: 2, string: 3, object: 4 };

/** Total order for `$orderby`: null and missing first (as OData sorts them), then by type, then by value. */
export function sortOrder(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? -1 : 1;
  return compareValues(a, b) ?? (TYPE_RANK[typeof a] ?? 5) - (TYPE_RANK[typeof b] ?? 5);
}
