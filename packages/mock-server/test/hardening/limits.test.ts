// Input at the edges of what Graph can represent or what a parser can walk, over real loopback HTTP: instants past
// 9999-12-31T23:59:59Z, durations that would carry the clock there, days no calendar has, deep or long $filter,
// $expand and JSON, and a question pattern that makes a backtracking engine run for hours. Each is a 400 in Graph's
// error shape, answered at once, with the state exactly as it was; and the server goes on working afterwards.
import { expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, USERS, errorShapeProblems, send, stateHash, tokenOf, withServer, type Sent } from '../support/hardening-http.ts';
import type { MockServer } from '../../src/server/index.ts';

/** Sends, then checks: a 400 in Graph's shape, within `withinMs`, and the state hash unchanged. */
async function refused(server: MockServer, sent: Sent, withinMs = 2_000): Promise<string> {
  const hash = stateHash(server);
  const started = performance.now();
  const answer = await send(server, sent);
  const elapsed = performance.now() - started;
  expect(answer.status, answer.text.slice(0, 300)).toBe(400);
  expect(errorShapeProblems(sent, answer)).toEqual([]);
  expect(elapsed, `${sent.method} ${sent.path.slice(0, 80)} took ${Math.round(elapsed)} ms`).toBeLessThan(withinMs);
  expect(stateHash(server)).toBe(hash);
  return answer.json.error.code;
}

const clock = (body: unknown): Sent => ({ method: 'POST', path: '/_mock/clock', body });
const adminAdd = (schedule: unknown): Sent => ({
  method: 'POST',
  path: `${EM}/assignmentRequests`,
  token: tokenOf('admin'),
  body: {
    requestType: 'adminAdd',
    assignment: { targetId: USERS.alex, accessPackageId: PACKAGES.salesPipeline, assignmentPolicyId: POLICIES.salesPipeline },
    schedule,
  },
});

it('stops the clock at 9999-12-31T23:59:59Z: a later instant or a step past it is 400, and the state still loads', async () => {
  await withServer(async (server) => {
    expect((await send(server, clock({ now: '9999-12-31T23:59:59Z' }))).json).toEqual({ now: '9999-12-31T23:59:59Z' });
    expect(await refused(server, clock({ advance: 'P1D' }))).toBe('InvalidDuration');
    expect(await refused(server, clock({ advance: 'PT1S' }))).toBe('InvalidDuration');
    expect(await refused(server, clock({ now: '10000-01-01T00:00:00Z' }))).toBe('InvalidDateTime');
    expect(await refused(server, clock({ now: '9999-12-31T23:59:59-01:00' }))).toBe('InvalidDateTime');
    // What a state file holds after this: it loads again.
    const saved = JSON.parse(JSON.stringify(server.engine.toJSON()));
    expect(() => server.engine.fromJSON(saved)).not.toThrow();
    expect(server.engine.now()).toBe('9999-12-31T23:59:59Z');
  });
});

it('refuses out-of-range durations before anything changes: P100000000D as a clock step and as an adminAdd expiration', async () => {
  await withServer(async (server) => {
    expect(await refused(server, clock({ advance: 'P100000000D' }))).toBe('InvalidDuration');
    expect(await refused(server, adminAdd({ expiration: { type: 'afterDuration', duration: 'P100000000D' } }))).toBe('InvalidSchedule');
    // 3,000,000 days is a duration Graph can write, but from 2026 it ends after year 9999.
    expect(await refused(server, adminAdd({ expiration: { type: 'afterDuration', duration: 'P3000000D' } }))).toBe('InvalidSchedule');
    expect(await refused(server, adminAdd({ expiration: { type: 'afterDateTime', endDateTime: '10000-01-01T00:00:00Z' } }))).toBe('InvalidSchedule');
    // Nothing is wedged: the clock and the rules still work.
    expect((await send(server, clock({ advance: 'P1D' }))).status).toBe(200);
    expect((await send(server, adminAdd({ expiration: { type: 'afterDuration', duration: 'P30D' } }))).status).toBe(201);
  });
});

it('refuses days no calendar has (2027-02-30, 2026-04-31, 2026-02-29) as the clock, a schedule, a body date-time and a $filter literal', async () => {
  await withServer(async (server) => {
    for (const day of ['2027-02-30', '2026-04-31', '2026-02-29']) {
      expect(await refused(server, clock({ now: `${day}T00:00:00Z` }))).toBe('InvalidDateTime');
      expect(await refused(server, adminAdd({ startDateTime: `${day}T09:00:00Z`, expiration: { type: 'noExpiration' } }))).toBe('InvalidSchedule');
      const tap = { method: 'POST', path: `/users/${USERS.adele}/authentication/temporaryAccessPassMethods`, token: tokenOf('admin'), body: { startDateTime: `${day}T09:00:00Z` } };
      expect(await refused(server, tap)).toBe('InvalidProperty');
      const filter = `${EM}/assignmentRequests?$filter=${encodeURIComponent(`createdDateTime gt ${day}T00:00:00Z`)}`;
      expect(await refused(server, { method: 'GET', path: filter, token: tokenOf('admin') })).toBe('InvalidFilter');
    }
    // A leap day is a day.
    expect((await send(server, clock({ now: '2028-02-29T00:00:00Z' }))).status).toBe(200);
  });
});

const batchOf = (requests: unknown[]): Sent => ({ method: 'POST', path: '/$batch', token: tokenOf('admin'), body: { requests } });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

it('bounds every parser: deep $filter, long and-chains, deep JSON and deep $expand are 400 at once, alone or in a $batch', async () => {
  await withServer(async (server) => {
    const requests = `${EM}/assignmentRequests`;
    const admin = tokenOf('admin');
    const deepFilter = `${'('.repeat(3000)}state eq 'delivered'${')'.repeat(3000)}`;
    expect(await refused(server, { method: 'GET', path: `${requests}?$filter=${encodeURIComponent(deepFilter)}`, token: admin })).toBe('InvalidFilter');
    const notChain = `${'not '.repeat(1000)}state eq 'delivered'`;
    expect(await refused(server, { method: 'GET', path: `${requests}?$filter=${encodeURIComponent(notChain)}`, token: admin })).toBe('InvalidFilter');
    expect(await refused(server, { method: 'POST', path: `${EM}/catalogs`, token: admin, body: `{"displayName":"x","d":${nested(100_000)}}` })).toBe('BadRequest');

    // Inside a $batch: each item is answered 400, the batch itself 200, all quickly.
    const andChain = Array.from({ length: 10_000 }, () => "state eq 'delivered'").join(' and ');
    const deepExpand = `${'catalog($expand='.repeat(40_000)}catalog${')'.repeat(40_000)}`;
    const started = performance.now();
    const hash = stateHash(server);
    const answer = await send(
      server,
      batchOf([
        { id: '1', method: 'GET', url: `/identityGovernance/entitlementManagement/assignmentRequests?$filter=${encodeURIComponent(andChain)}` },
        { id: '2', method: 'GET', url: `/identityGovernance/entitlementManagement/accessPackages?$expand=${deepExpand}` },
        { id: '3', method: 'GET', url: `/identityGovernance/entitlementManagement/accessPackages?$filter=${encodeURIComponent(deepFilter)}` },
      ]),
    );
    // About 0.2 s on a quiet machine; the bound leaves room for a loaded one. Before the bounds, the 40,000-level
    // $expand alone held the server for over a minute.
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(answer.status).toBe(200);
    expect(answer.json.responses.map((r: { id: string; status: number; body: any }) => [r.id, r.status, r.body.error.code])).toEqual([
      ['1', 400, 'InvalidFilter'],
      ['2', 400, 'InvalidQueryOption'],
      ['3', 400, 'InvalidFilter'],
    ]);
    // A batch whose item body nests 10^5 levels is not JSON the mock walks: the batch is refused whole.
    expect(await refused(server, { ...batchOf([]), body: `{"requests":[{"id":"1","method":"POST","url":"/identityGovernance/entitlementManagement/catalogs","headers":{"content-type":"application/json"},"body":${nested(100_000)}}]}` })).toBe('BadRequest');
    expect(stateHash(server)).toBe(hash);
    // Within the bounds, nested $expand still works.
    const pkg = await send(server, { method: 'GET', path: `${EM}/accessPackages/${PACKAGES.salesPipeline}?$expand=resourceRoleScopes($expand=role($expand=resource),scope)`, token: admin });
    expect(pkg.status).toBe(200);
    expect(pkg.json.resourceRoleScopes[0].role.resource.id).toBeTruthy();
  });
});

it('evaluates a question regexPattern in linear time: ^(a+)+$ refuses 30 or 5,000 a and a ! at once; RE2-only syntax', async () => {
  await withServer(async (server) => {
    const admin = tokenOf('admin');
    const policy = (regexPattern: string): Sent => ({
      method: 'POST',
      path: `${EM}/assignmentPolicies`,
      token: admin,
      body: {
        displayName: `Pattern ${regexPattern}`,
        accessPackage: { id: PACKAGES.salesPipeline },
        allowedTargetScope: 'allMemberUsers',
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        questions: [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'q-pattern', text: 'Code', isRequired: true, regexPattern }],
      },
    });
    const created = await send(server, policy('^(a+)+$'));
    expect(created.status).toBe(201);
    const request = (value: string): Sent => ({
      method: 'POST',
      path: `${EM}/assignmentRequests`,
      token: tokenOf('alex'),
      body: {
        requestType: 'userAdd',
        assignment: { accessPackageId: PACKAGES.salesPipeline, assignmentPolicyId: created.json.id },
        answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value, answeredQuestion: { id: 'q-pattern' } }],
      },
    });
    // 30 characters take a backtracking engine seconds (x4 for every 2 more); RE2 answers in microseconds. The short
    // one first, so that without RE2 the test fails on the time bound instead of blocking the process for good.
    expect(await refused(server, request(`${'a'.repeat(30)}!`), 1_000)).toBe('AnswerDoesNotMatchPattern');
    expect(await refused(server, request(`${'a'.repeat(5_000)}!`), 1_000)).toBe('AnswerDoesNotMatchPattern');
    expect((await send(server, request('aaaa'))).status).toBe(201);
    // Backreferences and lookaround need a backtracking engine: refused when the policy is written.
    for (const pattern of ['(a)\\1', '^(?=a)a$', '(?<!b)a']) expect(await refused(server, policy(pattern))).toBe('InvalidRegexPattern');
  });
});
