// Who a request is for, in words: "you", or the person's name as far as it is known. For the pane's on-demand views
// (the form's result, the history, the cancel confirmation).
import { targetIdOf } from '../internal/graph.ts';
import type { AssignmentRequest } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';

/** The person a request is for; `knownTargetId` when the request object does not carry its assignment. */
export function forWhom(h: ViewHost, request: AssignmentRequest, knownTargetId?: string): string {
  const store = h.sessionStore;
  const id = targetIdOf(request) ?? knownTargetId;
  if (!id || id === store?.me.value?.id) return h.t.yourself;
  return request.assignment?.target?.displayName ?? store?.displayNameOf(id) ?? store?.user(id).value?.displayName ?? id;
}
