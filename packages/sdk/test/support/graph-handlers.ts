// Small MSW building blocks for SDK tests, shared by the Node and browser suites (no Node-only imports here).
import { getResponse, http, HttpResponse, RequestHandler } from 'msw';
import type { BatchRequestBody, BatchResponseItem } from '../../src/batch.ts';

/** Matches one Graph path exactly, with any query; Graph paths carry `(`, `'` and `$`, which MSW's path syntax reads as syntax. */
export function at(baseUrl: string, path: string): RegExp {
  return new RegExp(`^${(baseUrl + path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);
}

export function collection<T>(value: T[], nextLink?: string): Record<string, unknown> {
  return nextLink ? { value, '@odata.nextLink': nextLink } : { value };
}

export function graphError(status: number, code: string, message: string, requestId = 'req-1', init: ResponseInit = {}) {
  return HttpResponse.json(
    { error: { code, message, innerError: { 'request-id': requestId, date: '2026-01-01T00:00:00Z' } } },
    { ...init, status },
  );
}

/**
 * A $batch endpoint that answers each sub-request with the other handlers, as Graph would; `onBatch` sees every
 * envelope that arrives.
 */
export function batchHandler(baseUrl: string, handlers: () => readonly unknown[], onBatch?: (body: BatchRequestBody) => void) {
  return http.post(`${baseUrl}/$batch`, async ({ request }) => {
    const envelope = (await request.json()) as BatchRequestBody;
    onBatch?.(envelope);
    const routes = handlers().filter((h): h is RequestHandler => h instanceof RequestHandler);
    const responses = await Promise.all(
      envelope.requests.map(async (item): Promise<BatchResponseItem> => {
        const headers = new Headers(item.headers);
        const authorization = request.headers.get('authorization');
        if (authorization) headers.set('authorization', authorization);
        const sub = new Request(baseUrl + item.url, {
          method: item.method,
          headers,
          body: item.body === undefined ? undefined : JSON.stringify(item.body),
        });
        const response = (await getResponse(routes, sub)) ?? graphError(404, 'noHandler', `${item.method} ${item.url}`);
        const text = await response.text();
        return { id: item.id, status: response.status, headers: Object.fromEntries(response.headers), body: parse(text) };
      }),
    );
    return HttpResponse.json({ responses });
  });
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
