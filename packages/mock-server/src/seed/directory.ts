// Building blocks for seed directories.
import type { Group, User } from '@entitlement-kit/sdk';
import type { DirectoryRole, State } from '../core/state.ts';

export interface Person {
  id: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  /** Defaults to the alias of displayName at contoso.com. */
  userPrincipalName?: string;
  mail?: string;
  userType?: 'Member' | 'Guest';
  managerId?: string;
  roles?: DirectoryRole[];
}

const alias = (name: string) => name.toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.');

export function addPerson(state: State, p: Person): void {
  const upn = p.userPrincipalName ?? `${alias(p.displayName)}@contoso.com`;
  const user: User = {
    '@odata.type': '#microsoft.graph.user',
    id: p.id,
    accountEnabled: true,
    displayName: p.displayName,
    userPrincipalName: upn,
    mail: p.mail ?? upn,
    mailNickname: upn.split('@')[0].replace(/#EXT#$/, ''),
    jobTitle: p.jobTitle ?? null,
    department: p.department ?? null,
    userType: p.userType ?? 'Member',
  };
  state.users[p.id] = user;
  if (p.managerId) state.managers[p.id] = p.managerId;
  if (p.roles?.length) state.roles[p.id] = [...p.roles];
}

export function addGroup(state: State, id: string, displayName: string, members: string[], description: string | null = null): void {
  const group: Group = {
    '@odata.type': '#microsoft.graph.group',
    id,
    displayName,
    description,
    groupTypes: [],
    securityEnabled: true,
    mail: null,
  };
  state.groups[id] = group;
  state.members[id] = [...members];
}

/** The app identity every seed has: it resumes launch-and-wait requests and issues Temporary Access Passes. */
export function addAutomationApp(state: State, id: string, appId: string): void {
  state.servicePrincipals[id] = {
    id,
    appId,
    displayName: 'Contoso Access Automation',
    appPermissions: ['EntitlementManagement.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All'],
  };
  state.roles[id] = ['Authentication Administrator'];
}
