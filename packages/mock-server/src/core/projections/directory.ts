// Users and groups as Graph returns them (directoryObjects carry their @odata.type).
import { own } from '../own-keys.ts';
import type { ConnectedOrganization, Group, User } from '@entitlement-kit/sdk';
import { clone } from '../clone.ts';
import type { ConnectedOrganizationRecord, State } from '../state.ts';

export const projectUser = (user: User): User => clone(user);
export const projectGroup = (group: Group): Group => clone(group);

/** A member, sponsor or manager: a user or a group, whichever the id names. */
export function projectDirectoryObject(state: State, id: string): User | Group | undefined {
  const user = own(state.users, id);
  if (user) return projectUser(user);
  const group = own(state.groups, id);
  return group ? projectGroup(group) : undefined;
}

export function projectObjects(state: State, ids: readonly string[]): (User | Group)[] {
  return ids.map((id) => projectDirectoryObject(state, id)).filter((o): o is User | Group => !!o);
}

/** Dates are null for an organization the seed made (it keeps none). */
export const projectConnectedOrganization = (org: ConnectedOrganizationRecord): ConnectedOrganization => ({
  id: org.id,
  displayName: org.displayName,
  description: org.description ?? null,
  createdDateTime: org.createdDateTime ?? null,
  modifiedDateTime: org.modifiedDateTime ?? null,
  identitySources: clone(org.identitySources ?? []) as ConnectedOrganization['identitySources'],
  state: org.state ?? 'configured',
});
