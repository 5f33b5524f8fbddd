// OpenAPI 3.0 schemas (as Graph's metadata writes them) -> strict JSON Schema for ajv. What changes and why:
// - `nullable: true` becomes a `null` type; `anyOf [$ref, {type: object, nullable: true}]` (Graph's "nullable
//   reference") becomes `anyOf [$ref, null]`, otherwise any object at all would pass the second branch.
// - Object schemas are flattened through their `allOf` bases and closed (additionalProperties: false), so an
//   invented property fails. Only OData control annotations (`@odata.context`, `@odata.etag`) may be added.
// - A reference to a type that has derived types (`subjectSet`, `directoryObject`, ...) picks the concrete type
//   named by `@odata.type`: absent or the declared type's own name -> the declared type, closed; a derived type's
//   name -> that type, closed; any other name fails. Families come from `allOf` inheritance, not from the
//   `discriminator` blocks, which the metadata sometimes nests inside `allOf`.
// - `@odata.type` is dropped from `required` (Graph omits it for the declared type; graph/NOTES.md).
type Schema = Record<string, any>;

const COMPONENT_PREFIX = '#/components/schemas/';
const KEPT_KEYWORDS = new Set([
  'type', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'items', 'properties', 'required',
  'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', '$ref', 'nullable',
]);
const ANNOTATIONS = { '^@odata\\.(context|etag)$': {} };

const componentName = (ref: string) => (ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : undefined);
const odataTypeOf = (name: string) => `#${name}`;

export class SpecSchemas {
  readonly definitions: Record<string, Schema> = {};
  private readonly components: Record<string, Schema>;
  private readonly children = new Map<string, string[]>();

  constructor(
    spec: Schema,
    private readonly id: string,
  ) {
    this.components = spec.components?.schemas ?? {};
    for (const [name, schema] of Object.entries(this.components)) {
      for (const part of schema.allOf ?? []) {
        const base = part.$ref && componentName(part.$ref);
        if (base) this.children.set(base, [...(this.children.get(base) ?? []), name]);
      }
    }
    for (const name of Object.keys(this.components)) {
      this.definitions[`type:${name}`] = this.concrete(name);
      const family = this.descendants(name);
      if (family.length) this.definitions[`poly:${name}`] = this.polymorphic(name, family);
    }
  }

  /** A `$ref` to use from any schema handed to ajv. */
  refTo(name: string): Schema {
    const kind = this.descendants(name).length ? 'poly' : 'type';
    return { $ref: `${this.id}#/definitions/${encodeURIComponent(`${kind}:${name}`)}` };
  }

  /** Converts any schema of the spec (an operation's response schema, a component, a fragment). */
  convert(schema: Schema): Schema {
    if (schema.$ref) {
      const name = componentName(schema.$ref);
      if (!name || !this.components[name]) throw new Error(`Unresolvable $ref ${schema.$ref}`);
      return this.refTo(name);
    }
    if (schema.allOf) return this.closedObject(this.flatten(schema));
    const out: Schema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (!KEPT_KEYWORDS.has(key) || key === 'nullable') continue;
      if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Schema).map(([p, s]) => [p, this.convert(s)]));
      else if (key === 'items' || key === 'not') out[key] = this.convert(value);
      else if (key === 'additionalProperties') out[key] = typeof value === 'object' ? this.convert(value) : value;
      else if (key === 'anyOf' || key === 'oneOf') out[key] = (value as Schema[]).map((s) => (isNullablePlaceholder(s) ? { type: 'null' } : this.convert(s)));
      else if (key === 'required') out.required = (value as string[]).filter((p) => p !== '@odata.type');
      else out[key] = value;
    }
    if (out.properties && out.type === 'object' && !('additionalProperties' in out)) {
      out.additionalProperties = false;
      out.patternProperties = ANNOTATIONS;
    }
    if (schema.nullable) {
      if (typeof out.type === 'string') {
        out.type = [out.type, 'null'];
        if (out.enum) out.enum = [...out.enum, null];
      } else return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  }

  private descendants(name: string): string[] {
    return (this.children.get(name) ?? []).flatMap((child) => [child, ...this.descendants(child)]);
  }

  /** Properties and required names of a schema with all its `allOf` parts and bases merged. */
  private flatten(schema: Schema): { properties: Record<string, Schema>; required: string[] } {
    if (schema.$ref) {
      const name = componentName(schema.$ref);
      if (!name || !this.components[name]) throw new Error(`Unresolvable $ref ${schema.$ref}`);
      return this.flatten(this.components[name]);
    }
    const merged = { properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
    for (const part of schema.allOf ?? []) {
      const inner = this.flatten(part);
      Object.assign(merged.properties, inner.properties);
      merged.required.push(...inner.required);
    }
    return merged;
  }

  private closedObject(flat: { properties: Record<string, Schema>; required: string[] }, odataType?: string): Schema {
    const properties = Object.fromEntries(Object.entries(flat.properties).map(([p, s]) => [p, this.convert(s)]));
    if (odataType && properties['@odata.type']) properties['@odata.type'] = { type: 'string', const: odataType };
    const required = [...new Set(flat.required)].filter((p) => p !== '@odata.type');
    return {
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
      additionalProperties: false,
      patternProperties: ANNOTATIONS,
    };
  }

  private concrete(name: string): Schema {
    const schema = this.components[name];
    const isObject = schema.allOf || schema.type === 'object' || schema.properties;
    if (!isObject || (schema.additionalProperties !== undefined && !schema.allOf)) return this.convert(schema);
    return this.closedObject(this.flatten(schema), name.startsWith('microsoft.graph.') ? odataTypeOf(name) : undefined);
  }

  private polymorphic(name: string, family: string[]): Schema {
    const typeRef = (n: string) => ({ $ref: `${this.id}#/definitions/${encodeURIComponent(`type:${n}`)}` });
    return {
      type: 'object',
      properties: { '@odata.type': { enum: [name, ...family].map(odataTypeOf) } },
      allOf: [
        // No @odata.type, or the declared type's own: the declared type.
        { if: { properties: { '@odata.type': { const: odataTypeOf(name) } } }, then: typeRef(name) },
        ...family.map((member) => ({
          if: { required: ['@odata.type'], properties: { '@odata.type': { const: odataTypeOf(member) } } },
          then: typeRef(member),
        })),
      ],
    };
  }
}

/** Graph's `{ type: object, nullable: true }` second branch of a nullable reference. */
function isNullablePlaceholder(schema: Schema): boolean {
  return schema.type === 'object' && schema.nullable === true && !schema.properties && !schema.$ref && !schema.allOf;
}
