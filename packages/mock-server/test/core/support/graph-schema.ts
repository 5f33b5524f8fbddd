// A strict check of engine output against the Graph schemas of packages/sdk/openapi.yaml: types, enums, integer
// formats, date-times in UTC with 'Z', and no property the schema does not declare (@odata.type picks the
// derived schema, as Graph's discriminator does).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Schema = Record<string, any>;
const spec = parse(readFileSync(new URL('../../../../sdk/openapi.yaml', import.meta.url), 'utf8'));
const schemas: Record<string, Schema> = spec.components.schemas;

const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.replace('#/components/schemas/', '')]) : s);

interface Flat {
  types: Set<string>;
  nullable: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

/** Merges allOf parts into one view of the schema. */
function flatten(input: Schema): Flat {
  const s = resolve(input);
  const flat: Flat = { types: new Set(), nullable: !!s.nullable, properties: {} };
  if (s.type) flat.types.add(s.type);
  if (s.enum) flat.enum = s.enum;
  if (s.format) flat.format = s.format;
  if (s.pattern) flat.pattern = s.pattern;
  if (s.items) flat.items = s.items;
  if (s.anyOf || s.oneOf) flat.anyOf = s.anyOf ?? s.oneOf;
  Object.assign(flat.properties, s.properties ?? {});
  for (const part of s.allOf ?? []) {
    const p = flatten(part);
    p.types.forEach((t) => flat.types.add(t));
    flat.nullable ||= p.nullable;
    flat.enum ??= p.enum;
    flat.format ??= p.format;
    flat.items ??= p.items;
    flat.anyOf ??= p.anyOf;
    Object.assign(flat.properties, p.properties);
  }
  return flat;
}

/** The converter's `{ type: object, nullable: true }` branch means "or null", not "or any object". */
const onlyNull = (s: Schema) => s.type === 'object' && s.nullable && !s.properties && !s.allOf;

function check(value: unknown, schema: Schema, path: string, errors: string[]): void {
  const flat = flatten(schema);
  if (value === null) {
    if (!flat.nullable && !(flat.anyOf ?? []).some((b) => onlyNull(b) || flatten(b).nullable)) errors.push(`${path}: null not allowed`);
    return;
  }
  if (flat.anyOf) {
    const branches = flat.anyOf.filter((b) => !onlyNull(b));
    const results = branches.map((b) => {
      const e: string[] = [];
      check(value, b, path, e);
      return e;
    });
    if (!results.some((e) => e.length === 0)) errors.push(...(results[0] ?? [`${path}: no branch matches`]));
    if (flat.types.size === 0 && Object.keys(flat.properties).length === 0) return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const type = (value as Record<string, unknown>)['@odata.type'];
    const derived = typeof type === 'string' ? schemas[type.replace(/^#/, '')] : undefined;
    if (derived && resolve(schema) !== derived) {
      check(value, derived, path, errors);
      return;
    }
  }
  const t = flat.types.values().next().value;
  if (t === 'object' || (!t && Object.keys(flat.properties).length)) {
    if (typeof value !== 'object' || Array.isArray(value)) return void errors.push(`${path}: expected object`);
    for (const [key, v] of Object.entries(value as object)) {
      const prop = flat.properties[key];
      if (!prop) errors.push(`${path}.${key}: not in the schema`);
      else check(v, prop, `${path}.${key}`, errors);
    }
  } else if (t === 'array') {
    if (!Array.isArray(value)) return void errors.push(`${path}: expected array`);
    value.forEach((v, i) => check(v, flat.items ?? {}, `${path}[${i}]`, errors));
  } else if (t === 'string') {
    if (typeof value !== 'string') return void errors.push(`${path}: expected string, got ${JSON.stringify(value)}`);
    if (flat.enum && !flat.enum.includes(value)) errors.push(`${path}: '${value}' not in enum`);
    if (flat.pattern && !new RegExp(flat.pattern).test(value)) errors.push(`${path}: '${value}' does not match ${flat.pattern}`);
    if (flat.format === 'date-time' && !value.endsWith('Z')) errors.push(`${path}: '${value}' is not UTC with Z`);
  } else if (t === 'boolean') {
    if (typeof value !== 'boolean') errors.push(`${path}: expected boolean`);
  } else if (t === 'number' || t === 'integer') {
    if (typeof value !== 'number') errors.push(`${path}: expected number`);
    else if (flat.format?.startsWith('int') && !Number.isInteger(value)) errors.push(`${path}: expected integer`);
  } else if (flat.enum && !flat.enum.includes(value)) {
    errors.push(`${path}: '${String(value)}' not in enum`);
  }
}

/** Problems of `value` as an instance of components.schemas[name] (e.g. 'microsoft.graph.accessPackage'); [] when valid. */
export function graphSchemaErrors(name: string, value: unknown): string[] {
  if (!schemas[name]) throw new Error(`No schema ${name}`);
  const errors: string[] = [];
  check(value, schemas[name], name, errors);
  return errors;
}
