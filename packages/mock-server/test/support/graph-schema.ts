// Checks mock responses against the contract: Graph paths against packages/sdk/openapi.yaml, `/_mock/` paths
// against mock-control.yaml, `$batch` envelopes by hand (Graph's batching is not in the metadata) with each
// sub-response checked against its own operation. A path no spec knows is an error, so nothing escapes.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { SpecOperations, type Operation } from './spec-operations.ts';
import { SpecSchemas } from './spec-schemas.ts';

type Schema = Record<string, any>;

class SpecValidator {
  private readonly operations: SpecOperations;
  private readonly schemas: SpecSchemas;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    private readonly ajv: Ajv,
    spec: Schema,
    id: string,
  ) {
    this.operations = new SpecOperations(spec);
    this.schemas = new SpecSchemas(spec, id);
    ajv.addSchema({ $id: id, definitions: this.schemas.definitions });
  }

  find(method: string, path: string): Operation | undefined {
    return this.operations.find(method, path);
  }

  validate(operation: Operation, status: number, body: unknown): string[] {
    const response = this.operations.response(operation, status);
    const where = `${operation.method} ${operation.template}`;
    if (!response) return [`${where} documents no response for status ${status}`];
    const empty = body === undefined || body === null || body === '';
    if (status === 204 || response.kind === 'empty') return empty ? [] : [`${where} -> ${status} must have no body`];
    if (empty) return [`${where} -> ${status} must have a JSON body`];
    const value = response.kind === 'text' ? (typeof body === 'string' && /^\d+$/.test(body) ? Number(body) : body) : body;
    const key = `${where} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.schemas.convert(response.schema));
      this.cache.set(key, validate);
    }
    return validate(value) ? [] : describe(validate.errors ?? []);
  }
}

function describe(errors: ErrorObject[]): string[] {
  const lines = errors
    // The if/then wrappers of polymorphic types and the null branch of nullable references only repeat the
    // errors of the branch that applied.
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'))
    .map((e) => {
      const at = e.instancePath || '(root)';
      if (e.keyword === 'additionalProperties') {
        // Name the type it was checked as: an object of a derived type without its @odata.type is checked as the base.
        const type = [...decodeURIComponent(e.schemaPath).matchAll(/type:([\w.]+)/g)].pop()?.[1];
        return `${at} has a property ${type ? `${type} does` : 'the schema does'} not declare: '${e.params.additionalProperty}'`;
      }
      if (e.keyword === 'enum') return `${at} must be one of ${JSON.stringify(e.params.allowedValues)}`;
      if (e.keyword === 'const') return `${at} must be ${JSON.stringify(e.params.allowedValue)}`;
      return `${at} ${e.message}`;
    });
  return [...new Set(lines)];
}

const load = (relative: string) => parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Schema;
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
const graph = new SpecValidator(ajv, load('../../../sdk/openapi.yaml'), 'graph');
const control = new SpecValidator(ajv, load('../../mock-control.yaml'), 'control');

interface Located {
  spec: SpecValidator | 'batch';
  path: string;
}

/** Absolute URL, `/v1.0/...`, or a path relative to the version root (as in a batch: `/me`, `me`). */
function locate(url: string | URL): Located {
  const text = String(url);
  const { pathname } = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://mock.invalid/${text.replace(/^\/+/, '')}`);
  if (pathname.startsWith('/_mock/')) return { spec: control, path: pathname };
  const version = pathname.indexOf('/v1.0/');
  const path = version >= 0 ? pathname.slice(version + '/v1.0'.length) : pathname;
  return { spec: /^\/\$batch$/i.test(path) ? 'batch' : graph, path };
}

export interface BatchRequestEntry {
  id: string;
  method: string;
  url: string;
}

/**
 * Problems with a response body for `method url` answered `status`; empty when it conforms.
 * For `$batch`, pass the batch request body so each sub-response is checked against its own operation.
 */
export function validateGraphResponse(
  method: string,
  url: string | URL,
  status: number,
  body: unknown,
  batchRequest?: { requests: BatchRequestEntry[] },
): string[] {
  const { spec, path } = locate(url);
  if (spec === 'batch') return validateBatch(status, body, batchRequest);
  const operation = spec.find(method, path);
  if (!operation) return [`no operation for ${method.toUpperCase()} ${path} in ${spec === control ? 'mock-control.yaml' : 'openapi.yaml'}`];
  return spec.validate(operation, status, body);
}

const errorOperation = graph.find('GET', '/me')!;

function validateBatch(status: number, body: unknown, batchRequest?: { requests: BatchRequestEntry[] }): string[] {
  if (status !== 200) return graph.validate(errorOperation, status, body).map((e) => `$batch: ${e}`);
  if (!batchRequest) return ['$batch: pass the batch request body to check the sub-responses'];
  const responses = (body as { responses?: unknown })?.responses;
  if (!body || typeof body !== 'object' || Object.keys(body).join() !== 'responses' || !Array.isArray(responses)) {
    return ['$batch: the body must be exactly { responses: [...] }'];
  }
  const requests = new Map(batchRequest.requests.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [index, item] of (responses as Record<string, unknown>[]).entries()) {
    const where = `$batch responses[${index}]`;
    const extra = Object.keys(item ?? {}).filter((k) => !['id', 'status', 'headers', 'body'].includes(k));
    if (extra.length) problems.push(`${where} has properties a batch response does not have: ${extra.join(', ')}`);
    const request = typeof item?.id === 'string' ? requests.get(item.id) : undefined;
    if (!request) {
      problems.push(`${where} answers no request of the batch (id ${JSON.stringify(item?.id)})`);
      continue;
    }
    if (seen.has(request.id)) problems.push(`${where} answers request '${request.id}' a second time`);
    seen.add(request.id);
    if (!Number.isInteger(item.status)) problems.push(`${where} has no integer status`);
    const headers = item.headers;
    if (headers !== undefined && (typeof headers !== 'object' || Object.values(headers as object).some((v) => typeof v !== 'string'))) {
      problems.push(`${where} headers must map names to strings`);
    }
    // A sub-request that never ran (its dependency failed) has no operation of its own to answer for.
    const sub = item.status === 424 ? errorOperation : graph.find(request.method, locate(request.url).path);
    if (!sub) problems.push(`${where}: no operation for ${request.method} ${request.url} in openapi.yaml`);
    else problems.push(...graph.validate(sub, item.status as number, item.body).map((e) => `${where} (${request.method} ${request.url}): ${e}`));
  }
  for (const id of requests.keys()) if (!seen.has(id)) problems.push(`$batch: request '${id}' got no response`);
  return problems;
}

/**
 * Reads and checks a response (body against the spec, a `request-id` header on Graph paths); throws a readable
 * error listing every problem. Returns the parsed body.
 */
export async function expectGraphResponse(
  response: Response,
  method: string,
  url: string | URL,
  batchRequest?: { requests: BatchRequestEntry[] },
): Promise<unknown> {
  const text = await response.text();
  let body: unknown = text || undefined;
  if (text && /[/+]json\b/i.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text);
  const problems = validateGraphResponse(method, url, response.status, body, batchRequest);
  if (locate(url).spec !== control && !response.headers.get('request-id')) problems.push('the response has no request-id header');
  if (problems.length) {
    const shown = text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
    throw new Error(`${method.toUpperCase()} ${String(url)} -> ${response.status} breaks the contract:\n  - ${problems.join('\n  - ')}\nbody: ${shown}`);
  }
  return body;
}
