// Microsoft's Kiota-based Graph SDK (@microsoft/msgraph-sdk, -core, -users), unchanged, against the mock's HTTP
// server: the seed flows (a manager requests for a report, the approver decides, the manager sees and removes the
// access), paging with its PageIterator, its $batch classes and its retry handler on injected 429s. Entitlement
// management has no fluent package, so those calls go through the SDK's own RequestInformation with its models.
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider, HttpMethod, RequestInformation, type Parsable, type ParsableFactory } from '@microsoft/kiota-abstractions';
import { GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import {
  createAccessPackageAssignmentCollectionResponseFromDiscriminatorValue,
  createAccessPackageAssignmentRequestCollectionResponseFromDiscriminatorValue,
  createAccessPackageAssignmentRequestFromDiscriminatorValue,
  createApprovalFromDiscriminatorValue,
  serializeAccessPackageAssignmentRequest,
  serializeApprovalStage,
  type AccessPackageAssignment,
  type AccessPackageAssignmentCollectionResponse,
  type AccessPackageAssignmentRequestCollectionResponse,
  type AccessPackageAssignmentRequest,
  type Approval,
} from '@microsoft/msgraph-sdk/models/index.js';
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-sdk/models/oDataErrors/index.js';
import { BatchRequestContent, PageIterator, type PageCollection } from '@microsoft/msgraph-sdk-core';
import { createUsersServiceClient } from '@microsoft/msgraph-sdk-users';
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, POLICIES, QUESTIONS, tokenFor, USERS, useMockServer, type Person } from '../support/graph-http.ts';

const graph = useMockServer();
const errors = { XXX: createODataErrorFromDiscriminatorValue };

function adapterFor(who: Person) {
  const url = new URL(graph().server.graphUrl);
  const auth = new BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => tokenFor(who),
    getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([url.hostname])),
  });
  const adapter = new GraphRequestAdapter(auth);
  adapter.baseUrl = url.href;
  return adapter;
}

function request(adapter: GraphRequestAdapter, method: HttpMethod, path: string, headers: Record<string, string> = {}) {
  const info = new RequestInformation(method, `{+baseurl}${path}`);
  info.pathParameters.baseurl = adapter.baseUrl;
  for (const [name, value] of Object.entries(headers)) info.headers.tryAdd(name, value);
  return info;
}

const send = <T extends Parsable>(adapter: GraphRequestAdapter, info: RequestInformation, factory: ParsableFactory<T>) =>
  adapter.send<T>(info, factory, errors);

async function everything<T extends Parsable>(adapter: GraphRequestAdapter, first: { value?: T[] | null; odataNextLink?: string | null } | undefined, factory: ParsableFactory<Parsable>): Promise<T[]> {
  const items: T[] = [];
  await new PageIterator<T>(adapter, first as PageCollection<T>, (item) => (items.push(item), true), factory as ParsableFactory<PageCollection<T>>, errors).iterate();
  return items;
}

describe("Microsoft's Kiota Graph SDK against the mock", () => {
  it('a manager requests for a report, the approver decides, the manager sees and removes the access', async () => {
    const lee = adapterFor('lee');
    const users = createUsersServiceClient(lee);
    const reports = await users.me.directReports.get();
    expect(reports?.value?.map((r) => r.id)).toContain(USERS.pradeep);

    const body: AccessPackageAssignmentRequest = {
      requestType: 'userAdd',
      assignment: { additionalData: { targetId: USERS.pradeep, accessPackageId: PACKAGES.marketingCampaigns, assignmentPolicyId: POLICIES.marketingCampaigns } },
      justification: 'Winter campaign',
      answers: [{ odataType: '#microsoft.graph.accessPackageAnswerString', additionalData: { value: 'MKT-1234' }, answeredQuestion: { id: QUESTIONS.campaignCode } }],
    };
    const create = request(lee, HttpMethod.POST, `${EM}/assignmentRequests`);
    create.setContentFromParsable(lee, 'application/json', body, serializeAccessPackageAssignmentRequest);
    const created = await send<AccessPackageAssignmentRequest>(lee, create, createAccessPackageAssignmentRequestFromDiscriminatorValue);
    expect(created?.state).toBe('submitted'); // Graph's answer; the mock processes it before the next call

    // Lee cannot approve his own request for his report; the policy falls back to Diego.
    const diego = adapterFor('diego');
    const pending = await send<AccessPackageAssignmentRequestCollectionResponse>(diego, request(diego, HttpMethod.GET, `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`), createAccessPackageAssignmentRequestCollectionResponseFromDiscriminatorValue);
    expect(pending?.value?.map((r) => r.id)).toContain(created!.id);
    const approval = await send<Approval>(diego, request(diego, HttpMethod.GET, `${EM}/accessPackageAssignmentApprovals/${created!.id}?$expand=stages`), createApprovalFromDiscriminatorValue);
    const stage = approval!.stages!.find((s) => s.status === 'InProgress')!;
    expect(stage).toMatchObject({ reviewResult: 'NotReviewed', assignedToMe: true });
    const decide = request(diego, HttpMethod.PATCH, `${EM}/accessPackageAssignmentApprovals/${created!.id}/stages/${stage.id}`);
    decide.setContentFromParsable(diego, 'application/json', { reviewResult: 'Approve', justification: 'OK' }, serializeApprovalStage);
    await diego.sendNoResponseContent(decide, errors);

    await graph().server.engine.whenIdle();
    const team = request(lee, HttpMethod.GET, `${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=target`, { Prefer: 'include-unknown-enum-members' });
    const page = await send<AccessPackageAssignmentCollectionResponse>(lee, team, createAccessPackageAssignmentCollectionResponseFromDiscriminatorValue);
    const all = await everything<AccessPackageAssignment>(lee, page, createAccessPackageAssignmentCollectionResponseFromDiscriminatorValue);
    const granted = all.find((a) => a.target?.objectId === USERS.pradeep && a.state === 'delivered' && a.id);
    expect(granted, 'Pradeep now has Marketing Campaigns').toBeDefined();

    const remove = request(lee, HttpMethod.POST, `${EM}/assignmentRequests`);
    remove.setContentFromParsable(lee, 'application/json', { requestType: 'userRemove', assignment: { id: granted!.id } }, serializeAccessPackageAssignmentRequest);
    const removal = await send<AccessPackageAssignmentRequest>(lee, remove, createAccessPackageAssignmentRequestFromDiscriminatorValue);
    expect(removal?.requestType).toBe('userRemove');
  });

  it('pages with its PageIterator across @odata.nextLink', async () => {
    const admin = adapterFor('admin');
    const first = await send<AccessPackageAssignmentRequestCollectionResponse>(admin, request(admin, HttpMethod.GET, `${EM}/assignmentRequests?$top=2`), createAccessPackageAssignmentRequestCollectionResponseFromDiscriminatorValue);
    expect(first?.odataNextLink).toBeTruthy();
    const all = await everything<AccessPackageAssignmentRequest>(admin, first, createAccessPackageAssignmentRequestCollectionResponseFromDiscriminatorValue);
    const total = Object.keys(graph().server.engine.toJSON().requests).length;
    expect(new Set(all.map((r) => r.id)).size).toBe(total);
  });

  it('sends a JSON batch with its BatchRequestContent', async () => {
    const lee = adapterFor('lee');
    const batch = new BatchRequestContent(lee, errors);
    const me = batch.addBatchRequest(request(lee, HttpMethod.GET, '/me'));
    const reports = batch.addBatchRequest(request(lee, HttpMethod.GET, '/me/directReports'));
    const answer = await batch.postAsync();
    expect(answer?.getResponseById(me.id)?.status).toBe(200);
    expect(answer?.getResponseById(reports.id)?.status).toBe(200);
  });

  it('retries throttled calls (429 with Retry-After) with its retry handler', async () => {
    const http = graph();
    await http.ok('PUT', '/_mock/faults', 200, { body: { throttleEvery: 2, retryAfterSeconds: 0 } });
    const users = createUsersServiceClient(adapterFor('lee'));
    for (let i = 0; i < 4; i++) expect((await users.me.get())?.id).toBe(USERS.lee);
    // The mock did throttle: of two plain calls, one is a 429.
    const plain = await Promise.all([0, 1].map(() => fetch(`${http.server.graphUrl}/me`, { headers: { authorization: `Bearer ${tokenFor('lee')}` } })));
    expect(plain.map((r) => r.status).sort()).toEqual([200, 429]);
  });
});
