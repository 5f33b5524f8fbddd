// Who may ask for what under a policy: the target scope, self-service, and requests on behalf of reports.
import { own } from './own-keys.ts';
import type { RequestorSettings } from '@entitlement-kit/sdk';
import { managerLevel } from './directory.ts';
import { forbidden } from './errors.ts';
import type { PolicyRecord, State } from './state.ts';
import { type AnySubjectSet, inSubjectSets, kindOf } from './subject-sets.ts';

const settingsOf = (policy: PolicyRecord): RequestorSettings => policy.data.requestorSettings ?? {};

/** Whether a user is among the principals the policy can assign (allowedTargetScope + specificAllowedTargets). */
export function inTargetScope(state: State, policy: PolicyRecord, userId: string): boolean {
  const user = own(state.users, userId);
  if (!user) return false;
  const guest = user.userType === 'Guest';
  const sets = policy.data.specificAllowedTargets as AnySubjectSet[] | undefined;
  switch (policy.data.allowedTargetScope) {
    case 'allMemberUsers':
      return !guest;
    case 'allDirectoryUsers':
      return true;
    case 'specificDirectoryUsers':
      return inSubjectSets(state, sets, userId);
    case 'specificConnectedOrganizationUsers':
      return guest && inSubjectSets(state, sets, userId);
    case 'allConfiguredConnectedOrganizationUsers':
      return !!own(state.guestOrganizations, userId);
    case 'allExternalUsers':
      return guest;
    default:
      return false;
  }
}

/** Whether the caller is one of the policy's onBehalfRequestors for this target (a manager within managerLevel). */
export function isOnBehalfRequestor(state: State, policy: PolicyRecord, callerId: string, targetId: string): boolean {
  if (callerId === targetId) return false;
  return ((settingsOf(policy).onBehalfRequestors ?? []) as AnySubjectSet[]).some((set) => {
    if (kindOf(set) !== 'targetManager') return inSubjectSets(state, [set], callerId);
    const level = managerLevel(state, callerId, targetId);
    return level !== undefined && level <= (set.managerLevel ?? 1);
  });
}

const isAutomatic = (policy: PolicyRecord) => !!policy.data.automaticRequestSettings;

/** Throws the reason a userAdd by `callerId` for `targetId` under this policy is refused. */
export function checkAddRight(state: State, policy: PolicyRecord, callerId: string, targetId: string): void {
  const s = settingsOf(policy);
  if (isAutomatic(policy) || (!s.enableTargetsToSelfAddAccess && !s.enableOnBehalfRequestorsToAddAccess)) {
    throw forbidden('NewRequestsDisabled', 'This policy does not accept new requests.');
  }
  if (callerId === targetId) {
    if (!s.enableTargetsToSelfAddAccess) {
      throw forbidden('SelfRequestNotAllowed', 'This policy does not let users request access for themselves.');
    }
  } else {
    if (!s.enableOnBehalfRequestorsToAddAccess) {
      throw forbidden('OnBehalfRequestsDisabled', 'This policy does not accept requests on behalf of other users.');
    }
    if (!isOnBehalfRequestor(state, policy, callerId, targetId)) {
      throw forbidden('NotTargetManager', 'The caller is not a manager of the target at a level this policy allows.');
    }
  }
  if (!inTargetScope(state, policy, targetId)) {
    throw forbidden('TargetNotInPolicyScope', 'The target is not among the users this policy can assign.');
  }
}

type Refusal = readonly [code: string, message: string];

/**
 * A change to an existing assignment (remove, update): the target where `self` allows it, or one of the policy's
 * on-behalf requestors where `onBehalf` does; else the matching refusal.
 */
export function checkChangeRight(
  state: State,
  policy: PolicyRecord,
  callerId: string,
  targetId: string,
  allowed: { self?: boolean | null; onBehalf?: boolean | null },
  refusals: { self: Refusal; onBehalf: Refusal },
): void {
  if (callerId === targetId) {
    if (!allowed.self) throw forbidden(...refusals.self);
    return;
  }
  if (!allowed.onBehalf) throw forbidden(...refusals.onBehalf);
  if (!isOnBehalfRequestor(state, policy, callerId, targetId)) {
    throw forbidden('NotTargetManager', 'The caller is not a manager of the target at a level this policy allows.');
  }
}

/** Throws the reason a userRemove of an assignment of `targetId` by `callerId` is refused. */
export function checkRemoveRight(state: State, policy: PolicyRecord, callerId: string, targetId: string): void {
  const s = settingsOf(policy);
  checkChangeRight(state, policy, callerId, targetId, { self: s.enableTargetsToSelfRemoveAccess, onBehalf: s.enableOnBehalfRequestorsToRemoveAccess }, {
    self: ['SelfRemoveNotAllowed', 'This policy does not let users remove their own access.'],
    onBehalf: ['OnBehalfRemoveDisabled', 'This policy does not let managers remove access on behalf of users.'],
  });
}

/** Whether a check passes (does not throw). */
export const allows = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/** Whether the caller may request under the policy for themself or for at least one other user. */
export function mayRequestUnder(state: State, policy: PolicyRecord, callerId: string): boolean {
  if (allows(() => checkAddRight(state, policy, callerId, callerId))) return true;
  if (!settingsOf(policy).enableOnBehalfRequestorsToAddAccess) return false;
  return Object.keys(state.users).some((id) => id !== callerId && allows(() => checkAddRight(state, policy, callerId, id)));
}
