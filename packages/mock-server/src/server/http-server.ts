// Serves msw handlers over a real node:http socket: node request -> fetch Request -> getResponse -> streamed reply.
// Loopback only, because the mock accepts unsigned tokens. CORS is open so pages on another local port (a dev
// server, Storybook, a test runner) can call it with a bearer token.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';
import { MockGraphError } from '../core/errors.ts';
import { graphErrorResponse, requestContext, unknownPath } from '../http/graph-response.ts';

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /** Read on every request, so handlers can be swapped while the server runs. */
  handlers: () => HttpHandler[];
  /** Larger request bodies get 413. 4 MiB by default (Graph's own request limit). */
  maxBodyBytes?: number;
  /** Told about errors that escape the handlers (the client sees a bare 500). console.error by default. */
  onUnexpectedError?: (error: unknown) => void;
  /** Told about every answered request before the reply is sent (persistence hooks in here). */
  onResponse?: (request: Request, response: Response) => void | Promise<void>;
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
// Hop-by-hop headers describe the socket, not the request; fetch's Request refuses some of them.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length', 'host', 'proxy-connection']);
const EXPOSED_HEADERS = 'request-id, client-request-id, Retry-After, Location, ETag';

class BodyTooLarge extends MockGraphError {
  constructor(limit: number) {
    super(413, 'RequestEntityTooLarge', `The request body is larger than the mock accepts (${limit} bytes).`);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function toRequest(req: IncomingMessage, origin: string, body: Uint8Array<ArrayBuffer>): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = body.length > 0 && method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body: hasBody ? body : undefined });
}

const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };

async function send(res: ServerResponse, response: Response, closeAfter = false): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  if (closeAfter) res.setHeader('connection', 'close');
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

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { port = 0, host = '127.0.0.1', handlers, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const report = options.onUnexpectedError ?? ((error) => console.error('mock Graph HTTP server:', error));
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(`The mock Graph server only binds loopback (${LOOPBACK_HOSTS.join(', ')}), not '${host}': it accepts unsigned tokens.`);
  }

  let origin = '';
  const listener = (req: IncomingMessage, res: ServerResponse) => void serve(req, res);
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return preflight(req, res);
    const context = requestContext();
    let response: Response;
    let closeAfter = false;
    try {
      const request = toRequest(req, origin, await readBody(req, maxBodyBytes));
      response = (await getResponse(handlers(), request)) ?? graphErrorResponse(unknownPath(request), requestContext(request));
      await options.onResponse?.(request, response);
    } catch (error) {
      if (!(error instanceof MockGraphError)) report(error);
      // The rest of an oversized body is never read, so the connection cannot carry another request.
      closeAfter = error instanceof BodyTooLarge;
      response = graphErrorResponse(error, context);
    }
    await send(res, response, closeAfter);
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
