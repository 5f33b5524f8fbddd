// $expand as the engine takes it: a tree of navigation property names, e.g. `$expand=assignment($expand=target),
// requestor` arrives as { assignment: { target: true }, requestor: true }. The OData adapter parses; the engine
// knows which navigation properties each type has and refuses others with 400, as Graph does.
import { badRequest } from './errors.ts';

export type Expand = { readonly [navigation: string]: Expand | true };

/** The expansion asked for under one navigation property, or undefined when it is not expanded. */
export function under(expand: Expand | undefined, navigation: string): Expand | undefined {
  const value = expand?.[navigation];
  return value === true ? {} : value;
}

export function checkExpand(expand: Expand | undefined, typeName: string, navigations: readonly string[]): void {
  for (const name of Object.keys(expand ?? {})) {
    if (!navigations.includes(name)) {
      throw badRequest('BadRequest', `Could not find a navigation property named '${name}' on type 'microsoft.graph.${typeName}'.`, '$expand');
    }
  }
}

interface ExpandNode {
  readonly property: string;
  readonly expand?: readonly ExpandNode[];
}

/**
 * From the list form the OData layer parses (`{ property, expand? }[]`) to the engine's tree. A node that names
 * itself (`manager($levels=max)`) becomes a tree that names itself: projections follow the data, which ends.
 */
export function expandTree(items: readonly ExpandNode[] | undefined, made = new Map<readonly ExpandNode[], Expand>()): Expand | undefined {
  if (!items?.length) return undefined;
  const known = made.get(items);
  if (known) return known;
  const tree: Record<string, Expand | true> = {};
  made.set(items, tree);
  // Defined, not assigned: a property named `__proto__` must become a key (and be refused), not the prototype.
  for (const item of items) Object.defineProperty(tree, item.property, { value: expandTree(item.expand, made) ?? true, enumerable: true, writable: true, configurable: true });
  return tree;
}
