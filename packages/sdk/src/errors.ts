// Every failure of a Graph call surfaces as one GraphError, whatever layer it came from (HTTP status, timeout,
// network). A caller's own abort is not a failure of the call and stays a plain AbortError.
import type { ODataError } from './models.ts';

type MainError = ODataError['error'];

/** Codes the SDK itself assigns when there is no Graph error body to read one from. */
export type TransportErrorCode =
  | 'timeout'
  | 'networkError'
  | 'invalidBatchResponse'
  | 'emptyResponse'
  /** A 2xx whose body is not the JSON it should be. */
  | 'invalidResponseBody'
  /** A URL (an @odata.nextLink, a continuationToken) outside the client's baseUrl origin: nothing was sent. */
  | 'untrustedOrigin';

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  date?: string;
  target?: string;
  details?: MainError['details'];
  /** The parsed JSON body, or the text of a non-JSON body. */
  body?: unknown;
  /** Seconds from a Retry-After header, when the server sent one. */
  retryAfter?: number;
  method?: string;
  url?: string;
  cause?: unknown;
}

// Codes for bodies that carry none (proxies, gateways, empty 503s): the status's reason phrase in camelCase.
const statusCodes: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  409: 'conflict',
  412: 'preconditionFailed',
  413: 'payloadTooLarge',
  429: 'tooManyRequests',
  500: 'internalServerError',
  501: 'notImplemented',
  502: 'badGateway',
  503: 'serviceUnavailable',
  504: 'gatewayTimeout',
};

export class GraphError extends Error {
  override readonly name = 'GraphError';
  /** HTTP status; 0 when no response arrived (timeout, network failure). */
  readonly status: number;
  /** Graph's error code (e.g. 'CallerNotResourceOwner'), or one derived from the status, or a TransportErrorCode. */
  readonly code: string;
  readonly requestId?: string;
  readonly date?: string;
  readonly target?: string;
  readonly details?: MainError['details'];
  readonly body?: unknown;
  readonly retryAfter?: number;
  readonly method?: string;
  readonly url?: string;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.date = init.date;
    this.target = init.target;
    this.details = init.details;
    this.body = init.body;
    this.retryAfter = init.retryAfter;
    this.method = init.method;
    this.url = init.url;
  }

  /** Reads Graph's `{ error: { code, message, innerError } }`, falling back to the status for other bodies. */
  static async fromResponse(response: Response, request?: { method: string; url: string }): Promise<GraphError> {
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    const main = graphErrorOf(body);
    const inner = main?.innerError;
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    return new GraphError({
      status: response.status,
      code: main?.code || statusCodes[response.status] || `http${response.status}`,
      message: main?.message || `${response.status} ${response.statusText || statusCodes[response.status] || 'HTTP error'}`.trim(),
      requestId: stringOf(inner?.['request-id']) ?? response.headers.get('request-id') ?? undefined,
      date: stringOf(inner?.date) ?? response.headers.get('date') ?? undefined,
      target: main?.target ?? undefined,
      details: main?.details,
      body: body === undefined ? text || undefined : body,
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
      method: request?.method,
      url: request?.url,
    });
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function graphErrorOf(body: unknown): MainError | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const main = (body as { error?: unknown }).error;
  return main && typeof main === 'object' ? (main as MainError) : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
