// Graph's subjectSet: who a policy lets request, who may request on behalf, and who approves.
import { own } from './own-keys.ts';
import type { SubjectSet } from '@entitlement-kit/sdk';
import { groupUsers, isActiveUser, managerChain, usersOf } from './directory.ts';
import { storedRule } from './rule-cache.ts';
import { matchesRule } from './membership-rule.ts';
import type { State } from './state.ts';

/** A subjectSet as it arrives: the base type plus whichever subtype properties its @odata.type brings. */
export type AnySubjectSet = SubjectSet & {
  userId?: string | null;
  groupId?: string | null;
  managerLevel?: number | null;
  connectedOrganizationId?: string | null;
  description?: string | null;
  membershipRule?: string | null;
};

export const kindOf = (set: AnySubjectSet): string => (set['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./, '');

/** Approver kinds the mock resolves (DESIGN section 3), plus externalSponsors for connected-organization guests. */
export const APPROVER_KINDS = [
  'singleUser',
  'groupMembers',
  'requestorManager',
  'targetUserSponsors',
  'internalSponsors',
  'externalSponsors',
] as const;

/** Kinds allowed in specificAllowedTargets. */
export const TARGET_KINDS = ['singleUser', 'groupMembers', 'connectedOrganizationMembers', 'attributeRuleMembers'] as const;

/** Kinds allowed in requestorSettings.onBehalfRequestors. */
export const ON_BEHALF_KINDS = ['targetManager', 'singleUser', 'groupMembers'] as const;

/** The enabled users a set of approver subject sets names for a request whose target is `targetId`. */
export function resolveApprovers(state: State, sets: readonly AnySubjectSet[] | undefined, targetId: string): string[] {
  const ids = (sets ?? []).flatMap((set): string[] => {
    switch (kindOf(set)) {
      case 'singleUser':
        return set.userId ? [set.userId] : [];
      case 'groupMembers':
        return set.groupId ? groupUsers(state, set.groupId) : [];
      case 'requestorManager': {
        // Graph's requestorManager is the manager of the person the access is for (DESIGN section 3).
        const manager = managerChain(state, targetId)[(set.managerLevel ?? 1) - 1];
        return manager ? [manager] : [];
      }
      case 'targetUserSponsors':
        return usersOf(state, own(state.sponsors, targetId) ?? []);
      case 'internalSponsors':
      case 'externalSponsors': {
        const org = own(state.connectedOrganizations, own(state.guestOrganizations, targetId) ?? '');
        if (!org) return [];
        return usersOf(state, kindOf(set) === 'internalSponsors' ? org.internalSponsorIds : org.externalSponsorIds);
      }
      default:
        return [];
    }
  });
  return [...new Set(ids)].filter((id) => isActiveUser(state, id));
}

/** Whether a user belongs to any of the sets (specificAllowedTargets, or non-manager onBehalfRequestors). */
export function inSubjectSets(state: State, sets: readonly AnySubjectSet[] | undefined, userId: string): boolean {
  return (sets ?? []).some((set) => {
    switch (kindOf(set)) {
      case 'singleUser':
        return set.userId === userId;
      case 'groupMembers':
        return !!set.groupId && groupUsers(state, set.groupId).includes(userId);
      case 'connectedOrganizationMembers':
        return !!set.connectedOrganizationId && own(state.guestOrganizations, userId) === set.connectedOrganizationId;
      case 'attributeRuleMembers': {
        const user = own(state.users, userId);
        return !!user && matchesRule(storedRule(set.membershipRule ?? ''), user);
      }
      default:
        return false;
    }
  });
}
