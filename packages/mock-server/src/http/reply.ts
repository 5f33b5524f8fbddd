// What a route answers, before it is anything on the wire: a status, headers and a JSON value (or text). The HTTP
// server writes it to the socket as it is; the msw adapter turns it into a fetch Response.
import { collectionBody, GRAPH_JSON, graphErrorBody, type RequestContext } from './graph-response.ts';
import type { CollectionResult } from '../odata/query-types.ts';
import { jsonBytes, utf8 } from './json-text.ts';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, serialised on the way out; ignored when `text` is given. */
  body?: unknown;
  /** A body already serialised (its content type in `headers`, Graph's JSON when none). */
  text?: string;
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers });
export const created = (body: unknown): Reply => json(body, 201);
export const empty = (): Reply => ({ status: 204 });
/** 202 without a body: what Graph's reprocess actions answer. */
export const accepted = (): Reply => ({ status: 202 });

/** `contextUrl` is the full `@odata.context`, e.g. `${ctx.versionUrl}/$metadata#users`. */
export const collection = <T>(result: CollectionResult<T>, contextUrl: string): Reply => json(collectionBody(result, contextUrl));

export function errorReply(error: unknown, context: RequestContext): Reply {
  const { status, body } = graphErrorBody(error, context);
  return { status, body };
}

/** The body as bytes on the wire (UTF-8), and its content type; undefined for an empty body. */
export function replyPayload(reply: Reply): { bytes: Uint8Array<ArrayBuffer>; type: string } | undefined {
  if (reply.text !== undefined) return { bytes: utf8(reply.text), type: reply.headers?.['content-type'] ?? GRAPH_JSON };
  if (reply.body === undefined) return undefined;
  return { bytes: jsonBytes(reply.body), type: GRAPH_JSON };
}

/** Every header of the reply, with the request's ids; `payload` is the reply's `replyPayload` (made once, by the caller). */
export function replyHeaders(reply: Reply, context: RequestContext, payload = replyPayload(reply)): Record<string, string> {
  const headers: Record<string, string> = { ...reply.headers };
  if (payload) headers['content-type'] = payload.type;
  headers['request-id'] = context.requestId;
  if (context.clientRequestId) headers['client-request-id'] = context.clientRequestId;
  return headers;
}

export function toResponse(reply: Reply, context: RequestContext): Response {
  const payload = replyPayload(reply);
  return new Response(payload?.bytes ?? null, { status: reply.status, headers: replyHeaders(reply, context, payload) });
}

/** A fetch Response (a fault, a $batch answer) as a reply. */
export async function fromResponse(response: Response): Promise<Reply> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const text = await response.text();
  return { status: response.status, headers, ...(text ? { text } : {}) };
}
