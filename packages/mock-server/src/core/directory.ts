// Questions about the directory: who is who, who manages whom, who is in which group, who holds which role.
import { own } from './own-keys.ts';
import type { User } from '@entitlement-kit/sdk';
import { notFound, notPermitted, unauthorized } from './errors.ts';
import { indexesOf } from './indexes.ts';
import type { AssignmentRecord, DirectoryRole, State } from './state.ts';

/** Graph caps manager chains used by entitlement management at four levels. */
export const MAX_MANAGER_LEVEL = 4;

/** A user by id or by userPrincipalName (case-insensitive, as Graph matches UPNs). */
export function findUser(state: State, idOrUpn: string): User | undefined {
  const byId = own(state.users, idOrUpn);
  if (byId) return byId;
  const upn = idOrUpn.toLowerCase();
  const ix = indexesOf(state);
  if (ix) return ix.ids('users', 'upn', upn).map((id) => state.users[id])[0];
  return Object.values(state.users).find((u) => u.userPrincipalName?.toLowerCase() === upn);
}

export function requireUser(state: State, idOrUpn: string): User & { id: string } {
  const user = findUser(state, idOrUpn);
  if (!user?.id) throw notFound('User', idOrUpn);
  return user as User & { id: string };
}

/**
 * The caller must be a known application identity or a user whose account is enabled: Entra refuses sign-in to a
 * disabled account, so a token for one (minted before it was disabled or not) gets 401 like an unknown caller's.
 */
export function requireCaller(state: State, callerId: string): void {
  const user = own(state.users, callerId);
  if (!user && !own(state.servicePrincipals, callerId)) throw unauthorized(`Unknown principal '${callerId}'.`);
  if (user?.accountEnabled === false) throw accountDisabled();
}

const accountDisabled = () => unauthorized('The user account is disabled.');

/** The managers above a user, nearest first, at most MAX_MANAGER_LEVEL of them. */
export function managerChain(state: State, userId: string): string[] {
  const chain: string[] = [];
  for (let id = own(state.managers, userId); id && chain.length < MAX_MANAGER_LEVEL && !chain.includes(id); id = own(state.managers, id)) {
    chain.push(id);
  }
  return chain;
}

/** How many levels `managerId` sits above `userId` (1 = direct manager), or undefined when not in the chain. */
export function managerLevel(state: State, managerId: string, userId: string): number | undefined {
  const level = managerChain(state, userId).indexOf(managerId) + 1;
  return level > 0 ? level : undefined;
}

export function directReports(state: State, managerId: string): string[] {
  const reports =
    indexesOf(state)?.ids('managers', 'manager', managerId) ?? Object.keys(state.managers).filter((id) => own(state.managers, id) === managerId);
  return reports.filter((id) => own(state.users, id));
}

/** A user's assignments (all states), in key order. */
export function assignmentsOfTarget(state: State, targetId: string): AssignmentRecord[] {
  const ix = indexesOf(state);
  if (!ix) return Object.values(state.assignments).filter((a) => a.targetId === targetId);
  return ix.ids('assignments', 'target', targetId).map((id) => state.assignments[id]);
}

/** The users in a group, through nested groups. */
export function groupUsers(state: State, groupId: string): string[] {
  const users = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const member of own(state.members, id) ?? []) {
      if (own(state.users, member)) users.add(member);
      else if (own(state.groups, member)) visit(member);
    }
  };
  visit(groupId);
  return [...users];
}

/** Users named directly or through groups. */
export function usersOf(state: State, ids: readonly string[]): string[] {
  return [...new Set(ids.flatMap((id) => (own(state.users, id) ? [id] : own(state.groups, id) ? groupUsers(state, id) : [])))];
}

export function isActiveUser(state: State, id: string): boolean {
  const user = own(state.users, id);
  return !!user && user.accountEnabled !== false;
}

export function hasRole(state: State, principalId: string, role: DirectoryRole): boolean {
  return own(state.roles, principalId)?.includes(role) ?? false;
}

export const isGovernanceAdmin = (state: State, id: string) => hasRole(state, id, 'Identity Governance Administrator');

/** Set-up operations (directory, catalogs, packages, policies, direct assignments) are for these administrators. */
export function requireAdmin(state: State, callerId: string): void {
  if (!isGovernanceAdmin(state, callerId)) throw notPermitted();
}

export function hasAppPermission(state: State, id: string, permission: string): boolean {
  return own(state.servicePrincipals, id)?.appPermissions.includes(permission) ?? false;
}
