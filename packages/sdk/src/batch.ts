// JSON batching as a fetch: requests that reach it in the same macrotask leave as one POST {baseUrl}/$batch, and
// each sub-response comes back as a real Response. Sitting under ky, every call keeps its own auth hook, timeout and
// retry: a throttled GET is simply fetched again (in a later batch), a POST is not.
import { GraphError } from './errors.ts';

// $batch is Graph's protocol (https://learn.microsoft.com/graph/json-batching), not part of the entitlement
// metadata that openapi.yaml is cut from, so its envelope is typed here rather than generated.
export interface BatchRequestItem {
  id: string;
  method: string;
  /** Relative to the base URL, with a leading slash: `/me`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchRequestBody {
  requests: BatchRequestItem[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponseBody {
  responses: BatchResponseItem[];
}

/** Graph's limit of requests per batch. */
export const MAX_BATCH_SIZE = 20;

type Fetch = (request: Request) => Promise<Response>;

type Item = Omit<BatchRequestItem, 'id'>;

interface Entry {
  request: Request;
  resolve(response: Response): void;
  reject(reason: unknown): void;
  /** Set when its batch leaves. */
  flight?: { members: Entry[]; controller: AbortController };
}

export function createBatcher(options: { baseUrl: string; fetch: Fetch }): Fetch {
  const { baseUrl, fetch } = options;
  // Keyed by Authorization value: the outer $batch carries one token for all its sub-requests.
  const queues = new Map<string, Entry[]>();
  let scheduled = false;

  function flush() {
    scheduled = false;
    for (const [authorization, entries] of queues) {
      for (let i = 0; i < entries.length; i += MAX_BATCH_SIZE) {
        void dispatch(authorization, entries.slice(i, i + MAX_BATCH_SIZE));
      }
    }
    queues.clear();
  }

  function sendAlone(entry: Entry) {
    fetch(entry.request).then(entry.resolve, entry.reject);
  }

  async function dispatch(authorization: string, entries: Entry[]) {
    const items =
      entries.length === 1 ? [undefined] : await Promise.all(entries.map((e) => toBatchItem(e.request, baseUrl).catch(() => undefined)));
    const members: Entry[] = [];
    const requests: BatchRequestItem[] = [];
    entries.forEach((entry, index) => {
      const item = items[index];
      // An entry aborted meanwhile has already been rejected by its abort listener.
      if (entry.request.signal.aborted) return;
      if (!item) sendAlone(entry);
      else {
        members.push(entry);
        requests.push({ id: String(members.length), ...item });
      }
    });
    if (members.length < 2) {
      members.forEach(sendAlone);
      return;
    }
    const flight = { members, controller: new AbortController() };
    for (const entry of members) entry.flight = flight;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const body: BatchRequestBody = { requests };
    const request = new Request(`${baseUrl}/$batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: flight.controller.signal,
    });
    fetch(request)
      .then((response) => settleAll(response, members))
      .catch((error: unknown) => {
        for (const entry of members) entry.reject(error);
      });
  }

  return async function batchingFetch(request: Request): Promise<Response> {
    if (!isBatchable(request, baseUrl)) return fetch(request);
    request.signal.throwIfAborted();
    return new Promise<Response>((resolve, reject) => {
      const authorization = request.headers.get('authorization') ?? '';
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        request.signal.removeEventListener('abort', onAbort);
        action();
      };
      const entry: Entry = {
        request,
        resolve: (response) => finish(() => resolve(response)),
        reject: (reason) => finish(() => reject(reason)),
      };
      function onAbort() {
        const queue = queues.get(authorization);
        if (queue?.includes(entry)) queue.splice(queue.indexOf(entry), 1);
        entry.reject(request.signal.reason);
        // Once every caller of a batch in flight has gone, nobody needs its answer.
        if (entry.flight?.members.every((e) => e.request.signal.aborted)) entry.flight.controller.abort();
      }
      request.signal.addEventListener('abort', onAbort, { once: true });
      const queue = queues.get(authorization) ?? [];
      queue.push(entry);
      queues.set(authorization, queue);
      if (!scheduled) {
        scheduled = true;
        // A macrotask, not a microtask: every call of this tick must first get through ky's async hooks (the token).
        setTimeout(flush, 0);
      }
    });
  };
}

async function settleAll(outer: Response, entries: Entry[]) {
  if (!outer.ok) {
    // Graph refused the whole batch (throttled, unauthenticated...): each call sees that answer as its own.
    const text = await outer.text();
    for (const entry of entries) {
      entry.resolve(new Response(text, { status: outer.status, statusText: outer.statusText, headers: outer.headers }));
    }
    return;
  }
  const body = (await outer.json().catch(() => undefined)) as BatchResponseBody | undefined;
  const responses = new Map((Array.isArray(body?.responses) ? body.responses : []).map((r) => [String(r.id), r]));
  const requestId = outer.headers.get('request-id');
  for (const [index, entry] of entries.entries()) {
    const id = String(index + 1);
    const item = responses.get(id);
    if (item) entry.resolve(toResponse(item, requestId));
    else {
      entry.reject(
        new GraphError({
          status: outer.status,
          code: 'invalidBatchResponse',
          message: `The $batch response has no answer for request ${id}.`,
          requestId: requestId ?? undefined,
          method: entry.request.method,
          url: entry.request.url,
        }),
      );
    }
  }
}

/** Only calls under the base URL with no body or a JSON body can travel inside a batch. */
function isBatchable(request: Request, baseUrl: string): boolean {
  return request.url.startsWith(`${baseUrl}/`) && (request.body === null || isJson(request.headers.get('content-type')));
}

async function toBatchItem(request: Request, baseUrl: string): Promise<Item> {
  // Entries, not assignments: a header named `__proto__` must stay a header, not set the object's prototype.
  const headers: Record<string, string> = Object.fromEntries([...request.headers].filter(([name]) => name !== 'authorization'));
  const item: Item = { method: request.method, url: request.url.slice(baseUrl.length) };
  if (Object.keys(headers).length) item.headers = headers;
  if (request.body !== null) {
    const text = await request.clone().text();
    if (text) item.body = JSON.parse(text) as unknown;
  }
  return item;
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

function toResponse(item: BatchResponseItem, batchRequestId: string | null): Response {
  const headers = new Headers(item.headers ?? {});
  // A sub-response rarely has its own request-id; the batch's is the one Microsoft support can trace.
  if (batchRequestId && !headers.has('request-id')) headers.set('request-id', batchRequestId);
  let body: string | null = null;
  if (!nullBodyStatuses.has(item.status) && item.body !== undefined && item.body !== null) {
    if (typeof item.body === 'string' && headers.has('content-type') && !isJson(headers.get('content-type'))) {
      body = item.body;
    } else {
      body = JSON.stringify(item.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
  }
  return new Response(body, { status: item.status, headers });
}

function isJson(contentType: string | null): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}
