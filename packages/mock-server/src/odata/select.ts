// `$select` lists, and trimming objects to them. Annotations (`@odata.*`) always survive, so a derived type keeps its
// `@odata.type`; expanded navigation properties survive too, as Graph returns them alongside the selection.
import { invalidOption } from './query-errors.ts';
import type { ExpandItem } from './query-types.ts';

const PROPERTY = /^[A-Za-z_]\w*$/;

/** Property names of a `$select` value; undefined for `*` (everything). */
export function parseSelect(text: string, option = '$select'): string[] | undefined {
  const names = text.split(',').map((name) => name.trim());
  if (names.length === 1 && names[0] === '*') return undefined;
  for (const name of names) {
    if (!PROPERTY.test(name)) throw invalidOption(option, `Invalid ${option}: '${name}' is not a property name.`);
  }
  return names;
}

export function selectFields<T extends object>(item: T, select: string[] | undefined, expand: ExpandItem[] = []): Partial<T> {
  // Nothing to trim: the item as it is (every caller hands over a copy of its own, and only serialises the result).
  if (!select && !expand.length) return item;
  const source = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const expanded = new Map(expand.map((node) => [node.property, node]));
  for (const [key, value] of Object.entries(source)) {
    const node = expanded.get(key);
    if (node) out[key] = shapeExpanded(value, node);
    else if (!select || select.includes(key) || key.startsWith('@odata.')) out[key] = value;
  }
  return out as Partial<T>;
}

function shapeExpanded(value: unknown, node: ExpandItem): unknown {
  if (!node.select && !node.expand) return value;
  const shape = (entry: unknown) =>
    entry !== null && typeof entry === 'object' ? selectFields(entry as object, node.select, node.expand) : entry;
  return Array.isArray(value) ? value.map(shape) : shape(value);
}
