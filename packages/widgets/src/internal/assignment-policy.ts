// An assignment's policy as the views that act on an assignment read it: expanded with the assignment when Graph
// sent it whole, else looked up by id in the session store (read once per client); 'checking' while that read runs.
import { assignmentPolicyIdOf } from './graph.ts';
import type { Assignment, AssignmentPolicy } from './sdk.ts';
import type { ViewHost } from './view-host.ts';

export function policyOf(h: Pick<ViewHost, 'sessionStore'>, assignment: Assignment): AssignmentPolicy | 'checking' | undefined {
  const embedded = assignment.assignmentPolicy;
  if (embedded && 'requestorSettings' in embedded && embedded.requestorSettings) return embedded as AssignmentPolicy;
  const id = assignmentPolicyIdOf(assignment);
  const entry = id ? h.sessionStore?.policy(id) : undefined;
  if (entry?.status === 'loading') return 'checking';
  return entry?.value;
}
