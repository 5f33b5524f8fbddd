// The seed 004 automation, in the page: what a Logic App behind the "Issue Temporary Access Pass" custom extension does.
// The mock hands it each callout (the engine's CalloutPort); acting as the app identity Contoso Access Automation
// (Authentication Administrator, UserAuthenticationMethod.ReadWrite.All), it creates a Temporary Access Pass for the
// request's target through Graph, resumes the request when the extension waits for a callback, and "sends" the
// report the text message the seed describes (shown in the demo's outbox).
import { mintToken, type CalloutPayload } from '@entitlement-kit/mock-server';
import { createClient } from '@entitlement-kit/sdk';

/** The endpoint of the seed's "Issue Temporary Access Pass" extension (packages/mock-server/docs/seed-and-codes.md). */
export const TAP_ENDPOINT = 'https://automation.contoso.example/api/issue-tap';
/** The object id of the app identity Contoso Access Automation in the contoso seed. */
const AUTOMATION_APP = '80000000-0000-4000-8000-000000000001';
const PASS_MINUTES = 60;

export interface AutomationMessage {
  at: string;
  /** The directory id of the person the message is for. */
  to: string;
  subject: string;
}

export interface AutomationOptions {
  graphBase: string;
  /** "Now" for the message: the mock clock. */
  now: () => string;
  onMessage: (message: AutomationMessage) => void;
  onError: (error: Error) => void;
}

/** The CalloutPort for the demo's mock: the TAP endpoint answers; callouts to the seed's other endpoints go nowhere, as before. */
export function createAutomation(options: AutomationOptions): (url: string, payload: object) => Promise<void> {
  // An app token as the mock's identity layer reads it (oid = the app's object id); the mock signs nothing.
  const token = mintToken({ id: AUTOMATION_APP });
  const graph = createClient({ baseUrl: options.graphBase, getAccessToken: () => token });

  async function issuePass(callout: CalloutPayload): Promise<void> {
    const target = callout.Assignment.Target;
    const pass = await graph.createTemporaryAccessPass(target.ObjectId, { lifetimeInMinutes: PASS_MINUTES, isUsableOnce: false });
    // Launch and wait (the extension has a callback configuration): the request waits for this app to resume it.
    if (callout.CallbackConfiguration && callout.CallbackUriPath) {
      await graph.resumeRequest(callout.AccessPackageAssignmentRequestId, {
        source: 'Contoso.IssueTap',
        type: `microsoft.graph.accessPackageCustomExtensionStage.${callout.Stage}`,
        data: {
          '@odata.type': 'microsoft.graph.accessPackageAssignmentRequestCallbackData',
          stage: callout.Stage,
          customExtensionStageInstanceId: callout.CustomExtensionStageInstanceId,
          customExtensionStageInstanceDetail: 'Temporary Access Pass issued.',
        },
      });
    }
    options.onMessage({
      at: options.now(),
      to: target.ObjectId,
      subject: `Text message to ${target.DisplayName ?? 'the user'}: your Temporary Access Pass is ${pass.temporaryAccessPass ?? '(not returned)'}, valid for ${PASS_MINUTES} minutes. Use it to sign in and set up your authentication methods.`,
    });
  }

  return async (url, payload) => {
    if (url !== TAP_ENDPOINT) return;
    // Like a Logic App's HTTP trigger: the callout is accepted at once and the work runs after it (its own Graph calls
    // could not be answered while the mock is still delivering the callout).
    setTimeout(() => void issuePass(payload as CalloutPayload).catch((error: unknown) => options.onError(error as Error)));
  };
}
