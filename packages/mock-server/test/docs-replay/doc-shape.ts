// What "the mock answers like the documented example" means, checked against Microsoft's v1.0 schemas
// (reference/graph-entitlement-subset.yaml, not our spec: a property our spec left out still counts as Graph's):
// the answer validates as the documented type (closed objects, so no property v1.0 lacks; types, formats and enum
// values as declared), and every property the example shows is present, recursively.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { SpecSchemas } from '../support/spec-schemas.ts';

type Json = any;

const reference = parse(readFileSync(new URL('../../../../reference/graph-entitlement-subset.yaml', import.meta.url), 'utf8'));
const schemas = new SpecSchemas(reference, 'v1');
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema({ $id: 'v1', definitions: schemas.definitions });
const cache = new Map<string, ValidateFunction>();

/** The docs' response annotation: `microsoft.graph.x`, `Collection(microsoft.graph.x)`, plus `isCollection`. */
export interface DocType {
  type: string;
  isCollection?: boolean;
}

function validatorFor({ type, isCollection }: DocType): ValidateFunction {
  const collection = /^Collection\((.+)\)$/.exec(type);
  const name = collection?.[1] ?? type;
  const key = `${name}${collection || isCollection ? '[]' : ''}`;
  let validate = cache.get(key);
  if (!validate) {
    if (!reference.components.schemas[name]) throw new Error(`the v1.0 reference has no type ${name}`);
    const entity = schemas.refTo(name);
    const schema =
      collection || isCollection
        ? { type: 'object', required: ['value'], properties: { value: { type: 'array', items: entity } }, additionalProperties: false, patternProperties: { '^@odata\\.(context|nextLink|count)$': {} } }
        : entity;
    validate = ajv.compile(schema);
    cache.set(key, validate);
  }
  return validate;
}

/** Problems with `body` as a v1.0 value of the documented type (unknown properties, wrong types, enum values). */
export function schemaProblems(docType: DocType, body: Json): string[] {
  const validate = validatorFor(docType);
  if (validate(body)) return [];
  return [
    ...new Set(
      (validate.errors ?? [])
        .filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'))
        .map((e) =>
          e.keyword === 'additionalProperties'
            ? `${e.instancePath || '(root)'} has '${e.params.additionalProperty}', which v1.0 does not declare`
            : `${e.instancePath || '(root)'} ${e.message}${e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`,
        ),
    ),
  ];
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every property the documented example shows, missing from the answer. Control annotations (`@odata.*`) are not
 * properties. Arrays: each documented element is compared with the answer's elements of the same `@odata.type`.
 */
export function missingProperties(doc: Json, actual: Json, at = ''): string[] {
  if (Array.isArray(doc)) {
    if (!Array.isArray(actual)) return actual === undefined ? [] : [`${at} is not an array`];
    return doc.flatMap((item) => {
      if (!isObject(item)) return [];
      const peers = actual.filter((a) => isObject(a) && (a['@odata.type'] ?? item['@odata.type']) === item['@odata.type']);
      return peers.flatMap((peer) => missingProperties(item, peer, `${at}[]`));
    });
  }
  if (!isObject(doc) || !isObject(actual)) return [];
  return Object.keys(doc)
    .filter((key) => !key.startsWith('@'))
    .flatMap((key) => (key in actual ? missingProperties(doc[key], actual[key], `${at}/${key}`) : [`${at}/${key}`]));
}

/** A copy of a documented body without the named paths (`a/b`, `value[]/c`): the properties a doc error concerns. */
export function without(body: Json, paths: string[]): Json {
  const copy = structuredClone(body);
  for (const path of paths) drop(copy, path.split('/').filter(Boolean));
  return copy;
}

function drop(node: Json, [head, ...rest]: string[]): void {
  if (head === undefined) return;
  const key = head.endsWith('[]') ? head.slice(0, -2) : head;
  if (!isObject(node) || !(key in node)) return;
  if (!rest.length) {
    delete node[key];
    return;
  }
  const next = node[key];
  for (const child of head.endsWith('[]') && Array.isArray(next) ? next : [next]) drop(child, rest);
}

/** `@odata.type` values the docs write without `#` (`"microsoft.graph.x"`) are annotations, not types: removed. */
export function withoutBareTypeAnnotations(body: Json): Json {
  if (Array.isArray(body)) return body.map(withoutBareTypeAnnotations);
  if (!isObject(body)) return body;
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k, v]) => !(k === '@odata.type' && typeof v === 'string' && !v.startsWith('#')))
      .map(([k, v]) => [k, withoutBareTypeAnnotations(v)]),
  );
}

/** The values at a path (`a/b`, `value[]/c`): one per array element passed through. */
export function valuesAt(body: Json, path: string): Json[] {
  let nodes: Json[] = [body];
  for (const step of path.split('/').filter(Boolean)) {
    const key = step.endsWith('[]') ? step.slice(0, -2) : step;
    nodes = nodes.flatMap((n) => {
      const next = isObject(n) ? n[key] : undefined;
      return step.endsWith('[]') ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return nodes;
}
