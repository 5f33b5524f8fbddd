// What Graph's OData layer refuses before any rule runs, checked against the property table generated from
// packages/sdk/openapi.yaml: a body property whose value has the wrong JSON type (a number for a string, a string
// for an array, a value outside an enum, a date-time that is not one) and a `$select` naming a property the type
// does not have. Both are 400s in Graph; without these checks the mock silently ignored them (and, for bodies,
// answered 2xx and changed state). Properties the type does not declare are refused (unknown-properties.ts), and null always
// passes here (whether a property may be cleared is a rule of the domain).
import { badRequest } from '../core/errors.ts';
import { own } from '../core/own-keys.ts';
import { instantMs } from '../core/time.ts';
import { GRAPH_PROPERTIES, type PropertyKind } from '../generated/graph-properties.ts';
import { invalidOption } from '../odata/query-errors.ts';
import { checkKnownProperties, typeOfObject } from './unknown-properties.ts';

function fits(kind: PropertyKind, value: unknown): boolean {
  if (value === null) return true;
  if (typeof kind === 'object') return typeof value === 'string' && kind.enum.includes(value);
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'date-time':
      return instantMs(value) !== undefined;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}

const describeKind = (kind: PropertyKind) => (typeof kind === 'object' ? `one of ${kind.enum.join(', ')}` : `a JSON ${kind}`);

/**
 * Throws 400 for a property the body's types do not declare (at any depth), then 400 InvalidProperty for the first
 * top-level property whose value does not fit its declared type.
 */
export function checkBodyTypes(declared: string, body: Record<string, unknown>): void {
  checkKnownProperties(declared, body);
  const type = typeOfObject(declared, body);
  const properties = own(GRAPH_PROPERTIES, type);
  if (!properties) throw new Error(`No Graph type '${type}' in the generated property table`);
  for (const [name, value] of Object.entries(body)) {
    const kind = own(properties, name);
    if (kind && !fits(kind, value)) {
      throw badRequest('InvalidProperty', `Cannot read the value of '${name}' as ${describeKind(kind)} (${type}.${name}).`, name);
    }
  }
}

/** Throws 400 for a `$select` name that none of the types (an entity type, or the members of a mixed collection) has. */
export function checkSelect(select: readonly string[] | undefined, types: string | readonly string[]): void {
  if (!select) return;
  const list = typeof types === 'string' ? [types] : types;
  for (const name of select) {
    if (!list.some((type) => own(own(GRAPH_PROPERTIES, type) ?? {}, name) !== undefined)) {
      throw invalidOption('$select', `Could not find a property named '${name}' on type 'microsoft.graph.${list[0]}'.`);
    }
  }
}
