// Temporary Access Pass: POST /users/{id}/authentication/temporaryAccessPassMethods, and GET / DELETE of the pass
// by id (under /users/{id} and /me; there is no POST under /me). Authentication
// Administrators (people, or an app identity holding the role, like the Logic App of the TAP flow) may create
// one for users without admin roles; a Privileged Authentication Administrator also for admins. A new pass
// replaces the user's current one, and the pass itself is returned once, never stored.
import { own } from './own-keys.ts';
import type { TemporaryAccessPass } from '@entitlement-kit/sdk';
import { hasRole, requireUser } from './directory.ts';
import { badRequest, notFound, notPermitted } from './errors.ts';
import type { State, TemporaryAccessPassRecord } from './state.ts';
import { instantMs, iso, MINUTE } from './time.ts';
import { nowIso, type Tx } from './tx.ts';

const TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const DEFAULT_LIFETIME = 60;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#$%&*+=?';

const canIssue = (state: State, id: string) =>
  hasRole(state, id, 'Authentication Administrator') || hasRole(state, id, 'Privileged Authentication Administrator');

function randomPass(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

function project(rec: TemporaryAccessPassRecord, now: number, pass: string | null): TemporaryAccessPass {
  const start = instantMs(rec.startDateTime) as number;
  const reason = now < start ? 'NotYetValid' : now >= start + rec.lifetimeInMinutes * MINUTE ? 'Expired' : 'EnabledByPolicy';
  return {
    '@odata.type': TYPE,
    id: rec.id,
    createdDateTime: rec.createdDateTime,
    startDateTime: rec.startDateTime,
    lifetimeInMinutes: rec.lifetimeInMinutes,
    isUsableOnce: rec.isUsableOnce,
    isUsable: reason === 'EnabledByPolicy',
    methodUsabilityReason: reason,
    temporaryAccessPass: pass,
  };
}

/** An administrator's pass is for Privileged Authentication Administrators only. */
function checkPrivileged(state: State, callerId: string, userId: string, verb: 'create' | 'delete'): void {
  if ((own(state.roles, userId) ?? []).length > 0 && !hasRole(state, callerId, 'Privileged Authentication Administrator')) {
    throw notPermitted(`Only a Privileged Authentication Administrator can ${verb} a Temporary Access Pass for an administrator.`);
  }
}

export function createTemporaryAccessPass(tx: Tx, callerId: string, userId: string, body: Record<string, unknown> = {}): TemporaryAccessPass {
  const { state } = tx;
  if (!canIssue(state, callerId)) throw notPermitted();
  const user = requireUser(state, userId);
  checkPrivileged(state, callerId, user.id, 'create');
  const lifetime = body?.lifetimeInMinutes ?? DEFAULT_LIFETIME;
  if (!Number.isInteger(lifetime) || (lifetime as number) < 10 || (lifetime as number) > 43200) {
    throw badRequest('InvalidLifetime', 'lifetimeInMinutes must be a whole number between 10 and 43200.', 'lifetimeInMinutes');
  }
  if (body?.isUsableOnce !== undefined && typeof body.isUsableOnce !== 'boolean') {
    throw badRequest('InvalidProperty', 'isUsableOnce must be a boolean.', 'isUsableOnce');
  }
  const start = body?.startDateTime === undefined || body.startDateTime === null ? tx.now : instantMs(body.startDateTime);
  if (start === undefined) throw badRequest('InvalidProperty', 'startDateTime must be an ISO 8601 date-time.', 'startDateTime');
  const rec: TemporaryAccessPassRecord = {
    id: tx.newId(),
    createdDateTime: nowIso(tx),
    startDateTime: iso(start),
    lifetimeInMinutes: lifetime as number,
    isUsableOnce: body?.isUsableOnce === true,
  };
  state.temporaryAccessPasses[user.id] = rec;
  return project(rec, tx.now, randomPass());
}

/** The user's pass record, for the user themself or a pass issuer. */
function readable(tx: Tx, callerId: string, userId: string): { userId: string; rec: TemporaryAccessPassRecord | undefined } {
  const user = requireUser(tx.state, userId);
  if (callerId !== user.id && !canIssue(tx.state, callerId)) throw notPermitted();
  return { userId: user.id, rec: own(tx.state.temporaryAccessPasses, user.id) };
}

/** The user's pass, if any, without its secret (Graph answers `temporaryAccessPass: null` on reads). */
export function listTemporaryAccessPasses(tx: Tx, callerId: string, userId: string): TemporaryAccessPass[] {
  const { rec } = readable(tx, callerId, userId);
  return rec ? [project(rec, tx.now, null)] : [];
}

export function getTemporaryAccessPass(tx: Tx, callerId: string, userId: string, id: string): TemporaryAccessPass {
  const { rec } = readable(tx, callerId, userId);
  if (rec?.id !== id) throw notFound('temporaryAccessPassAuthenticationMethod', id);
  return project(rec, tx.now, null);
}

/** The user themself, or a pass issuer (a Privileged Authentication Administrator for an administrator's pass). */
export function deleteTemporaryAccessPass(tx: Tx, callerId: string, userId: string, id: string): void {
  const { userId: owner, rec } = readable(tx, callerId, userId);
  if (rec?.id !== id) throw notFound('temporaryAccessPassAuthenticationMethod', id);
  if (callerId !== owner) checkPrivileged(tx.state, callerId, owner, 'delete');
  delete tx.state.temporaryAccessPasses[owner];
}
