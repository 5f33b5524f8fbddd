// The HTTP suite's only way to talk to the mock: a real loopback server per test file, reset before each test, and
// a client whose every response body is checked against the contract (openapi.yaml / mock-control.yaml) before a
// test sees it. There is no unchecked path: raw header or body variants go through the same `call`.
import { TEST_ADAPTER } from './test-adapter.ts';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { mintToken } from '../../src/identity/token.ts';
import { USERS } from '../../src/seed/ids.ts';
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/server/index.ts';
import { expectGraphResponse, type BatchRequestEntry } from './graph-schema.ts';

export { APPS, CATALOGS, EXTENSIONS, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS } from '../../src/seed/ids.ts';

export const EM = '/identityGovernance/entitlementManagement';
/** A stuck server fails the call (with its name) instead of hanging the run. */
const CALL_TIMEOUT_MS = 10_000;

export type Person = keyof typeof USERS;

/** A token for a seed person or any directory id, minted by the same function as `POST /_mock/token`. */
export function tokenFor(who: Person | { id: string; userPrincipalName?: string }): string {
  const user = typeof who === 'string' ? { id: USERS[who], userPrincipalName: `${who}@contoso.com` } : who;
  return mintToken(user);
}

export interface CallOptions {
  /** Who calls: a seed person, a raw token, or null for no Authorization header. */
  as?: Person | { token: string } | null;
  /** Sent as this exact Authorization header (wins over `as`). */
  authorization?: string;
  /** A string is sent as is (to send malformed JSON); anything else as JSON. */
  body?: unknown;
}

export interface GraphAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON (or the text of a non-JSON body), already validated against the spec. */
  body: any;
}

/** Where a mock listens: an in-process MockServer, or a CLI process's printed URLs. */
export interface MockEndpoint {
  /** `http://127.0.0.1:PORT` (the `/_mock` origin). */
  url: string;
  /** `http://127.0.0.1:PORT/v1.0` */
  graphUrl: string;
}

export class GraphHttp<S extends MockEndpoint = MockServer> {
  /** How many responses were validated: a test can compare it with the number of calls it made. */
  validated = 0;

  constructor(readonly server: S) {}

  /** `/v1.0`-relative Graph paths, `/_mock/...` control paths, or an absolute URL (an `@odata.nextLink`). */
  url(path: string): string {
    if (/^https?:\/\//.test(path)) return path;
    return path.startsWith('/_mock/') ? `${this.server.url}${path}` : `${this.server.graphUrl}${path}`;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<GraphAnswer> {
    const headers: Record<string, string> = {};
    const { as = null, authorization, body } = options;
    if (authorization !== undefined) headers.authorization = authorization;
    else if (as) headers.authorization = `Bearer ${typeof as === 'string' ? tokenFor(as) : as.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const url = this.url(path);
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`${method} ${path}: no answer within ${CALL_TIMEOUT_MS} ms (${(error as Error).message})`);
    }
    const batch = /\/\$batch$/.test(new URL(url).pathname) ? (body as { requests: BatchRequestEntry[] }) : undefined;
    const parsed = await expectGraphResponse(response, method, url, batch);
    this.validated++;
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get = (path: string, as?: CallOptions['as']) => this.call('GET', path, { as });
  post = (path: string, as: CallOptions['as'], body?: unknown) => this.call('POST', path, { as, body });
  patch = (path: string, as: CallOptions['as'], body?: unknown) => this.call('PATCH', path, { as, body });
  put = (path: string, as: CallOptions['as'], body?: unknown) => this.call('PUT', path, { as, body });
  delete = (path: string, as?: CallOptions['as']) => this.call('DELETE', path, { as });

  /** A call that must succeed with this status; returns the body. */
  async ok(method: string, path: string, status: number, options: CallOptions = {}): Promise<any> {
    const answer = await this.call(method, path, options);
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
    return answer.body;
  }

  /** A call that must fail with this status and Graph error code; returns the error object. */
  async refused(method: string, path: string, status: number, code: string, options: CallOptions = {}): Promise<any> {
    const answer = await this.call(method, path, options);
    expect({ status: answer.status, code: answer.body?.error?.code }, `${method} ${path}`).toEqual({ status, code });
    // Graph's error shape: innerError carries the same request-id as the header.
    expect(answer.body.error.innerError['request-id']).toBe(answer.headers.get('request-id'));
    return answer.body.error;
  }

  /** Every item of a collection, following `@odata.nextLink`. */
  async all(path: string, as: CallOptions['as']): Promise<any[]> {
    const items: any[] = [];
    for (let next: string | undefined = path; next; ) {
      const page = await this.ok('GET', next, 200, { as });
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  // ---- the control surface ----
  reset = (seed: 'contoso' | 'empty' = 'contoso') => this.ok('POST', '/_mock/reset', 204, { body: { seed } });
  advance = (duration: string) => this.ok('POST', '/_mock/clock', 200, { body: { advance: duration } });
  outbox = async (): Promise<any[]> => (await this.ok('GET', '/_mock/outbox', 200)).value;
  state = () => this.ok('GET', '/_mock/state', 200);
}

/**
 * One server for the test file (started before, closed after), back to the contoso seed before each test, and no
 * unexpected (non-Graph) error allowed: such an error is a bug that a client would only see as a bare 500.
 */
export function useMockServer(options: Omit<MockServerOptions, 'port' | 'onUnexpectedError'> = {}): () => GraphHttp {
  let graph: GraphHttp | undefined;
  const unexpected: unknown[] = [];
  beforeAll(async () => {
    graph = new GraphHttp(await startMockServer({ adapter: TEST_ADAPTER, ...options, port: 0, onUnexpectedError: (e) => unexpected.push(e) }));
  });
  afterAll(async () => {
    await graph?.server.close();
  });
  beforeEach(async () => {
    await graph!.server.engine.whenIdle();
    await graph!.reset();
  });
  afterEach(() => {
    expect(unexpected.splice(0).map(String)).toEqual([]);
  });
  return () => graph!;
}

export const answerString = (questionId: string, value: string) => ({
  '@odata.type': '#microsoft.graph.accessPackageAnswerString',
  value,
  answeredQuestion: { id: questionId },
});

export const userAdd = (accessPackageId: string, assignmentPolicyId: string, extra: Record<string, unknown> = {}) => {
  const { targetId, ...rest } = extra;
  return { requestType: 'userAdd', assignment: { accessPackageId, assignmentPolicyId, ...(targetId ? { targetId } : {}) }, ...rest };
};
