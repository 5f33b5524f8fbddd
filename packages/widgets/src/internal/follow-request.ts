// Graph may answer a request `submitted` and go on in the background (and with approval, wait): the views that
// made one read it again, at growing intervals, until it settles, so what they show is where it stands.
import type { AssignmentRequest, EntitlementClient } from './sdk.ts';

const MOVING = ['submitted', 'pendingApproval', 'scheduled', 'delivering'];

/** Re-reads the request `current()` names (0.5 s, then doubling, up to 8 s) while it is moving and `alive()`. */
export async function followRequest(
  client: EntitlementClient,
  current: () => AssignmentRequest | undefined,
  seen: (request: AssignmentRequest) => void,
  alive: () => boolean,
  moving: readonly string[] = MOVING,
): Promise<void> {
  for (let delay = 500; delay <= 8000; delay *= 2) {
    const request = current();
    if (!request?.id || !moving.includes(String(request.state)) || !alive()) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      seen(await client.getRequest(request.id));
    } catch {
      // What was shown stays; the next read of the list shows the outcome.
    }
  }
}
