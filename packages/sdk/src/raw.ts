// The typed layer under the verbs: GET/POST/PATCH/PUT/DELETE on the paths of openapi.yaml, typed by the generated
// `paths` through openapi-fetch's `Client` type (types only: none of its runtime ships). Every call goes through
// send(), so a failure throws GraphError; a success answers `{ data, response }` as openapi-fetch's would.
import type { RawClient } from './api.ts';
import { serializeQuery } from './odata.ts';
import type { Send } from './transport.ts';
import { parseBody } from './transport.ts';

interface RawInit extends Omit<RequestInit, 'body' | 'headers'> {
  params?: { path?: Record<string, string | number>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  headers?: Record<string, unknown>;
  body?: unknown;
}

export function createRaw(baseUrl: string, send: Send): RawClient {
  const call = async (method: string, path: string, { params = {}, headers, body, ...init }: RawInit = {}) => {
    const search = serializeQuery(params.query ?? {});
    const url = baseUrl.replace(/\/$/, '') + path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const value = params.path?.[name];
      return value == null ? whole : encodeURIComponent(value);
    });
    const finalHeaders = new Headers(body === undefined ? {} : { 'content-type': 'application/json' });
    for (const [name, value] of Object.entries({ ...headers, ...params.header })) {
      if (value != null) finalHeaders.set(name, String(value));
    }
    const request = new Request(search ? `${url}?${search}` : url, {
      redirect: 'follow',
      ...init,
      method,
      headers: finalHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await send(request);
    const length = response.headers.get('content-length');
    const empty = response.status === 204 || method === 'HEAD' || (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'));
    const text = empty ? '' : await response.text();
    if (response.ok) return { data: text ? parseBody(response, text, request) : undefined, response };
    try {
      return { error: JSON.parse(text) as unknown, response };
    } catch {
      return { error: text, response };
    }
  };
  const verb = (method: string) => (path: string, init?: RawInit) => call(method, path, init);
  return { GET: verb('GET'), POST: verb('POST'), PATCH: verb('PATCH'), PUT: verb('PUT'), DELETE: verb('DELETE') } as unknown as RawClient;
}
