// Prototype-member names as outside strings, generated from packages/sdk/openapi.yaml: every name a plain object
// answers without holding it (`__proto__`, `constructor`, `toString`, ...) goes in as every path id, every `on=`
// function parameter, every enum value and body key a request body takes, every $select/$orderby/$filter/$expand
// property of a GET, every token claim, and every control-API seed and user name; over real loopback HTTP to a
// server in this process. Nothing may answer 5xx or 2xx, an id names nothing (404) and an `on=` value is not one
// (400), no message may show JavaScript source, Object.prototype must be exactly as it was, and the state hash
// unchanged.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/identity/base64url.ts';
import { BASE_BODIES, callerOf, keyOf, operations, pathOf, propertiesOf, unwrap, type Op } from '../support/sweep-operations.ts';
import { GROUPS, PACKAGES, USERS, inBatches, send, stateHash, tokenOf, withServer, type Sent } from '../support/hardening-http.ts';

/** Object.prototype's own members, and `prototype`: written out here, not taken from the code under test. */
const NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

interface Case extends Sent {
  why: string;
  /** The one status a lookup by such an id must get; any 4xx otherwise. */
  status?: number;
}

/** Every own property of Object.prototype with its descriptor's parts, to compare by identity afterwards. */
function prototypeSnapshot(): Array<[string, unknown[]]> {
  return Reflect.ownKeys(Object.prototype).map((key) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key)!;
    return [String(key), [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]];
  });
}

/** JSON text of `base` with `name` added as an own key (JSON.stringify of an object literal cannot write `__proto__`). */
function withKey(base: unknown, name: string, value: unknown): string {
  const inner = JSON.stringify(base ?? {}).slice(1, -1);
  return `{${JSON.stringify(name)}:${JSON.stringify(value)}${inner ? `,${inner}` : ''}}`;
}

const tokenWith = (claims: string) => [encodeBase64Url('{"alg":"none","typ":"JWT"}'), encodeBase64Url(claims), 'x'].join('.');

/** Top-level body properties whose schema is an enum (requestType, state, reviewResult, ...). */
function enumProperties(op: Op): string[] {
  if (!op.bodySchema) return [];
  return Object.entries(propertiesOf(op.bodySchema))
    .filter(([, schema]) => unwrap(schema).enum)
    .map(([property]) => property);
}

/** Reference bodies naming real objects, so that the path id is what the call is refused for. */
const REF_BODIES: Record<string, unknown> = {
  'POST /identityGovernance/entitlementManagement/accessPackages/{accessPackage-id}/incompatibleAccessPackages/$ref': {
    '@odata.id': `https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/${PACKAGES.salesPipeline}`,
  },
  'POST /identityGovernance/entitlementManagement/accessPackages/{accessPackage-id}/incompatibleGroups/$ref': {
    '@odata.id': `https://graph.microsoft.com/v1.0/groups/${GROUPS.salesTeam}`,
  },
  'PUT /users/{user-id}/manager/$ref': { '@odata.id': `https://graph.microsoft.com/v1.0/users/${USERS.lee}` },
  'POST /identityGovernance/entitlementManagement/connectedOrganizations/{connectedOrganization-id}/internalSponsors/$ref': {
    '@odata.id': `https://graph.microsoft.com/v1.0/users/${USERS.lee}`,
  },
  'POST /identityGovernance/entitlementManagement/connectedOrganizations/{connectedOrganization-id}/externalSponsors/$ref': {
    '@odata.id': `https://graph.microsoft.com/v1.0/users/${USERS.rob}`,
  },
};

function casesFor(op: Op): Case[] {
  const cases: Case[] = [];
  const { method } = op;
  const token = tokenOf(callerOf(op));
  const base = BASE_BODIES[keyOf(op)] ?? REF_BODIES[keyOf(op)] ?? (op.bodySchema ? {} : undefined);
  for (const name of NAMES) {
    for (const param of op.params) {
      const status = param === 'on' ? 400 : 404;
      cases.push({ why: `${param} = ${name}`, method, path: pathOf(op, { [param]: encodeURIComponent(name) }), token, body: base, status });
    }
    if (op.bodySchema) {
      const path = pathOf(op);
      cases.push({ why: `body key ${name}`, method, path, token, body: withKey(base, name, 'x') });
      cases.push({ why: `nested body key ${name}`, method, path, token, body: withKey(base, 'nested', JSON.parse(withKey({}, name, { a: 1 }))) });
      for (const property of enumProperties(op)) {
        cases.push({ why: `${property} = ${name}`, method, path, token, body: { ...(base as object), [property]: name } });
      }
    }
    if (method === 'GET') {
      const path = pathOf(op);
      const options = op.collection ? ['$select', '$orderby', '$filter', '$expand'] : ['$select', '$expand'];
      for (const option of options) {
        const value = option === '$filter' ? `${name} eq 'x'` : name;
        cases.push({ why: `${option} ${name}`, method, path: `${path}?${option}=${encodeURIComponent(value)}`, token });
      }
    }
  }
  return cases;
}

const CLAIM_CASES: Case[] = NAMES.flatMap((name) => [
  { why: `oid ${name}`, method: 'GET', path: '/me', token: tokenWith(JSON.stringify({ oid: name })) },
  { why: `preferred_username ${name}`, method: 'GET', path: '/me', token: tokenWith(JSON.stringify({ preferred_username: name })) },
  // A payload key of that name carrying a real user's id must not smuggle the claim in.
  { why: `claims under ${name}`, method: 'GET', path: '/me', token: tokenWith(withKey({}, name, { oid: '7a000000-0000-4000-8000-000000000001' })) },
]);

const CONTROL_CASES: Case[] = NAMES.flatMap((name) => [
  { why: `seed ${name}`, method: 'POST', path: '/_mock/reset', body: { seed: name } },
  { why: `reset body key ${name}`, method: 'POST', path: '/_mock/reset', body: withKey({}, name, 'contoso') },
  { why: `clock body key ${name}`, method: 'POST', path: '/_mock/clock', body: withKey({ advance: 'PT1H' }, name, 'x') },
  { why: `faults body key ${name}`, method: 'PUT', path: '/_mock/faults', body: withKey({}, name, 1) },
  { why: `token for ${name}`, method: 'POST', path: '/_mock/token', body: { userPrincipalName: name } },
]);

it('answers every prototype-member name, wherever the spec takes an outside string, with a 4xx and changes nothing', async () => {
  const cases = [...operations.flatMap(casesFor), ...CLAIM_CASES, ...CONTROL_CASES];
  const before = prototypeSnapshot();
  await withServer(async (server) => {
    const hash = stateHash(server);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await inBatches(cases, 4, async (c) => {
      const answer = await send(server, c);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const problems: string[] = [];
      if (c.status ? answer.status !== c.status : answer.status < 400 || answer.status >= 500) problems.push(`status ${answer.status}`);
      if (/\[native code\]|function \w*\(/.test(answer.text)) problems.push('the message shows JavaScript source');
      if (problems.length) failures.push(`${c.method} ${c.path.slice(0, 160)} [${c.why}] -> ${answer.status} ${answer.text.slice(0, 120)}`);
    });
    const unchanged = stateHash(server) === hash;
    const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
    const successes = [...statuses].filter(([s]) => s < 300).reduce((n, [, k]) => n + k, 0);
    console.log(
      `prototype-key sweep: ${cases.length} requests, ${NAMES.length} names over ${operations.length} operations; ` +
        `${fiveHundreds} 5xx, ${successes} 2xx, statuses ${JSON.stringify(Object.fromEntries(statuses))}, state ${unchanged ? 'unchanged' : 'CHANGED'}`,
    );
    expect(cases.length).toBeGreaterThan(2500);
    expect(failures).toEqual([]);
    expect(unchanged).toBe(true);
  });
  expect(prototypeSnapshot()).toEqual(before);
  expect(Object.keys({})).toEqual([]);
}, 120_000);

it('refuses a prototype-member name as the CLI --seed', () => {
  const cli = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
  for (const name of ['__proto__', 'constructor', 'toString']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--seed', name], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('--seed must be one of contoso, empty');
  }
}, 60_000);
