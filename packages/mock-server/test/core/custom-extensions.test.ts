// Custom extension stages: each records a customExtensionCalloutInstance and hands the callout to the port;
// launch-and-wait extensions pause the request until the app resumes it, or time out.
import { describe, expect, it } from 'vitest';
import type { CalloutPayload } from '../../src/core/callout-payload.ts';
import type { Engine } from '../../src/core/engine.ts';
import { addBody, APPS, CATALOGS, EXTENSIONS, expectRefused, newEngine, PACKAGES, POLICIES, USERS, submit } from './support/engine.ts';

function recordingEngine(fail = false) {
  const calls: { url: string; payload: CalloutPayload }[] = [];
  const engine = newEngine({
    callout: async (url, payload) => {
      calls.push({ url, payload: payload as CalloutPayload });
      if (fail) throw new Error('endpoint unreachable');
    },
  });
  return { engine, calls };
}

const tools = (engine: Engine, callerId = USERS.adele, policyId: string = POLICIES.developerTools) =>
  submit(engine, callerId, addBody(PACKAGES.developerTools, policyId)).id as string;

const callouts = (engine: Engine, id: string) => engine.getRequest(USERS.admin, id).customExtensionCalloutInstances ?? [];

const resumeBody = (stage: string, instanceId: string, extra: Record<string, unknown> = {}) => ({
  source: 'Contoso.SodCheck',
  type: `microsoft.graph.accessPackageCustomExtensionStage.${stage}`,
  data: { '@odata.type': 'microsoft.graph.accessPackageAssignmentRequestCallbackData', stage, customExtensionStageInstanceId: instanceId, ...extra },
});

describe('custom extension callouts', () => {
  it('the TAP flow: approving the request calls the extension with the target’s object id, after the call returns', async () => {
    const { engine, calls } = recordingEngine();
    const req = submit(engine, USERS.lee, { ...addBody(PACKAGES.temporaryAccessPass, POLICIES.temporaryAccessPass, { targetId: USERS.alex }), parameters: { bypassApproval: true } });
    expect(calls).toEqual([]);
    await engine.whenIdle();
    expect(calls).toHaveLength(1);
    const { url, payload } = calls[0];
    expect(url).toBe('https://automation.contoso.example/api/issue-tap');
    expect(payload).toMatchObject({
      Stage: 'assignmentRequestApproved',
      AccessPackageAssignmentRequestId: req.id,
      CallbackUriPath: `/identityGovernance/entitlementManagement/assignmentRequests/${req.id}/resume`,
      RequestType: 'userAdd',
      AccessPackage: { Id: PACKAGES.temporaryAccessPass, DisplayName: 'Temporary Access Pass' },
      AccessPackageCatalog: { Id: CATALOGS.itEngineering },
      Assignment: { Target: { ObjectId: USERS.alex, PrincipalName: 'alex.wilber@contoso.com' }, AssignmentPolicy: { Id: POLICIES.temporaryAccessPass } },
      Requestor: { ObjectId: USERS.lee },
    });
    expect(payload.CallbackConfiguration).toBeUndefined();
    expect(callouts(engine, req.id as string)).toEqual([
      { id: payload.CustomExtensionStageInstanceId, customExtensionId: EXTENSIONS.issueTemporaryAccessPass, status: 'calloutSent', detail: null, externalCorrelationId: null },
    ]);
    expect(engine.getRequest(USERS.lee, req.id as string).state).toBe('delivered');
  });

  it('launch and wait: the request pauses at creation until the app resumes it, then runs on', async () => {
    const { engine, calls } = recordingEngine();
    const id = tools(engine);
    expect(engine.getRequest(USERS.adele, id)).toMatchObject({ state: 'submitted', status: 'WaitingForCallback' });
    expect(callouts(engine, id)[0].status).toBe('waitingForCallback');
    await engine.whenIdle();
    expect(calls[0].payload).toMatchObject({ Stage: 'assignmentRequestCreated', CallbackConfiguration: { DurationBeforeTimeout: 'PT4H' }, State: 'submitted' });
    expectRefused(engine, () => engine.cancelRequest(USERS.adele, id), 409, 'RequestNotCancelable');
    engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestCreated', calls[0].payload.CustomExtensionStageInstanceId, { customExtensionStageInstanceDetail: 'No conflicts.' }));
    expect(engine.getRequest(USERS.adele, id).state).toBe('delivered');
    expect(callouts(engine, id).map((c) => [c.customExtensionId, c.status, c.detail])).toEqual([
      [EXTENSIONS.sodCheck, 'callbackReceived', 'No conflicts.'],
      [EXTENSIONS.provisionLicence, 'calloutSent', null],
    ]);
    await engine.whenIdle();
    expect(calls.map((c) => c.payload.Stage)).toEqual(['assignmentRequestCreated', 'assignmentRequestGranted']);
  });

  it('at assignmentRequestCreated the app may deny or cancel the request', () => {
    const { engine } = recordingEngine();
    const denied = tools(engine);
    engine.resumeRequest(APPS.accessAutomation, denied, resumeBody('assignmentRequestCreated', callouts(engine, denied)[0].id as string, { state: 'Denied' }));
    expect(engine.getRequest(USERS.adele, denied)).toMatchObject({ state: 'denied', status: 'Denied' });
    const canceled = tools(engine);
    engine.resumeRequest(USERS.admin, canceled, { data: { state: 'canceled' } });
    expect(engine.getRequest(USERS.adele, canceled).state).toBe('canceled');
  });

  it('at a later stage the app may only let the request continue', () => {
    const { engine } = recordingEngine();
    const policy = engine.createPolicy(USERS.admin, {
      displayName: 'Checked after approval',
      accessPackage: { id: PACKAGES.developerTools },
      allowedTargetScope: 'allMemberUsers',
      requestorSettings: { enableTargetsToSelfAddAccess: true },
      customExtensionStageSettings: [{ stage: 'assignmentRequestApproved', customExtension: { id: EXTENSIONS.sodCheck } }],
    });
    const id = tools(engine, USERS.alex, policy.id as string);
    const instance = callouts(engine, id)[0].id as string;
    expectRefused(engine, () => engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestApproved', instance, { state: 'Denied' })), 400, 'CallbackStateNotAllowed');
    expectRefused(engine, () => engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestCreated', instance)), 400, 'CallbackStageMismatch');
    engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestApproved', instance));
    expect(engine.getRequest(USERS.alex, id).state).toBe('delivered');
  });

  it('resume is refused when nothing waits, for unknown instances and for callers without the permission', () => {
    const { engine } = recordingEngine();
    const id = tools(engine);
    const instance = callouts(engine, id)[0].id as string;
    expectRefused(engine, () => engine.resumeRequest(USERS.adele, id, resumeBody('assignmentRequestCreated', instance)), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestCreated', 'nope')), 404, 'ResourceNotFound');
    expectRefused(engine, () => engine.resumeRequest(APPS.accessAutomation, id, { data: { state: 'approved' } }), 400, 'InvalidCallbackState');
    engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestCreated', instance));
    expectRefused(engine, () => engine.resumeRequest(APPS.accessAutomation, id, resumeBody('assignmentRequestCreated', instance)), 409, 'RequestNotWaitingForCallback');
  });

  it('a callback that never comes times out and ends the request', () => {
    const { engine } = recordingEngine();
    const id = tools(engine);
    engine.advance('PT3H59M');
    expect(engine.getRequest(USERS.adele, id).status).toBe('WaitingForCallback');
    engine.advance('PT1M');
    expect(engine.getRequest(USERS.adele, id)).toMatchObject({ state: 'denied', status: 'TimedOut' });
    expect(callouts(engine, id)[0].status).toBe('callbackTimedOut');
  });

  it('an unreachable endpoint marks the callout calloutFailed; a paused request ends, a continuing one is unaffected', async () => {
    const { engine } = recordingEngine(true);
    const waiting = tools(engine);
    const tap = submit(engine, USERS.lee, { ...addBody(PACKAGES.temporaryAccessPass, POLICIES.temporaryAccessPass, { targetId: USERS.alex }), parameters: { bypassApproval: true } }).id as string;
    await engine.whenIdle();
    expect(callouts(engine, waiting)[0].status).toBe('calloutFailed');
    expect(engine.getRequest(USERS.adele, waiting)).toMatchObject({ state: 'denied', status: 'CalloutFailed' });
    expect(callouts(engine, tap)[0].status).toBe('calloutFailed');
    expect(engine.getRequest(USERS.lee, tap).state).toBe('delivered');
  });

  it('pre-expiration stages call assignment-workflow extensions and record the callouts on the assignment', async () => {
    const { engine, calls } = recordingEngine();
    const asg = engine.listMyAssignments(USERS.henrietta, 'target', { expand: { accessPackage: true } }).find((a) => a.accessPackage?.id === PACKAGES.developerTools);
    engine.advance('P16D');
    await engine.whenIdle();
    expect(calls.map((c) => [c.url, c.payload.Stage, c.payload.CallbackUriPath])).toEqual([
      ['https://automation.contoso.example/api/expiry-reminder', 'assignmentFourteenDaysBeforeExpiration', undefined],
    ]);
    expect(calls[0].payload.Assignment).toMatchObject({ Id: asg?.id, State: 'delivered', Target: { ObjectId: USERS.henrietta } });
    engine.advance('P13D');
    const instances = engine.getAssignment(USERS.henrietta, asg?.id as string).customExtensionCalloutInstances;
    expect(instances?.map((c) => [c.customExtensionId, c.status])).toEqual([
      [EXTENSIONS.expiryReminder, 'calloutSent'],
      [EXTENSIONS.expiryReminder, 'calloutSent'],
    ]);
  });

  it('removal runs the assignmentRequestRemoved stage', async () => {
    const { engine, calls } = recordingEngine();
    const asg = engine.listMyAssignments(USERS.henrietta, 'target', { expand: { accessPackage: true } }).find((a) => a.accessPackage?.id === PACKAGES.developerTools);
    const req = submit(engine, USERS.henrietta, { requestType: 'userRemove', assignment: { id: asg?.id } });
    await engine.whenIdle();
    expect(calls.map((c) => [c.payload.Stage, c.payload.RequestType])).toEqual([['assignmentRequestRemoved', 'userRemove']]);
    expect(engine.getRequest(USERS.henrietta, req.id as string).state).toBe('delivered');
  });

  it('admins manage extensions; one a policy uses cannot be deleted', () => {
    const { engine } = recordingEngine();
    const ext = engine.createCustomExtension(USERS.admin, CATALOGS.itEngineering, {
      '@odata.type': '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension',
      displayName: 'Ticket',
      endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl: 'https://tickets.example/api' },
      authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdPopTokenAuthentication' },
      callbackConfiguration: { timeoutDuration: 'PT1H' },
    });
    expect(ext).toMatchObject({ createdBy: 'admin@contoso.com', callbackConfiguration: { timeoutDuration: 'PT1H' } });
    expect(engine.getCustomExtension(USERS.adele, CATALOGS.itEngineering, ext.id as string).displayName).toBe('Ticket');
    expectRefused(engine, () => engine.createCustomExtension(USERS.admin, CATALOGS.itEngineering, { ...ext, callbackConfiguration: { timeoutDuration: 'P15D' } }), 400, 'InvalidProperty');
    expectRefused(engine, () => engine.createCustomExtension(USERS.adele, CATALOGS.itEngineering, ext), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.deleteCustomExtension(USERS.admin, CATALOGS.itEngineering, EXTENSIONS.sodCheck), 409, 'CustomExtensionInUse');
    engine.deleteCustomExtension(USERS.admin, CATALOGS.itEngineering, ext.id as string);
    expect(engine.listCustomExtensions(USERS.admin, CATALOGS.itEngineering)).toHaveLength(4);
  });
});
