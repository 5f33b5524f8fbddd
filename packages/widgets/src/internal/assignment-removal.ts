// Sending a confirmed removal from a remove dialog (<my-access>'s own, <manage-team>'s for a report) and what follows
// it: the row shows the removal request, the dialog closes, `access-removed` is emitted and announced, focus goes to
// the row's removal line, and the request is followed until Graph has finished it.
import type { DialogController } from '../controllers/dialog-controller.ts';
import type { MutationController } from '../controllers/mutation-controller.ts';
import { emit } from '../events.ts';
import { followRequest } from './follow-request.ts';
import { packageOf } from './graph.ts';
import type { Assignment, AssignmentRequest } from './sdk.ts';
import type { ViewHost } from './view-host.ts';

export interface RemovalHost extends ViewHost {
  readonly removal: MutationController;
  readonly removeDialog: DialogController;
  removing?: Assignment;
  removalReason: string;
  removals: Record<string, AssignmentRequest>;
}

/** `onFailure` runs when Graph refuses: the dialog stays open with what was typed. */
export async function sendRemoval(h: RemovalHost, onFailure: () => Promise<void> | void): Promise<void> {
  const client = h.resolvedClient;
  const assignment = h.removing;
  const id = assignment?.id;
  if (!client || !assignment || !id) return;
  const justification = h.removalReason.trim() || undefined;
  const result = await h.removal.run(id, () => client.removeAssignment(id, { justification }));
  if (!result.ok) return onFailure();
  h.removals = { ...h.removals, [id]: result.value };
  h.removeDialog.close();
  emit(h, 'access-removed', { assignment, request: result.value });
  void h.announce(h.msg('removedAnnouncement', { package: packageOf(assignment)?.displayName ?? '' }));
  // The Remove button is gone (the row says the removal was asked for): focus goes there once the dialog has closed
  // and given focus back, a task later.
  await h.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  h.renderRoot.querySelector<HTMLElement>(`#removal-${CSS.escape(id)}`)?.focus();
  void followRequest(
    client,
    () => h.removals[id],
    (request) => (h.removals = { ...h.removals, [id]: request }),
    () => h.isConnected,
  );
}
