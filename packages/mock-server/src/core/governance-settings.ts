// The tenant's entitlementManagementSettings (what happens to an external user who loses their last assignment)
// and accessPackageSubject lifecycles (whether such a guest is governed by those settings). Both are kept beside
// the state's tables as optional keys: absent means Graph's defaults, so state files written before them load.
import type { EntitlementManagementSettings, ExternalUserLifecycleAction, Subject, SubjectLifecycle, User } from '@entitlement-kit/sdk';
import { assignmentsOfTarget, requireAdmin, requireUser } from './directory.ts';
import { badRequest } from './errors.ts';
import { checkExpand, type Expand, under } from './expand.ts';
import { own } from './own-keys.ts';
import { projectConnectedOrganization } from './projections/directory.ts';
import { projectSubject } from './projections/requests.ts';
import { isActive } from './request-records.ts';
import type { State } from './state.ts';
import { durationMs, iso, laterOrLast } from './time.ts';
import { removeUser } from './directory-admin.ts';
import type { Tx } from './tx.ts';

type Body = Record<string, unknown>;

/** Entra's defaults: block sign-in, then delete after 30 days. */
export const DEFAULT_SETTINGS = { externalUserLifecycleAction: 'blockSignInAndDelete', durationUntilExternalUserDeletedAfterBlocked: 'P30D' } as const;
const ACTIONS: readonly ExternalUserLifecycleAction[] = ['none', 'blockSignIn', 'blockSignInAndDelete'];
const LIFECYCLES: readonly SubjectLifecycle[] = ['notDefined', 'notGoverned', 'governed'];

export interface SettingsRecord {
  externalUserLifecycleAction: ExternalUserLifecycleAction;
  durationUntilExternalUserDeletedAfterBlocked: string;
}

const settingsOf = (state: State): SettingsRecord => state.settings ?? { ...DEFAULT_SETTINGS };

export function getSettings(state: State, callerId: string): EntitlementManagementSettings {
  requireAdmin(state, callerId);
  return { id: 'singleton', ...settingsOf(state) };
}

function onlyProperties(body: Body, allowed: string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw badRequest('BadRequest', `Property '${key}' cannot be updated here; updatable: ${allowed.join(', ')}.`, key);
  }
}

/** PATCH settings: the two properties, checked; the rest of the settings stays. */
export function updateSettings(tx: Tx, callerId: string, body: Body): void {
  requireAdmin(tx.state, callerId);
  onlyProperties(body, ['externalUserLifecycleAction', 'durationUntilExternalUserDeletedAfterBlocked']);
  const next: SettingsRecord = { ...settingsOf(tx.state) };
  if ('externalUserLifecycleAction' in body) {
    const action = body.externalUserLifecycleAction;
    if (!ACTIONS.includes(action as ExternalUserLifecycleAction)) {
      throw badRequest('InvalidProperty', `externalUserLifecycleAction must be one of ${ACTIONS.join(', ')}.`, 'externalUserLifecycleAction');
    }
    next.externalUserLifecycleAction = action as ExternalUserLifecycleAction;
  }
  if ('durationUntilExternalUserDeletedAfterBlocked' in body) {
    const duration = body.durationUntilExternalUserDeletedAfterBlocked;
    const ms = durationMs(duration);
    if (typeof duration !== 'string' || ms === undefined || ms < 0) {
      throw badRequest('InvalidProperty', 'durationUntilExternalUserDeletedAfterBlocked must be an ISO 8601 duration such as P30D.', 'durationUntilExternalUserDeletedAfterBlocked');
    }
    next.durationUntilExternalUserDeletedAfterBlocked = duration;
  }
  tx.state.settings = next;
}

/**
 * A subject's lifecycle unless set: a guest of a connected organization came in through entitlement management
 * (governed), another guest did not (notGoverned); members have none (notDefined).
 */
export function lifecycleOf(state: State, userId: string): SubjectLifecycle {
  const set = state.subjectLifecycles && own(state.subjectLifecycles, userId);
  if (set) return set;
  if (own(state.users, userId)?.userType !== 'Guest') return 'notDefined';
  return own(state.guestOrganizations, userId) ? 'governed' : 'notGoverned';
}

export const SUBJECT_NAVIGATIONS = ['connectedOrganization'];

/** subjects/{id} and subjects(objectId='...'): the mock's subject ids are the users' object ids. */
export function getSubject(state: State, callerId: string, objectId: string, expand?: Expand): Subject {
  requireAdmin(state, callerId);
  checkExpand(expand, 'accessPackageSubject', SUBJECT_NAVIGATIONS);
  const { id } = requireUser(state, objectId);
  const subject: Subject = { ...projectSubject(state, id), onPremisesSecurityIdentifier: null, subjectLifecycle: lifecycleOf(state, id) };
  if (under(expand, 'connectedOrganization')) {
    const org = own(state.guestOrganizations, id);
    subject.connectedOrganization = org && own(state.connectedOrganizations, org) ? projectConnectedOrganization(state.connectedOrganizations[org]) : null;
  }
  return subject;
}

/** PATCH subjects(objectId='...') { subjectLifecycle }: only an external (guest) user has a lifecycle to set. */
export function updateSubject(tx: Tx, callerId: string, objectId: string, body: Body): void {
  requireAdmin(tx.state, callerId);
  const { id, userType } = requireUser(tx.state, objectId);
  onlyProperties(body, ['subjectLifecycle']);
  const lifecycle = body.subjectLifecycle as SubjectLifecycle;
  if (!LIFECYCLES.includes(lifecycle)) throw badRequest('InvalidProperty', `subjectLifecycle must be one of ${LIFECYCLES.join(', ')}.`, 'subjectLifecycle');
  if (userType !== 'Guest') throw badRequest('SubjectNotExternal', 'Only an external (guest) user has a subject lifecycle.', 'subjectLifecycle');
  tx.state.subjectLifecycles ??= {};
  tx.state.subjectLifecycles[id] = lifecycle;
}

/** A governed guest (of the users), and whether they hold any active assignment. */
function governedGuest(state: State, userId: string): { user: User; active: boolean } | undefined {
  const user = own(state.users, userId);
  if (!user || user.userType !== 'Guest' || lifecycleOf(state, userId) !== 'governed') return undefined;
  return { user, active: assignmentsOfTarget(state, userId).some(isActive) };
}

/**
 * After an assignment ends: a governed guest with no active assignment left is blocked from signing in when the
 * settings say so, and under blockSignInAndDelete their deletion is scheduled after
 * durationUntilExternalUserDeletedAfterBlocked (removeBlockedGuest, run by the scheduler).
 */
export function applyExternalUserLifecycle(tx: Tx, userId: string): void {
  const { state } = tx;
  const guest = governedGuest(state, userId);
  const settings = settingsOf(state);
  if (!guest || guest.active || settings.externalUserLifecycleAction === 'none') return;
  const blockedNow = guest.user.accountEnabled !== false;
  if (blockedNow) guest.user.accountEnabled = false;
  // Counted from this block: one left from an earlier block (the account re-enabled since) starts again.
  if (settings.externalUserLifecycleAction === 'blockSignInAndDelete' && (blockedNow || !own(state.guestRemovals, userId))) {
    const wait = durationMs(settings.durationUntilExternalUserDeletedAfterBlocked) ?? 0;
    state.guestRemovals[userId] = { at: iso(laterOrLast(tx.now, wait)) };
  }
}

/**
 * A blocked guest's deletion falls due. It happens only if it still would be scheduled now: the guest is still
 * governed, blocked and without active access, and the action is still blockSignInAndDelete (an administrator who
 * unblocked the account or changed the settings in between keeps the account).
 */
export function removeBlockedGuest(tx: Tx, userId: string): void {
  const { state } = tx;
  delete state.guestRemovals[userId];
  const guest = governedGuest(state, userId);
  if (!guest || guest.active || guest.user.accountEnabled !== false) return;
  if (settingsOf(state).externalUserLifecycleAction !== 'blockSignInAndDelete') return;
  removeUser(tx, userId);
}
