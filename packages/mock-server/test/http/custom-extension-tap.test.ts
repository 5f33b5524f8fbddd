// Flow (d) over real sockets: the "manager requests a Temporary Access Pass for a report" pattern. An administrator
// points the TAP policy at a launch-and-wait extension whose endpoint is a local HTTP server standing in for the
// Logic App; the callout arrives there, and the "app" issues the pass and resumes the request with its own token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCalloutEndpoint, type CalloutEndpoint } from '../support/callout-endpoint.ts';
import type { GraphHttp } from '../support/graph-http.ts';
import { APPS, CATALOGS, EM, EXTENSIONS, PACKAGES, POLICIES, tokenFor, USERS, useMockServer, userAdd } from '../support/graph-http.ts';

const graph = useMockServer();
let endpoint: CalloutEndpoint;
beforeAll(async () => {
  endpoint = await startCalloutEndpoint();
});
afterAll(() => endpoint.close());

const app = { token: tokenFor({ id: APPS.accessAutomation }) };
const tapRequest = userAdd(PACKAGES.temporaryAccessPass, POLICIES.temporaryAccessPass, { targetId: USERS.alex, parameters: { bypassApproval: true } });

/** Through the admin API: a launch-and-wait extension on the endpoint, run by the TAP policy when a request is approved. */
async function pointTapPolicyAt(http: GraphHttp, targetUrl: string): Promise<string> {
  const extension = await http.ok('POST', `${EM}/catalogs/${CATALOGS.itEngineering}/customWorkflowExtensions`, 201, {
    as: 'admin',
    body: {
      '@odata.type': '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension',
      displayName: 'Issue Temporary Access Pass (local endpoint)',
      endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl },
      authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdTokenAuthentication', resourceId: APPS.accessAutomationAppId },
      callbackConfiguration: { '@odata.type': '#microsoft.graph.customExtensionCallbackConfiguration', timeoutDuration: 'PT1H' },
    },
  });
  const policy = await http.ok('GET', `${EM}/assignmentPolicies/${POLICIES.temporaryAccessPass}?$expand=accessPackage,questions,customExtensionStageSettings`, 200, { as: 'admin' });
  const { id, createdDateTime, modifiedDateTime, ...writable } = policy;
  const replaced = await http.ok('PUT', `${EM}/assignmentPolicies/${id}`, 200, {
    as: 'admin',
    body: { ...writable, accessPackage: { id: PACKAGES.temporaryAccessPass }, customExtensionStageSettings: [{ stage: 'assignmentRequestApproved', customExtension: { id: extension.id } }] },
  });
  expect(replaced.id).toBe(POLICIES.temporaryAccessPass);
  return extension.id;
}

describe('custom extension callout to a local endpoint, resume by the app, Temporary Access Pass', () => {
  it('the callout reaches the endpoint; the app issues a pass and resumes; the request completes', async () => {
    const http = graph();
    const extensionId = await pointTapPolicyAt(http, endpoint.url);

    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'lee', body: tapRequest });
    const { payload, headers } = await endpoint.next();
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(payload).toMatchObject({
      Stage: 'assignmentRequestApproved',
      AccessPackageAssignmentRequestId: created.id,
      CallbackUriPath: `${EM}/assignmentRequests/${created.id}/resume`,
      CallbackConfiguration: { DurationBeforeTimeout: 'PT1H' },
      AccessPackage: { Id: PACKAGES.temporaryAccessPass },
      Assignment: { Target: { ObjectId: USERS.alex } },
      Requestor: { ObjectId: USERS.lee },
    });
    // Bypassed, so it never waited for an approver; now it waits for the app (nothing is delivered yet).
    expect(await http.ok('GET', `${EM}/assignmentRequests/${created.id}`, 200, { as: 'lee' })).toMatchObject({ state: 'submitted', status: 'WaitingForCallback' });

    // What the Logic App does, with the app identity's token: issue the pass for the target, then resume.
    const pass = await http.ok('POST', `/users/${payload.Assignment.Target.ObjectId}/authentication/temporaryAccessPassMethods`, 201, {
      as: app,
      body: { lifetimeInMinutes: 60, isUsableOnce: true },
    });
    expect(pass.temporaryAccessPass).toMatch(/^\S{8,}$/);
    const resume = {
      source: 'Contoso.IssueTap',
      type: 'microsoft.graph.accessPackageCustomExtensionStage.assignmentRequestApproved',
      data: {
        '@odata.type': 'microsoft.graph.accessPackageAssignmentRequestCallbackData',
        stage: 'assignmentRequestApproved',
        customExtensionStageInstanceId: payload.CustomExtensionStageInstanceId,
        customExtensionStageInstanceDetail: 'Temporary Access Pass issued.',
      },
    };
    // Only the app (or a governance administrator) may resume; the manager who asked may not.
    await http.refused('POST', payload.CallbackUriPath, 403, 'Authorization_RequestDenied', { as: 'lee', body: resume });
    const resumed = await http.call('POST', payload.CallbackUriPath, { as: app, body: resume });
    expect(resumed.status).toBe(204);
    await http.refused('POST', payload.CallbackUriPath, 409, 'RequestNotWaitingForCallback', { as: app, body: resume });

    const done = await http.ok('GET', `${EM}/assignmentRequests/${created.id}`, 200, { as: 'lee' });
    expect(done.state).toBe('delivered');
    expect(done.customExtensionCalloutInstances).toEqual([
      expect.objectContaining({ customExtensionId: extensionId, status: 'callbackReceived', detail: 'Temporary Access Pass issued.' }),
    ]);
    const passes = await http.ok('GET', `/users/${USERS.alex}/authentication/temporaryAccessPassMethods`, 200, { as: 'admin' });
    expect(passes.value).toEqual([expect.objectContaining({ id: pass.id, isUsableOnce: true, lifetimeInMinutes: 60, temporaryAccessPass: null })]);
    expect(endpoint.received).toHaveLength(1);
  });

  it("the seed's own extension points off this machine: the callout is refused (loopback only) and recorded as failed", async () => {
    const http = graph();
    const created = await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'lee', body: tapRequest });
    await http.server.engine.whenIdle();
    const request = await http.ok('GET', `${EM}/assignmentRequests/${created.id}`, 200, { as: 'lee' });
    // Launch-and-continue: the request did not wait for the extension, so a failed callout does not stop it.
    expect(request.state).toBe('delivered');
    expect(request.customExtensionCalloutInstances).toEqual([
      expect.objectContaining({ customExtensionId: EXTENSIONS.issueTemporaryAccessPass, status: 'calloutFailed' }),
    ]);
  });
});
