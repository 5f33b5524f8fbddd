// Graph answers a new request `submitted` and processes it afterwards. A widget that created one shows that
// answer at once, then follows the request (the SDK's waitForRequest: bounded, backing off) and shows where it
// settled. A failed read leaves what is shown; a widget that left the page stops showing.
import type { AssignmentRequest, EntitlementClient } from './sdk.ts';

export async function followRequest(
  host: { readonly isConnected: boolean },
  client: EntitlementClient,
  request: AssignmentRequest,
  show: (request: AssignmentRequest) => void,
  until?: (request: AssignmentRequest) => boolean,
): Promise<void> {
  if (!request.id) return;
  try {
    const settled = await client.waitForRequest(request, until ? { until } : {});
    if (host.isConnected && settled !== request) show(settled);
  } catch {
    // What was shown stays (Submitted); the history or a reselection reads it again.
  }
}
