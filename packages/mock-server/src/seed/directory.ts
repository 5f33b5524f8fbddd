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
  officeLocation?: string;
  businessPhone?: string;
  mobilePhone?: string;
  preferredLanguage?: string;
}

const alias = (name: string) => name.toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.');

export function addPerson(state: State, p: Person): void {
  const upn = p.userPrincipalName ?? `${alias(p.displayName)}@contoso.com`;
  // Graph's default properties (user-get.md) first; names split at the first space, as most seed names allow.
  const [givenName, ...rest] = p.displayName.split(' ');
  const user: User = {
    '@odata.type': '#microsoft.graph.user',
    id: p.id,
    businessPhones: p.businessPhone ? [p.businessPhone] : [],
    displayName: p.displayName,
    givenName: rest.length ? givenName : null,
    jobTitle: p.jobTitle ?? null,
    mail: p.mail ?? upn,
    mobilePhone: p.mobilePhone ?? null,
    officeLocation: p.officeLocation ?? null,
    preferredLanguage: p.preferredLanguage ?? (p.userType === 'Guest' ? null : 'en-US'),
    surname: rest.length ? rest.join(' ') : null,
    userPrincipalName: upn,
    accountEnabled: true,
    mailNickname: upn.split('@')[0].replace(/#EXT#$/, ''),
    department: p.department ?? null,
    userType: p.userType ?? 'Member',
    postalCode: null,
    identities: [{ signInType: 'userPrincipalName', issuer: upn.split('@')[1], issuerAssignedId: upn }],
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
