// Changing the directory: users, managers, sponsors, groups and their members. Identity Governance
// Administrators only, so that tests and demos set up scenarios through the same rules as everyone else.
import { own } from './own-keys.ts';
import type { Group, User } from '@entitlement-kit/sdk';
import { requireAdmin, requireUser } from './directory.ts';
import { badRequest, missingProperty, notFound } from './errors.ts';
import type { State } from './state.ts';
import { nowIso, type Tx } from './tx.ts';

type Fields = Record<string, unknown>;
const STRING_USER_FIELDS = [
  'displayName', 'userPrincipalName', 'mail', 'mailNickname', 'jobTitle', 'department', 'userType',
  'givenName', 'surname', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'postalCode',
];

/** The user properties a body may set, type-checked; anything else in the body is ignored. */
function userFields(state: State, body: Fields, selfId?: string): Partial<User> {
  const out: Fields = {};
  for (const key of STRING_USER_FIELDS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value !== null && typeof value !== 'string') throw badRequest('InvalidProperty', `${key} must be a string.`, key);
    out[key] = value;
  }
  if ('businessPhones' in body) {
    const phones = body.businessPhones;
    // Graph takes one business phone number (user.md: "only one number can be set").
    if (!Array.isArray(phones) || phones.length > 1 || phones.some((p) => typeof p !== 'string')) {
      throw badRequest('InvalidProperty', 'businessPhones must be an array of at most one string.', 'businessPhones');
    }
    out.businessPhones = [...phones];
  }
  if ('accountEnabled' in body) {
    if (typeof body.accountEnabled !== 'boolean') throw badRequest('InvalidProperty', 'accountEnabled must be a boolean.', 'accountEnabled');
    out.accountEnabled = body.accountEnabled;
  }
  if (out.userType !== undefined && out.userType !== 'Member' && out.userType !== 'Guest') {
    throw badRequest('InvalidProperty', "userType must be 'Member' or 'Guest'.", 'userType');
  }
  const upn = out.userPrincipalName;
  if (upn !== undefined) {
    if (typeof upn !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(upn)) {
      throw badRequest('InvalidUserPrincipalName', 'userPrincipalName must look like alias@domain.', 'userPrincipalName');
    }
    const taken = Object.values(state.users).some((u) => u.id !== selfId && u.userPrincipalName?.toLowerCase() === upn.toLowerCase());
    if (taken) {
      throw badRequest('UserPrincipalNameInUse', 'Another object with the same value for property userPrincipalName already exists.', 'userPrincipalName');
    }
  }
  return out as Partial<User>;
}

export function createUser(tx: Tx, callerId: string, body: Fields): User {
  requireAdmin(tx.state, callerId);
  for (const key of ['accountEnabled', 'displayName', 'mailNickname', 'userPrincipalName', 'passwordProfile']) {
    if (body?.[key] === undefined || body[key] === null) throw missingProperty(key);
  }
  const fields = userFields(tx.state, body);
  const user: User = {
    '@odata.type': '#microsoft.graph.user',
    id: tx.newId(),
    userType: 'Member',
    businessPhones: [],
    givenName: null,
    surname: null,
    jobTitle: null,
    mail: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    ...fields,
    identities: [{ signInType: 'userPrincipalName', issuer: domainOf(fields.userPrincipalName), issuerAssignedId: fields.userPrincipalName ?? null }],
  };
  tx.state.users[user.id as string] = user;
  return user;
}

const domainOf = (upn: string | null | undefined) => upn?.split('@')[1] ?? null;

export function updateUser(tx: Tx, callerId: string, idOrUpn: string, body: Fields): void {
  requireAdmin(tx.state, callerId);
  const user = requireUser(tx.state, idOrUpn);
  if (body?.displayName === null) throw badRequest('InvalidProperty', "displayName can't be cleared.", 'displayName');
  Object.assign(user, userFields(tx.state, body ?? {}, user.id));
}

/** Deletes a user (restorable in Graph, so kept aside with deletedDateTime) and every reference to them. */
export function deleteUser(tx: Tx, callerId: string, idOrUpn: string): void {
  requireAdmin(tx.state, callerId);
  removeUser(tx, requireUser(tx.state, idOrUpn).id as string);
}

/** Moves a user to the deleted users (as Graph's deleted items keep them) and drops them from every relation. */
export function removeUser(tx: Tx, id: string): void {
  const { state } = tx;
  state.deletedUsers[id] = { ...state.users[id], deletedDateTime: nowIso(tx) };
  delete state.users[id];
  forget(state, id);
}

/** Drops a deleted user or group from managers, sponsors, memberships and roles. */
function forget(state: State, id: string): void {
  delete state.managers[id];
  for (const [userId, managerId] of Object.entries(state.managers)) if (managerId === id) delete state.managers[userId];
  delete state.sponsors[id];
  for (const userId of Object.keys(state.sponsors)) state.sponsors[userId] = state.sponsors[userId].filter((s) => s !== id);
  for (const groupId of Object.keys(state.members)) state.members[groupId] = state.members[groupId].filter((m) => m !== id);
  delete state.roles[id];
  delete state.temporaryAccessPasses[id];
}

export function setManager(tx: Tx, callerId: string, userId: string, managerId: string): void {
  requireAdmin(tx.state, callerId);
  const { state } = tx;
  const user = requireUser(state, userId);
  const manager = requireUser(state, managerId);
  for (let id: string | undefined = manager.id; id; id = own(state.managers, id)) {
    if (id === user.id) throw badRequest('ManagerCycle', 'A user cannot report to themself, directly or through others.', '@odata.id');
  }
  state.managers[user.id] = manager.id;
}

export function removeManager(tx: Tx, callerId: string, userId: string): void {
  requireAdmin(tx.state, callerId);
  const user = requireUser(tx.state, userId);
  if (!own(tx.state.managers, user.id)) throw notFound('manager of user', user.id);
  delete tx.state.managers[user.id];
}

function requireUserOrGroup(state: State, id: string): string {
  if (own(state.groups, id)) return id;
  return requireUser(state, id).id;
}

export function addSponsor(tx: Tx, callerId: string, userId: string, sponsorId: string): void {
  requireAdmin(tx.state, callerId);
  const user = requireUser(tx.state, userId);
  const sponsor = requireUserOrGroup(tx.state, sponsorId);
  const sponsors = (tx.state.sponsors[user.id] ??= []);
  if (sponsors.includes(sponsor)) throw badRequest('ReferenceAlreadyExists', 'One or more added object references already exist.');
  sponsors.push(sponsor);
}

export function removeSponsor(tx: Tx, callerId: string, userId: string, sponsorId: string): void {
  requireAdmin(tx.state, callerId);
  const user = requireUser(tx.state, userId);
  const sponsors = own(tx.state.sponsors, user.id) ?? [];
  if (!sponsors.includes(sponsorId)) throw notFound('sponsor', sponsorId);
  tx.state.sponsors[user.id] = sponsors.filter((s) => s !== sponsorId);
}

export function requireGroup(state: State, id: string): Group & { id: string } {
  const group = own(state.groups, id);
  if (!group) throw notFound('Group', id);
  return group as Group & { id: string };
}

function groupFields(body: Fields): Partial<Group> {
  const out: Fields = {};
  for (const key of ['displayName', 'description', 'mail']) {
    if (!(key in body)) continue;
    if (body[key] !== null && typeof body[key] !== 'string') throw badRequest('InvalidProperty', `${key} must be a string.`, key);
    out[key] = body[key];
  }
  if ('securityEnabled' in body) {
    if (typeof body.securityEnabled !== 'boolean') throw badRequest('InvalidProperty', 'securityEnabled must be a boolean.', 'securityEnabled');
    out.securityEnabled = body.securityEnabled;
  }
  if ('groupTypes' in body) {
    if (!Array.isArray(body.groupTypes) || body.groupTypes.some((t) => typeof t !== 'string')) {
      throw badRequest('InvalidProperty', 'groupTypes must be an array of strings.', 'groupTypes');
    }
    out.groupTypes = [...body.groupTypes];
  }
  return out as Partial<Group>;
}

export function createGroup(tx: Tx, callerId: string, body: Fields): Group {
  requireAdmin(tx.state, callerId);
  if (typeof body?.displayName !== 'string' || !body.displayName) throw missingProperty('displayName');
  const group: Group = {
    '@odata.type': '#microsoft.graph.group',
    id: tx.newId(),
    groupTypes: [],
    securityEnabled: true,
    ...groupFields(body),
  };
  tx.state.groups[group.id as string] = group;
  tx.state.members[group.id as string] = [];
  return group;
}

export function updateGroup(tx: Tx, callerId: string, id: string, body: Fields): void {
  requireAdmin(tx.state, callerId);
  Object.assign(requireGroup(tx.state, id), groupFields(body ?? {}));
}

/** Deletes a group. Package roles on it stay behind and fail to deliver, as they would in Graph. */
export function deleteGroup(tx: Tx, callerId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requireGroup(tx.state, id);
  delete tx.state.groups[id];
  delete tx.state.members[id];
  forget(tx.state, id);
}

export function addMember(tx: Tx, callerId: string, groupId: string, memberId: string): void {
  requireAdmin(tx.state, callerId);
  const group = requireGroup(tx.state, groupId);
  const member = requireUserOrGroup(tx.state, memberId);
  if (member === group.id) throw badRequest('InvalidMember', 'A group cannot be a member of itself.');
  const members = (tx.state.members[group.id] ??= []);
  if (members.includes(member)) throw badRequest('ReferenceAlreadyExists', 'One or more added object references already exist.');
  members.push(member);
}

export function removeMember(tx: Tx, callerId: string, groupId: string, memberId: string): void {
  requireAdmin(tx.state, callerId);
  const group = requireGroup(tx.state, groupId);
  const members = own(tx.state.members, group.id) ?? [];
  if (!members.includes(memberId)) throw notFound('member', memberId);
  tx.state.members[group.id] = members.filter((m) => m !== memberId);
}
