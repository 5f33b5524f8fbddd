// The response validator is itself tested: it must accept bodies Graph would send and reject anything else.
import { describe, expect, it } from 'vitest';
import { expectGraphResponse, validateGraphResponse } from '../support/graph-schema.ts';

const EM = '/v1.0/identityGovernance/entitlementManagement';
const PACKAGE = `${EM}/accessPackages/11111111-0000-4000-8000-000000000001`;

function accessPackage() {
  return {
    id: '11111111-0000-4000-8000-000000000001',
    displayName: 'Dummy package',
    description: 'Made up for the validator test',
    isHidden: false,
    createdDateTime: '2024-01-01T00:00:00Z',
    modifiedDateTime: '2024-01-02T10:30:00.123Z',
    catalog: { id: 'cat-1', displayName: 'Dummy catalog', state: 'published', catalogType: 'userManaged' },
    resourceRoleScopes: [
      {
        id: 'rrs-1',
        createdDateTime: '2024-01-01T00:00:00Z',
        role: { id: 'role-1', displayName: 'Member', originId: 'Member_1', originSystem: 'AadGroup' },
        scope: { id: 'scope-1', displayName: 'Root', isRootScope: true, originId: 'g-1', originSystem: 'AadGroup' },
      },
    ],
  };
}

function policy() {
  return {
    id: 'pol-1',
    displayName: 'Dummy policy',
    allowedTargetScope: 'allMemberUsers',
    requestorSettings: {
      enableTargetsToSelfAddAccess: true,
      enableOnBehalfRequestorsToAddAccess: true,
      onBehalfRequestors: [{ '@odata.type': '#microsoft.graph.targetManager', managerLevel: 1 }],
    },
    requestApprovalSettings: {
      isApprovalRequiredForAdd: true,
      stages: [
        {
          durationBeforeAutomaticDenial: 'P14D',
          primaryApprovers: [
            { '@odata.type': '#microsoft.graph.singleUser', userId: 'u-1', description: 'Someone' },
            { '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 },
          ],
        },
      ],
    },
    questions: [
      { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'q-1', text: 'Why?', isRequired: true, isSingleLineQuestion: true },
      {
        '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion',
        id: 'q-2',
        text: 'Which?',
        choices: [{ actualValue: 'a', text: 'A', localizations: [] }],
        isMultipleSelectionAllowed: false,
      },
    ],
  };
}

const problems = (body: unknown, url = PACKAGE, status = 200, method = 'GET') => validateGraphResponse(method, url, status, body);

describe('validateGraphResponse', () => {
  it('accepts a schema-valid access package with expanded navigation properties', () => {
    expect(problems(accessPackage())).toEqual([]);
  });

  it('accepts null for nullable references and scalars', () => {
    expect(problems({ ...accessPackage(), catalog: null, description: null, isHidden: null })).toEqual([]);
  });

  it('rejects an invented field, at the top and nested', () => {
    expect(problems({ ...accessPackage(), colour: 'blue' })).toEqual([expect.stringContaining("'colour'")]);
    const nested = accessPackage();
    (nested.catalog as Record<string, unknown>).owner = 'me';
    expect(problems(nested)).toEqual([expect.stringMatching(/\/catalog .*'owner'/)]);
  });

  it('rejects wrong types, including an object where a nullable reference is a scalar enum', () => {
    expect(problems({ ...accessPackage(), isHidden: 'no' })).toEqual([expect.stringContaining('/isHidden must be boolean')]);
    expect(problems({ ...accessPackage(), catalog: 'cat-1' })).not.toEqual([]);
    const assignment = { id: 'a-1', state: { value: 'delivered' } };
    expect(problems(assignment, `${EM}/assignments/a-1`)).not.toEqual([]);
  });

  it('rejects a bad enum value and a malformed date-time', () => {
    const assignment = { id: 'a-1', state: 'delivered', expiredDateTime: null };
    expect(problems(assignment, `${EM}/assignments/a-1`)).toEqual([]);
    expect(problems({ ...assignment, state: 'gone' }, `${EM}/assignments/a-1`)).toEqual([expect.stringContaining('/state must be one of')]);
    expect(problems({ ...accessPackage(), createdDateTime: 'yesterday' })).not.toEqual([]);
  });

  it('validates polymorphic members against the type named by @odata.type', () => {
    const url = `${EM}/assignmentPolicies/pol-1`;
    expect(problems(policy(), url)).toEqual([]);
    const wrongMember = policy();
    (wrongMember.requestApprovalSettings.stages[0].primaryApprovers[0] as Record<string, unknown>).managerLevel = 2;
    expect(problems(wrongMember, url)).toEqual([expect.stringContaining("'managerLevel'")]);
    const unknownType = policy();
    unknownType.requestorSettings.onBehalfRequestors[0]['@odata.type'] = '#microsoft.graph.somebody';
    expect(problems(unknownType, url)).toEqual([expect.stringContaining('@odata.type must be one of')]);
    const untyped = policy();
    delete (untyped.requestorSettings.onBehalfRequestors[0] as Record<string, unknown>)['@odata.type'];
    expect(problems(untyped, url)).toEqual([expect.stringContaining("'managerLevel'")]);
  });

  it('accepts directory objects of a derived type only with their @odata.type', () => {
    const url = '/v1.0/me/directReports';
    const user = { id: 'u-2', displayName: 'Dummy Report', userPrincipalName: 'report@example.test' };
    expect(problems({ value: [{ '@odata.type': '#microsoft.graph.user', ...user }] }, url)).toEqual([]);
    expect(problems({ value: [user] }, url)).toContain("/value/0 has a property microsoft.graph.directoryObject does not declare: 'displayName'");
  });

  it('checks collections, including @odata annotations', () => {
    const body = {
      '@odata.context': 'http://127.0.0.1/v1.0/$metadata#accessPackages',
      '@odata.count': 3,
      '@odata.nextLink': 'http://127.0.0.1/v1.0/x?$skiptoken=abc',
      value: [accessPackage()],
    };
    expect(problems(body, `${EM}/accessPackages`)).toEqual([]);
    expect(problems(body, `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`)).toEqual([]);
    expect(problems(body, `http://127.0.0.1:4010${EM}/accessPackages/filterByCurrentUser(on=%27allowedRequestor%27)?$top=1`)).toEqual([]);
    expect(problems({ ...body, '@odata.count': 'three' }, `${EM}/accessPackages`)).not.toEqual([]);
    expect(problems({ ...body, value: [{ id: 1 }] }, `${EM}/accessPackages`)).not.toEqual([]);
  });

  it('checks error bodies against Graph error shape for 4XX and 5XX', () => {
    const error = { error: { code: 'ResourceNotFound', message: 'Nope', innerError: { 'request-id': 'r', date: '2024-01-01T00:00:00Z' } } };
    expect(problems(error, PACKAGE, 404)).toEqual([]);
    expect(problems(error, PACKAGE, 503)).toEqual([]);
    expect(problems({ error: { code: 'X' } }, PACKAGE, 400)).toEqual([expect.stringContaining("must have required property 'message'")]);
  });

  it('requires empty bodies for 204 and knows undocumented statuses', () => {
    const url = `${EM}/accessPackages/p-1`;
    expect(problems(undefined, url, 204, 'DELETE')).toEqual([]);
    expect(problems({ id: 'p-1' }, url, 204, 'DELETE')).toEqual([expect.stringContaining('must have no body')]);
    expect(problems(undefined, url, 200, 'DELETE')).toEqual([expect.stringContaining('documents no response for status 200')]);
  });

  it('refuses paths and methods no spec has', () => {
    expect(problems({}, '/v1.0/me/invented')).toEqual([expect.stringContaining('no operation for GET /me/invented')]);
    expect(problems({}, '/v1.0/me', 200, 'DELETE')).toEqual([expect.stringContaining('no operation for DELETE /me')]);
  });

  it('checks /_mock/ responses against mock-control.yaml', () => {
    expect(validateGraphResponse('GET', 'http://127.0.0.1:1/_mock/clock', 200, { now: '2024-01-01T00:00:00Z' })).toEqual([]);
    expect(validateGraphResponse('GET', '/_mock/clock', 200, { now: 'soon' })).not.toEqual([]);
    expect(validateGraphResponse('GET', '/_mock/clock', 200, { now: '2024-01-01T00:00:00Z', speed: 2 })).not.toEqual([]);
  });

  it('recurses into $batch sub-responses with their own method and url', () => {
    const batchRequest = {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: `identityGovernance/entitlementManagement/accessPackages/p-1` },
      ],
    };
    const ok = {
      responses: [
        { id: '1', status: 200, headers: { 'Content-Type': 'application/json' }, body: { id: 'u-1', displayName: 'Me' } },
        { id: '2', status: 404, headers: {}, body: { error: { code: 'ResourceNotFound', message: 'No.' } } },
      ],
    };
    expect(validateGraphResponse('POST', '/v1.0/$batch', 200, ok, batchRequest)).toEqual([]);
    const bad = structuredClone(ok);
    (bad.responses[0].body as Record<string, unknown>).shoeSize = 44;
    expect(validateGraphResponse('POST', '/v1.0/$batch', 200, bad, batchRequest)).toEqual([expect.stringMatching(/responses\[0\].*GET \/me.*'shoeSize'/)]);
    expect(validateGraphResponse('POST', '/v1.0/$batch', 200, { responses: [ok.responses[0]] }, batchRequest)).toEqual([
      "$batch: request '2' got no response",
    ]);
    expect(validateGraphResponse('POST', '/v1.0/$batch', 200, ok)).toEqual([expect.stringContaining('pass the batch request body')]);
  });
});

describe('expectGraphResponse', () => {
  it('returns the body of a conforming response and throws a readable error otherwise', async () => {
    const headers = { 'content-type': 'application/json', 'request-id': 'r-1' };
    const good = new Response(JSON.stringify(accessPackage()), { headers });
    await expect(expectGraphResponse(good, 'GET', PACKAGE)).resolves.toMatchObject({ displayName: 'Dummy package' });
    const bad = new Response(JSON.stringify({ ...accessPackage(), bogus: 1 }), { headers });
    await expect(expectGraphResponse(bad, 'GET', PACKAGE)).rejects.toThrow(/GET .* -> 200 breaks the contract:\n {2}- \(root\) has a property .*'bogus'/);
    const noRequestId = new Response(JSON.stringify(accessPackage()), { headers: { 'content-type': 'application/json' } });
    await expect(expectGraphResponse(noRequestId, 'GET', PACKAGE)).rejects.toThrow(/request-id/);
  });
});
