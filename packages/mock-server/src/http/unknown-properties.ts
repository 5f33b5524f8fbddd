// Graph's OData layer refuses a body property its type does not declare ("The property 'x' does not exist on type
// ..."), at any depth; the mock used to ignore such properties, so a beta-shaped policy PUT (`requestorSettings:
// { scopeType, acceptRequests }`) answered 200 and silently reset the policy's v1.0 requestor settings. The allowed
// names are the generated tables of packages/sdk/openapi.yaml. Annotations (`@odata.type`, `x@odata.bind`) are not
// properties and always pass; an object naming a known derived type in `@odata.type` is read as that type.
import { badRequest } from '../core/errors.ts';
import { own } from '../core/own-keys.ts';
import { GRAPH_PROPERTIES, GRAPH_PROPERTY_TARGETS } from '../generated/graph-properties.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The type an object is read as: its own `@odata.type` when that names a known type (a derived one), else `declared`. */
export function typeOfObject(declared: string, value: Record<string, unknown>): string {
  const named = typeof value['@odata.type'] === 'string' ? value['@odata.type'].replace(/^#?microsoft\.graph\./, '') : undefined;
  return named && own(GRAPH_PROPERTIES, named) ? named : declared;
}

/** Throws 400 BadRequest naming the first property (by its path) that the body's types do not declare. */
export function checkKnownProperties(declared: string, body: Record<string, unknown>, at = ''): void {
  const type = typeOfObject(declared, body);
  const properties = own(GRAPH_PROPERTIES, type) ?? {};
  const targets = own(GRAPH_PROPERTY_TARGETS, type) ?? {};
  for (const [name, value] of Object.entries(body)) {
    if (name.includes('@')) continue;
    const path = at ? `${at}.${name}` : name;
    if (own(properties, name) === undefined) {
      throw badRequest(
        'BadRequest',
        `The property '${name}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`,
        path,
      );
    }
    const target = own(targets, name);
    if (!target) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (isObject(item)) checkKnownProperties(target, item, path);
  }
}
