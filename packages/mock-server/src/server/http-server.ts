// The mock on a real node:http socket. A request is routed straight through the route table (`dispatch`: no fetch
// Request or Response is built for it, the reply is written as JSON text); msw handlers can be served instead
// (`handlers`: node request -> fetch Request -> getResponse -> streamed reply), for custom handler lists.
// Loopback only, because the mock accepts unsigned tokens. CORS is open so pages on another local port (a dev
// server, Storybook, a test runner) can call it with a bearer token.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';
import { MockGraphError } from '../core/errors.ts';
import { graphErrorResponse, requestContext, unknownPath, type RequestContext } from '../http/graph-response.ts';
import { readJsonBody } from '../http/json-body.ts';
import { errorReply, replyHeaders, replyPayload, type Reply } from '../http/reply.ts';
import type { Dispatch, ServerIncoming } from '../http/table-dispatch.ts';
import { logOncePerCause } from '../http/unexpected.ts';

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /** The route table's dispatcher (MockGraph.dispatch): requests are answered without msw. */
  dispatch?: Dispatch;
  /** msw handlers to serve instead of `dispatch`; read on every request, so they can be swapped while the server runs. */
  handlers?: () => HttpHandler[];
  /** Larger request bodies get 413. 4 MiB by default (Graph's own request limit). */
  maxBodyBytes?: number;
  /** Told about errors that escape the handlers (the client sees a bare 500). One short line per cause on stderr by default. */
  onUnexpectedError?: (error: unknown, where?: string) => void;
  /** Serve https with this key and certificate (PEM) instead of http. */
  tls?: { key: string; cert: string };
}

export interface RunningHttpServer {
  /** `http://127.0.0.1:PORT` (`https://` with `tls`), no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];
const isLoopbackAddress = (address: string) => address === '::1' || /^127\./.test(address) || address === '::ffff:127.0.0.1';
const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** An oversized body is read and dropped up to this much, so the client can finish sending and read the 413. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// Hop-by-hop headers describe the socket, not the request; fetch's Request refuses some of them.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length', 'host', 'proxy-connection']);
// Date too: the widgets take "today" from Graph's clock (the mock's own), which a page on another origin reads only if exposed.
const EXPOSED_HEADERS = 'request-id, client-request-id, Retry-After, Location, ETag, Date';
const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };

class BodyTooLarge extends MockGraphError {
  constructor(limit: number) {
    super(413, 'RequestEntityTooLarge', `The request body is larger than the mock accepts (${limit} bytes).`);
  }
}

/** The client went away before its request was whole: nobody to answer, nothing to report. */
class ClientGone extends Error {}

/**
 * The body, up to `limit` bytes. A larger one is still read to its end (and dropped) before the 413, so a client
 * that is still sending gets the answer rather than a broken pipe; past MAX_DRAIN_BYTES the connection is dropped.
 */
const NO_BODY = Buffer.alloc(0);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // Without a length or a chunked body there is nothing to read (most GETs): node discards the empty stream itself.
  if (req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0) return Promise.resolve(NO_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        settle(new ClientGone());
      }
    });
    req.on('end', () => settle(tooLarge ? new BodyTooLarge(limit) : undefined));
    req.on('error', () => settle(new ClientGone()));
    req.on('close', () => settle(req.complete ? undefined : new ClientGone()));
  });
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = body.length > 0 && method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, body: hasBody ? new Uint8Array(body) : undefined });
}

function incomingOf(req: IncomingMessage, url: URL, body: Buffer): ServerIncoming {
  let request: Request | undefined;
  const asRequest = () => (request ??= toRequest(req, url, body));
  return {
    method: req.method ?? 'GET',
    url,
    headers: { get: (name) => headerOf(req, name) },
    // Only calls with a body build a fetch Request, so the body rules live in one place (json-body.ts).
    json: () => (body.length ? readJsonBody(asRequest()) : Promise.resolve(undefined)),
    request: asRequest,
  };
}

function writeReply(res: ServerResponse, reply: Reply, context: RequestContext, closeAfter: boolean): void {
  const payload = replyPayload(reply);
  const headers: Record<string, string> = { ...replyHeaders(reply, context, payload), ...CORS_HEADERS };
  if (closeAfter) headers.connection = 'close';
  if (payload) headers['content-length'] = String(payload.bytes.length);
  res.writeHead(reply.status, headers);
  res.end(payload?.bytes);
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!res.write(chunk.value)) await once(res, 'drain');
    }
    res.end();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    res.destroy();
  }
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

/** The URL of an origin-form request target (`/path?query`), or undefined for anything else (`//[`, `*`, a full URL). */
function targetUrl(target: string | undefined, origin: string): URL | undefined {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(`${origin}${target}`);
  } catch {
    return undefined;
  }
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { port = 0, host = '127.0.0.1', handlers, dispatch, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const report = options.onUnexpectedError ?? logOncePerCause();
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(`The mock Graph server only binds loopback (${LOOPBACK_HOSTS.join(', ')}), not '${host}': it accepts unsigned tokens.`);
  }
  if (!dispatch === !handlers) throw new Error('startHttpServer needs either dispatch or handlers.');

  let origin = '';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((error: unknown) => {
      report(error, `${req.method} (writing the reply)`);
      res.destroy();
    });
  };
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) return preflight(req, res);
    const context = requestContext({ headers: { get: (name) => headerOf(req, name) } });
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof ClientGone) return void res.destroy();
      // The rest of an oversized body was read and dropped; the connection is closed after the answer anyway.
      return writeReply(res, errorReply(error, context), context, true);
    }
    if (!METHODS.has(method)) {
      const refused = new MockGraphError(405, 'MethodNotAllowed', `The mock does not serve ${method} requests.`);
      return writeReply(res, { ...errorReply(refused, context), headers: { allow: [...METHODS].join(', ') } }, context, false);
    }
    const url = targetUrl(req.url, origin);
    if (!url) {
      const refused = new MockGraphError(400, 'BadRequest', 'The request target must be a path such as /v1.0/me.');
      return writeReply(res, errorReply(refused, context), context, false);
    }
    if (dispatch) return writeReply(res, await dispatch(incomingOf(req, url, body), context), context, false);

    let response: Response;
    try {
      const request = toRequest(req, url, body);
      response = (await getResponse((handlers as () => HttpHandler[])(), request)) ?? graphErrorResponse(unknownPath(request, { underVersionRoot: false }), requestContext(request));
    } catch (error) {
      if (!(error instanceof MockGraphError)) report(error, `${method} ${url.pathname}`);
      response = graphErrorResponse(error, context);
    }
    await sendResponse(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  if (!isLoopbackAddress(address.address)) {
    server.close();
    throw new Error(`'${host}' resolved to ${address.address}, which is not loopback.`);
  }
  origin = `${options.tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: origin,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
