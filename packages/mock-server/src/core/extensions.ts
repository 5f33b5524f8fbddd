// Custom extension stages: record a customExtensionCalloutInstance and queue the callout to the extension's
// endpoint. A request-workflow extension with a callbackConfiguration is "launch and wait": the request pauses
// (status WaitingForCallback) until the app calls resume or the timeout passes.
import { own } from './own-keys.ts';
import type { CustomExtensionStage } from '@entitlement-kit/sdk';
import { calloutPayload } from './callout-payload.ts';
import type { AssignmentRecord, CalloutRecord, CatalogExtension, RequestRecord } from './state.ts';
import { durationMs, iso, laterOrLast } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

export const REQUEST_STAGES: readonly CustomExtensionStage[] = [
  'assignmentRequestCreated',
  'assignmentRequestApproved',
  'assignmentRequestGranted',
  'assignmentRequestRemoved',
];
export const EXPIRATION_STAGES: readonly CustomExtensionStage[] = [
  'assignmentFourteenDaysBeforeExpiration',
  'assignmentOneDayBeforeExpiration',
];

export const isRequestWorkflow = (ext: CatalogExtension) =>
  ext['@odata.type'].endsWith('accessPackageAssignmentRequestWorkflowExtension');

export function endpointUrl(ext: CatalogExtension): string | null {
  const endpoint = (ext.endpointConfiguration ?? {}) as { targetUrl?: string | null; url?: string | null };
  return endpoint.targetUrl ?? endpoint.url ?? null;
}

/** The wait a launch-and-wait extension allows, or null for launch-and-continue. */
function callbackTimeout(ext: CatalogExtension, stage: CustomExtensionStage): string | null {
  if (!isRequestWorkflow(ext) || !REQUEST_STAGES.includes(stage)) return null;
  const timeout = ext.callbackConfiguration?.timeoutDuration ?? null;
  return timeout && durationMs(timeout) ? timeout : null;
}

/**
 * Runs the policy's extension for `stage`, if any, and returns the callout recorded (on the request for request
 * stages, on the assignment for the pre-expiration ones).
 */
export function fireStage(
  tx: Tx,
  stage: CustomExtensionStage,
  on: { request: RequestRecord; assignment?: AssignmentRecord } | { request?: undefined; assignment: AssignmentRecord },
): CalloutRecord | undefined {
  const owner = on.request ?? on.assignment;
  const setting = own(tx.state.policies, owner.policyId)?.extensionStages.find((s) => s.stage === stage);
  const ext = setting && own(tx.state.extensions, setting.customExtensionId)?.data;
  if (!ext) return undefined;
  const timeout = callbackTimeout(ext, stage);
  const url = endpointUrl(ext);
  const callout: CalloutRecord = {
    id: tx.newId(),
    customExtensionId: ext.id as string,
    stage,
    status: !url ? 'calloutFailed' : timeout ? 'waitingForCallback' : 'calloutSent',
    timeoutAt: url && timeout ? iso(laterOrLast(tx.now, durationMs(timeout) as number)) : null,
    detail: null,
    sentDateTime: nowIso(tx),
  };
  owner.callouts.push(callout);
  if (url) {
    tx.callouts.push({
      url,
      payload: calloutPayload(tx, callout, on, timeout),
      calloutId: callout.id,
      requestId: on.request?.id ?? null,
      assignmentId: on.request ? null : on.assignment.id,
    });
  }
  return callout;
}
