// JSON batching (https://learn.microsoft.com/graph/json-batching): up to 20 sub-requests, each a real Request
// against the version root with the batch's own Authorization, answered independently (one failing does not fail
// the others). Sub-requests run one at a time in an order that honours `dependsOn`; a sub-request whose dependency
// failed is answered 424 like Graph does. An item's URL is resolved once against the version root, the way the
// sub-request will be routed (`.`, `..`, `%2e%2e` and backslashes included), and must stay under it: an item can
// reach neither the control API (`../_mock/state`) nor another $batch (`./$batch`, `%24batch`, `me/../$batch`).
import { MockGraphError, badRequest } from '../core/errors.ts';
import { own } from '../core/own-keys.ts';
import { graphErrorResponse, graphJson, requestContext, type RequestContext } from './graph-response.ts';
import { readJsonBody } from './json-body.ts';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CODE = 'BadRequest';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface BatchSubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The item's URL resolved against the version root; 400 unless it names a Graph path under it other than $batch. */
function resolveItemUrl(id: string, url: string, versionBaseUrl: string): string {
  const base = new URL(`${versionBaseUrl.replace(/\/+$/, '')}/`);
  let resolved: URL;
  try {
    resolved = new URL(url.replace(/^[/\\]+/, ''), base);
  } catch {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' has a url that cannot be read.`);
  }
  const under = resolved.origin === base.origin && resolved.pathname.toLowerCase().startsWith(base.pathname.toLowerCase());
  if (!under) throw badRequest(CODE, `Invalid batch payload: request '${id}' leaves the version root (${base.pathname}).`);
  const first = resolved.pathname.slice(base.pathname.length).split('/')[0];
  if (safeDecode(first).toLowerCase() === '$batch') throw badRequest(CODE, `Invalid batch payload: request '${id}' is a nested $batch.`);
  return resolved.href;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readItem(raw: unknown, index: number, versionBaseUrl: string): BatchItem {
  const where = `requests[${index}]`;
  if (!isObject(raw)) throw badRequest(CODE, `Invalid batch payload: ${where} is not an object.`);
  const { id, method, url, headers = {}, body, dependsOn = [] } = raw;
  if (typeof id !== 'string' || !id) throw badRequest(CODE, `Invalid batch payload: ${where}.id must be a non-empty string.`);
  if (typeof method !== 'string' || !METHODS.includes(method.toUpperCase())) {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' has method ${JSON.stringify(method)}; use one of ${METHODS.join(', ')}.`);
  }
  if (typeof url !== 'string' || !url || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' needs a url relative to the version root, e.g. "/me".`);
  }
  if (!isObject(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' has headers that are not a map of strings.`);
  }
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' has a body but no Content-Type header.`);
  }
  if (!Array.isArray(dependsOn) || dependsOn.some((dep) => typeof dep !== 'string')) {
    throw badRequest(CODE, `Invalid batch payload: request '${id}' has a dependsOn that is not a list of ids.`);
  }
  const resolved = resolveItemUrl(id, url, versionBaseUrl);
  return { id, method: method.toUpperCase(), url: resolved, headers: headers as Record<string, string>, body, dependsOn: dependsOn as string[] };
}

function readBatch(payload: unknown, versionBaseUrl: string): BatchItem[] {
  if (!isObject(payload) || !Array.isArray(payload.requests)) {
    throw badRequest(CODE, 'Invalid batch payload: expected { "requests": [ ... ] }.');
  }
  const { requests } = payload;
  if (requests.length === 0) throw badRequest(CODE, 'Invalid batch payload: the batch has no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(CODE, `Invalid batch payload: ${requests.length} requests; a batch holds at most ${MAX_BATCH_REQUESTS}.`);
  }
  const items = requests.map((raw, index) => readItem(raw, index, versionBaseUrl));
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw badRequest(CODE, `Invalid batch payload: the id '${item.id}' is used twice.`);
    ids.add(item.id);
  }
  for (const item of items) {
    const unknown = item.dependsOn.find((dep) => !ids.has(dep) || dep === item.id);
    if (unknown !== undefined) {
      throw badRequest(CODE, `Invalid batch payload: request '${item.id}' depends on '${unknown}', which is not another request of this batch.`);
    }
  }
  return items;
}

/** Stable topological order: batch order, except that a request waits for what it depends on. */
function inDependencyOrder(items: BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const ordered: BatchItem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: BatchItem) => {
    if (state.get(item.id) === 'done') return;
    if (state.get(item.id) === 'visiting') throw badRequest(CODE, `Invalid batch payload: dependsOn forms a cycle through '${item.id}'.`);
    state.set(item.id, 'visiting');
    for (const dep of item.dependsOn) visit(byId.get(dep)!);
    state.set(item.id, 'done');
    ordered.push(item);
  };
  items.forEach(visit);
  return ordered;
}

function toSubRequest(item: BatchItem, outer: Request): Request {
  let headers: Headers;
  try {
    headers = new Headers(item.headers);
  } catch {
    // The Headers constructor refuses names and values HTTP cannot carry: that item's fault, answered for it alone.
    throw badRequest(CODE, `Request '${item.id}' has a header name or value that HTTP does not allow.`);
  }
  const authorization = outer.headers.get('authorization');
  if (authorization) headers.set('authorization', authorization);
  else headers.delete('authorization');
  let body: string | undefined;
  if (item.body !== undefined && item.method !== 'GET' && item.method !== 'DELETE') {
    const json = /[/+]json\b/i.test(headers.get('content-type') ?? '');
    body = json || typeof item.body !== 'string' ? JSON.stringify(item.body) : item.body;
  }
  return new Request(item.url, { method: item.method, headers, body });
}

// Graph spells these with capitals inside batch bodies; clients written against its documentation look them up so.
const HEADER_SPELLING: Record<string, string> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  location: 'Location',
  etag: 'ETag',
  'cache-control': 'Cache-Control',
};

async function toSubResponse(id: string, response: Response): Promise<BatchSubResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') headers[own(HEADER_SPELLING, name) ?? name] = value;
  });
  const out: BatchSubResponse = { id, status: response.status, headers };
  const text = await response.text();
  if (!text) return out;
  if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      out.body = JSON.parse(text) as unknown;
      return out;
    } catch {
      // Not JSON after all: pass the text through as Graph would.
    }
  }
  out.body = text;
  return out;
}

export async function executeBatch(
  request: Request,
  dispatch: (sub: Request) => Promise<Response>,
  versionBaseUrl: string,
  context: RequestContext = requestContext(request),
): Promise<Response> {
  let items: BatchItem[];
  let runOrder: BatchItem[];
  try {
    items = readBatch(await readJsonBody(request), versionBaseUrl);
    runOrder = inDependencyOrder(items);
  } catch (error) {
    return graphErrorResponse(error, context);
  }

  const statuses = new Map<string, number>();
  const answered = new Map<string, BatchSubResponse>();
  for (const item of runOrder) {
    const failedDependency = item.dependsOn.find((dep) => (statuses.get(dep) ?? 0) >= 400);
    let response: Response;
    if (failedDependency !== undefined) {
      const failure = new MockGraphError(424, 'FailedDependency', `Request '${item.id}' was not run: request '${failedDependency}' failed.`);
      response = graphErrorResponse(failure);
    } else {
      try {
        response = await dispatch(toSubRequest(item, request));
      } catch (error) {
        response = graphErrorResponse(error);
      }
    }
    statuses.set(item.id, response.status);
    answered.set(item.id, await toSubResponse(item.id, response));
  }
  return graphJson({ responses: items.map((item) => answered.get(item.id)) }, { context });
}
