// Finds the operation of an OpenAPI document that serves a method + path, and its response for a status.
type Schema = Record<string, any>;

export interface Operation {
  method: string;
  template: string;
  responses: Record<string, Schema>;
}

export type ResponseSpec = { kind: 'empty' } | { kind: 'json'; schema: Schema } | { kind: 'text'; schema: Schema };

interface CompiledPath {
  template: string;
  segments: RegExp[];
  params: number;
  literalLength: number;
  item: Schema;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(template: string, item: Schema): CompiledPath {
  let params = 0;
  const segments = template
    .replace(/^\//, '')
    .split('/')
    .map((segment) => {
      const source = segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          if (!/^\{[^}]+\}$/.test(part)) return escapeRegExp(part);
          params++;
          return "[^/()']+";
        })
        .join('');
      return new RegExp(`^${source}$`, 'i');
    });
  return { template, segments, params, literalLength: template.replace(/\{[^}]+\}/g, '').length, item };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export class SpecOperations {
  private readonly paths: CompiledPath[];

  constructor(private readonly spec: Schema) {
    // Literal templates beat parameterised ones: `assignments/filterByCurrentUser(on='{on}')` before `assignments/{id}`.
    this.paths = Object.entries(spec.paths ?? {})
      .map(([template, item]) => compile(template, item as Schema))
      .sort((a, b) => a.params - b.params || b.literalLength - a.literalLength);
  }

  find(method: string, path: string): Operation | undefined {
    const actual = path.replace(/^\//, '').split('/').map(decodeSegment);
    for (const candidate of this.paths) {
      if (candidate.segments.length !== actual.length) continue;
      if (!candidate.segments.every((pattern, i) => actual[i] !== undefined && pattern.test(actual[i]!))) continue;
      const operation = candidate.item[method.toLowerCase()];
      if (operation) return { method: method.toUpperCase(), template: candidate.template, responses: operation.responses ?? {} };
    }
    return undefined;
  }

  /** The documented response for a status: exact code, then its range (`4XX`), then `default`. */
  response(operation: Operation, status: number): ResponseSpec | undefined {
    const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find((k) => k in operation.responses);
    if (!key) return undefined;
    let response = operation.responses[key];
    while (response.$ref) response = this.resolve(response.$ref);
    const schema = response.content?.['application/json']?.schema;
    if (schema) return { kind: 'json', schema };
    // `$count` answers a bare number as text/plain.
    const text = response.content?.['text/plain']?.schema;
    return text ? { kind: 'text', schema: text } : { kind: 'empty' };
  }

  private resolve(ref: string): Schema {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Schema | undefined>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
    if (!target) throw new Error(`Unresolvable $ref ${ref}`);
    return target;
  }
}
