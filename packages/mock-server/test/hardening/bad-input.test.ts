// Bad-input sweep, generated from packages/sdk/openapi.yaml: for every path and method the spec has, the mock gets
// calls it must refuse (bad tokens, unknown ids, broken query options, malformed JSON, wrong-typed or out-of-range
// body properties, a caller without the right) over real loopback HTTP. Each must answer a 4xx in Graph's error
// shape, in time, and leave the state hash exactly as it was. The same answers are scanned for the bearer token
// (token hygiene): a mock that echoes the caller's token in an error or header would teach clients to leak it.
// Control: every base body used for the mutations is accepted on a fresh state at the end, so the wrong-typed
// variants are refused because of the one wrong property and not because the base was already invalid.
import { expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/identity/base64url.ts';
import {
  ADELE_CAMPAIGN_REQUEST,
  ADELE_CAMPAIGN_STAGE,
  BASE_BODIES,
  callerOf,
  keyOf,
  operations,
  pathOf,
  propertiesOf,
  unwrap,
  UNKNOWN_ID,
  type Op,
  type Schema,
} from '../support/sweep-operations.ts';
import {
  QUESTIONS,
  USERS,
  errorShapeProblems,
  send,
  stateHash,
  tokenLeaks,
  tokenOf,
  withServer,
  type Person,
  type Sent,
} from '../support/hardening-http.ts';

/** Values a property of this schema must never accept: another JSON type, and for enums a value not in the list. */
function wrongValues(schema: Schema): Array<[string, unknown]> {
  const s = unwrap(schema);
  if (s.enum) return [['unknown enum value', 'notAValueOfThisEnum'], ['number for enum', 7]];
  switch (s.type) {
    case 'string':
      return s.format === 'date-time' ? [['number for date-time', 12345], ['garbage date-time', '2026-13-45T99:99:99Z']] : [['number for string', 12345]];
    case 'boolean':
      return [['string for boolean', 'yes']];
    case 'integer':
    case 'number':
      return [['string for number', 'ten']];
    case 'array':
      return [['string for array', 'not-an-array']];
    default:
      // Objects and references to entity types.
      return [['number for object', 42]];
  }
}


// ---- the calls ----
interface Case extends Sent {
  why: string;
}

const unknownOidToken = [{ alg: 'none', typ: 'JWT' }, { oid: UNKNOWN_ID }].map((x) => encodeBase64Url(JSON.stringify(x))).join('.') + '.x';
const unknownUpnToken = [{ alg: 'none' }, { preferred_username: 'nobody@contoso.com' }].map((x) => encodeBase64Url(JSON.stringify(x))).join('.') + '.x';
const arrayPayloadToken = [encodeBase64Url('{"alg":"none"}'), encodeBase64Url('[1,2]'), 'x'].join('.');
const BAD_AUTH: Array<[string, Partial<Sent>]> = [
  ['no token', { token: null }],
  ['empty bearer', { header: 'Bearer ' }],
  ['basic scheme', { header: `Basic ${Buffer.from('admin:pw').toString('base64')}` }],
  ['not a JWT', { header: 'Bearer not-a-jwt' }],
  ['segments not JSON', { header: 'Bearer aGVsbG8.d29ybGQ.x' }],
  ['array payload', { header: `Bearer ${arrayPayloadToken}` }],
  ['unknown oid', { token: unknownOidToken }],
  ['unknown UPN', { token: unknownUpnToken }],
];

const MALFORMED_JSON = ['{', '{"displayName":', '{"a":1,}', "{'a':1}", 'nul', '\u0000', '{"a":"\\x"}'];
const NOT_AN_OBJECT = ['[]', '[{"requestType":"userAdd"}]', '"text"', '42', 'true', 'null'];

const COLLECTION_QUERIES = [
  '$top=-1', '$top=abc', '$top=1.5', '$skip=-3', '$count=maybe', '$filter=displayName eq', '$filter=(id eq \'x\'',
  "$filter=noSuchProperty eq 'x'", "$filter=id gt 'x' xor true", '$orderby=noSuchProperty desc', '$orderby=id sideways',
  '$expand=noSuchNavigation', '$select=noSuchProperty', '$skiptoken=garbage', '$unknownOption=1', '$top=1&$top=2',
];
const COUNT_QUERIES = ['$top=1', "$filter=noSuchProperty eq 'x'", '$orderby=id', '$expand=noSuchNavigation', '$select=id', '$unknownOption=1'];
const ENTITY_QUERIES = ['$top=1', '$filter=id eq \'x\'', '$expand=noSuchNavigation', '$select=noSuchProperty', '$unknownOption=1'];

/** Ops a user without any role (Isaiah: no role, not an approver or manager in these scenarios) must be refused. */
function strangerRefused(op: Op): boolean {
  if (op.method === 'GET') {
    // Reading someone else's request, approval, assignment or passes; plain lists are open (filtered to what they see),
    // and so are one's own passes under /me.
    if (op.template.startsWith('/me/')) return false;
    return /\{(accessPackageAssignmentRequest-id|approval-id|accessPackageAssignment-id)\}|temporaryAccessPassMethods/.test(op.template);
  }
  // Asking what a request needs is a read; a request for oneself is the one write every user may try (and Isaiah's
  // base body asks for Alex, which he may not).
  return !op.template.endsWith('/getApplicablePolicyRequirements');
}

function casesFor(op: Op, index: number): Case[] {
  const cases: Case[] = [];
  const method = op.method;
  const path = pathOf(op);
  const caller = tokenOf(callerOf(op));
  const base = BASE_BODIES[keyOf(op)] ?? (op.bodySchema ? {} : undefined);

  // Three token faults on every operation; the other five take turns, each still reaching a dozen operations
  // (the token layer is shared, so this keeps the sweep's run time down without leaving a fault untried).
  const auth = [...BAD_AUTH.slice(0, 2), BAD_AUTH[6], BAD_AUTH[[2, 3, 4, 5, 7][index % 5]]];
  for (const [why, header] of auth) cases.push({ why: `auth: ${why}`, method, path, body: base, ...header });

  for (const name of op.params) {
    if (name === 'on') {
      cases.push({ why: "unknown on='...'", method, path: pathOf(op, { on: 'everything' }), token: caller, body: base });
      cases.push({ why: "quote-breaking on='...'", method, path: pathOf(op, { on: "x')%2F..%2F(" }), token: caller, body: base });
      continue;
    }
    cases.push({ why: `unknown ${name}`, method, path: pathOf(op, { [name]: UNKNOWN_ID }), token: caller, body: base });
    cases.push({ why: `garbage ${name}`, method, path: pathOf(op, { [name]: "%27%29%3B--%20drop" }), token: caller, body: base });
  }

  if (method === 'GET') {
    for (const query of op.count ? COUNT_QUERIES : op.collection ? COLLECTION_QUERIES : ENTITY_QUERIES) {
      cases.push({ why: `query ${query}`, method, path: `${path}?${query}`, token: caller });
    }
  }

  if (method !== 'GET' && method !== 'DELETE') {
    for (const text of MALFORMED_JSON) cases.push({ why: `malformed JSON ${JSON.stringify(text)}`, method, path, token: caller, body: text });
    if (op.bodySchema) {
      for (const text of NOT_AN_OBJECT) cases.push({ why: `body ${text}`, method, path, token: caller, body: text });
      for (const [property, schema] of Object.entries(propertiesOf(op.bodySchema))) {
        for (const [kind, value] of wrongValues(schema)) {
          cases.push({ why: `${property}: ${kind}`, method, path, token: caller, body: { ...(base as object), [property]: value } });
        }
      }
    }
  }

  if (strangerRefused(op)) cases.push({ why: 'caller without the right (Isaiah)', method, path, token: tokenOf('isaiah'), body: base });
  return cases;
}

/** Hand-written out-of-range values deeper than the top level, where a schema type alone would accept them. */
const EM = '/identityGovernance/entitlementManagement';
const OUT_OF_RANGE: Case[] = [
  { why: 'TAP lifetime below 10 minutes', method: 'POST', path: `/users/${USERS.adele}/authentication/temporaryAccessPassMethods`, token: tokenOf('admin'), body: { lifetimeInMinutes: 5 } },
  { why: 'TAP lifetime above 30 days', method: 'POST', path: `/users/${USERS.adele}/authentication/temporaryAccessPassMethods`, token: tokenOf('admin'), body: { lifetimeInMinutes: 43201 } },
  { why: 'TAP lifetime fractional', method: 'POST', path: `/users/${USERS.adele}/authentication/temporaryAccessPassMethods`, token: tokenOf('admin'), body: { lifetimeInMinutes: 60.5 } },
  { why: 'reviewResult lower case', method: 'PATCH', path: `${EM}/accessPackageAssignmentApprovals/${ADELE_CAMPAIGN_REQUEST}/stages/${ADELE_CAMPAIGN_STAGE}`, token: tokenOf('lee'), body: { reviewResult: 'approve' } },
  { why: 'schedule ends before it starts', method: 'POST', path: `${EM}/assignmentRequests`, token: tokenOf('alex'), body: { ...(BASE_BODIES[`POST ${EM}/assignmentRequests`] as object), schedule: { startDateTime: '2026-12-01T00:00:00Z', expiration: { type: 'afterDateTime', endDateTime: '2026-11-01T00:00:00Z' } } } },
  { why: 'answer to an unknown question', method: 'POST', path: `${EM}/assignmentRequests`, token: tokenOf('alex'), body: { ...(BASE_BODIES[`POST ${EM}/assignmentRequests`] as object), answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'x', answeredQuestion: { id: UNKNOWN_ID } }] } },
  { why: 'answer not among the choices', method: 'POST', path: `${EM}/assignmentRequests`, token: tokenOf('alex'), body: { ...(BASE_BODIES[`POST ${EM}/assignmentRequests`] as object), answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'mars', answeredQuestion: { id: QUESTIONS.region } }] } },
  { why: 'unknown requestType', method: 'POST', path: `${EM}/assignmentRequests`, token: tokenOf('alex'), body: { ...(BASE_BODIES[`POST ${EM}/assignmentRequests`] as object), requestType: 'onBehalfAdd' } },
  { why: 'a 5 MiB body', method: 'POST', path: `${EM}/catalogs`, token: tokenOf('admin'), body: { displayName: 'x'.repeat(5 * 1024 * 1024) } },
  { why: 'unknown id in a reference body', method: 'PUT', path: `/users/${USERS.adele}/manager/$ref`, token: tokenOf('admin'), body: { '@odata.id': `https://graph.microsoft.com/v1.0/users/${UNKNOWN_ID}` } },
  { why: 'a batch over the 20-request limit', method: 'POST', path: '/$batch', token: tokenOf('admin'), body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) } },
  { why: 'a batch that is not a batch', method: 'POST', path: '/$batch', token: tokenOf('admin'), body: { requests: 'all of them' } },
];

it('refuses every malformed, unknown, out-of-range or unauthorized call with a 4xx in Graph error shape, changing nothing', async () => {
  const cases = [...operations.flatMap((op, i) => casesFor(op, i)), ...OUT_OF_RANGE];
  // The spec has more than 60 operations; a sweep that found none would pass vacuously.
  expect(operations.length).toBeGreaterThan(60);

  await withServer(async (server) => {
    const failures: string[] = [];
    const leaks: string[] = [];
    const before = stateHash(server);
    let fiveHundreds = 0;
    // One at a time: each call's hash check then names the call that changed the state.
    for (const c of cases) {
      const answer = await send(server, c);
      if (answer.status >= 500) fiveHundreds++;
      const problems = errorShapeProblems(c, answer);
      const after = stateHash(server);
      if (after !== before) {
        problems.push('state changed');
        server.engine.reset();
      }
      if (problems.length) failures.push(`${c.method} ${c.path.slice(0, 140)} [${c.why}] -> ${answer.status} ${answer.json?.error?.code ?? answer.text.slice(0, 80)}: ${problems.join('; ')}`);
      const token = c.token ?? c.header?.replace(/^\S+\s*/, '');
      if (token) for (const place of tokenLeaks(answer, token)) leaks.push(`${c.method} ${c.path} [${c.why}]: token in ${place}`);
    }
    const unchanged = stateHash(server) === before;
    console.log(
      `bad-input sweep: ${cases.length} requests over ${operations.length} operations, ${fiveHundreds} 5xx, ${failures.length} failures, state ${unchanged ? 'unchanged' : 'CHANGED'}`,
    );
    console.log(`token hygiene (mock side): ${cases.filter((c) => c.token || c.header).length} answers scanned, ${leaks.length} with the token`);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);

    // Control: each base body is valid, so its wrong-typed variants failed because of the wrong property.
    const accepted: string[] = [];
    for (const [key, body] of Object.entries(BASE_BODIES)) {
      server.engine.reset();
      const op = operations.find((o) => keyOf(o) === key)!;
      const answer = await send(server, { method: op.method, path: pathOf(op), token: tokenOf(callerOf(op)), body });
      if (answer.status >= 300) accepted.push(`${key} -> ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(accepted, 'base bodies the mock refuses').toEqual([]);
  });
}, 60_000);

