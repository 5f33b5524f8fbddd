// A user with the navigation properties Graph expands on one: `manager` (with `$levels`, the whole chain as nested
// managers, user-list-manager.md), `directReports` and `sponsors`. The chain ends because the directory keeps no
// manager cycle (setManager refuses one), so a self-naming expansion (`$levels=max`) stops with the data.
import type { User } from '@entitlement-kit/sdk';
import { directReports } from './directory.ts';
import { checkExpand, type Expand, under } from './expand.ts';
import { own } from './own-keys.ts';
import { projectObjects, projectUser } from './projections/directory.ts';
import type { State } from './state.ts';

export const USER_NAVIGATIONS = ['manager', 'directReports', 'sponsors'];

export function projectUserExpanded(state: State, userId: string, expand?: Expand): User {
  checkExpand(expand, 'user', USER_NAVIGATIONS);
  const out: User = projectUser(state.users[userId]);
  const manager = under(expand, 'manager');
  const managerId = own(state.managers, userId);
  // Graph leaves `manager` out when there is none.
  if (manager && managerId && own(state.users, managerId)) out.manager = projectUserExpanded(state, managerId, manager);
  const reports = under(expand, 'directReports');
  if (reports) out.directReports = directReports(state, userId).map((id) => projectUserExpanded(state, id, reports));
  if (under(expand, 'sponsors')) out.sponsors = projectObjects(state, own(state.sponsors, userId) ?? []);
  return out;
}
