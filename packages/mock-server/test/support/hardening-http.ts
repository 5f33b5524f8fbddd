// Shared by the hardening suite (test/hardening): a real loopback server per test, calls with a hard time limit,
// tokens for the seed's people, the state hash that proves a refused call changed nothing, the Graph error-shape
// check, and the scan that proves no bearer token comes back in a response.
import { TEST_ADAPTER } from './test-adapter.ts';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { mintToken } from '../../src/identity/token.ts';
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/server/index.ts';
import { USERS } from '../../src/seed/ids.ts';
import { validateGraphResponse } from './graph-schema.ts';

export { APPS, CATALOGS, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS } from '../../src/seed/ids.ts';

export const EM = '/identityGovernance/entitlementManagement';
/** Long enough for a loaded 2-core machine, short enough that a hang fails the test instead of the run. */
export const REQUEST_TIMEOUT_MS = 5_000;

export type Person = keyof typeof USERS;
const tokens = new Map<string, string>();
/** A token for a seed user, minted like `POST /_mock/token` does (the same function), cached per user. */
export function tokenOf(person: Person): string {
  let token = tokens.get(person);
  if (!token) tokens.set(person, (token = mintToken({ id: USERS[person], userPrincipalName: `${person}@contoso.com` })));
  return token;
}

export interface Sent {
  method: string;
  /** Path under /v1.0 (or a /_mock path), query included. */
  path: string;
  /** A token, or null for none; `header` sends this exact Authorization header instead. */
  token?: string | null;
  header?: string;
  /** A string is sent as is (malformed JSON); anything else as JSON. */
  body?: unknown;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON when the body is JSON. */
  json: any;
  url: string;
}

export function urlOf(server: MockServer, path: string): string {
  return path.startsWith('/_mock') ? `${server.url}${path}` : `${server.graphUrl}${path}`;
}

/** One HTTP call that cannot hang: AbortSignal.timeout turns a stuck server into a failed test with the call named. */
export async function send(server: MockServer, sent: Sent): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (sent.header !== undefined) headers.authorization = sent.header;
  else if (sent.token) headers.authorization = `Bearer ${sent.token}`;
  let body: string | undefined;
  if (sent.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof sent.body === 'string' ? sent.body : JSON.stringify(sent.body);
  }
  const url = urlOf(server, sent.path);
  let response: Response;
  try {
    response = await fetch(url, { method: sent.method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`${sent.method} ${sent.path} got no answer within ${REQUEST_TIMEOUT_MS} ms: ${(error as Error).message}`);
  }
  const text = await response.text();
  let json: any;
  if (text && /json/i.test(response.headers.get('content-type') ?? '')) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json, url };
}

/** sha256 of the engine's whole state: equal hashes mean nothing changed, down to the clock and the outbox. */
export function stateHash(server: MockServer): string {
  return createHash('sha256').update(JSON.stringify(server.engine.toJSON())).digest('hex');
}

/**
 * Problems with an error answer: a 4xx, Graph's error body `{ error: { code, message, innerError } }` as the spec
 * declares it (validated against openapi.yaml for the operation), and innerError's request-id equal to the header.
 */
export function errorShapeProblems(sent: Sent, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status < 400 || answer.status > 499) problems.push(`status ${answer.status}, expected a 4xx`);
  const error = answer.json?.error;
  if (!error || typeof error.code !== 'string' || !error.code || typeof error.message !== 'string' || typeof error.innerError !== 'object') {
    problems.push('body is not { error: { code, message, innerError } }');
  } else if (error.innerError['request-id'] !== answer.headers.get('request-id')) {
    problems.push('innerError.request-id differs from the request-id header');
  }
  // An operation the spec does not know (a path made unknown on purpose) has no schema to check against beyond the
  // shape above; every other answer must match the spec's declared error response.
  const schema = validateGraphResponse(sent.method, answer.url, answer.status, answer.json ?? (/^text\/plain/i.test(answer.headers.get('content-type') ?? '') ? answer.text : undefined));
  if (!schema.every((p) => p.startsWith('no operation for'))) problems.push(...schema);
  return problems;
}

/** Where a bearer token (or its signature-less body, which is just as usable) shows up in an answer, if anywhere. */
export function tokenLeaks(answer: Answer, token: string): string[] {
  const needles = [token, token.split('.').slice(0, 2).join('.'), token.split('.')[1]].filter((n) => n && n.length >= 16);
  const places: string[] = [];
  for (const needle of new Set(needles)) {
    if (answer.text.includes(needle)) places.push('body');
    answer.headers.forEach((value, name) => {
      if (value.includes(needle)) places.push(`header ${name}`);
    });
  }
  return places;
}

export async function withServer<T>(run: (server: MockServer) => Promise<T>, options: MockServerOptions = {}): Promise<T> {
  const unexpected: unknown[] = [];
  const server = await startMockServer({ port: 0, adapter: TEST_ADAPTER, onUnexpectedError: (e) => unexpected.push(e), ...options });
  try {
    const result = await run(server);
    // A bug that turned into a bare 500 is also reported here; none may have happened.
    expect(unexpected.map(String)).toEqual([]);
    return result;
  } finally {
    await server.close();
  }
}

/** Runs tasks with at most `limit` in flight: enough to load the server, not enough to starve a 2-core machine. */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
}
