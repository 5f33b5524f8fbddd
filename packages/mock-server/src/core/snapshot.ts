// What a seed produces and what toJSON()/fromJSON() carry: the State, versioned.
import { badRequest } from './errors.ts';
import type { State } from './state.ts';
import { instantMs } from './time.ts';

/** A named starting state. `build` lays it out so that `start` is "now" (seeded history lies before it). */
export interface Seed {
  readonly name: string;
  /** The start used unless the engine was given its own clock. */
  readonly start: string;
  build(start: string): State;
}

const KEYS: (keyof State)[] = [
  'users', 'deletedUsers', 'managers', 'sponsors', 'groups', 'members', 'servicePrincipals', 'roles',
  'connectedOrganizations', 'guestOrganizations', 'temporaryAccessPasses', 'catalogs', 'resources', 'resourceRoles',
  'resourceScopes', 'extensions', 'packages', 'policies', 'requests', 'assignments',
];

/**
 * Accepts a snapshot made by toJSON() (or its JSON text parsed), refusing anything else. A copy unless `adopt`: a
 * state just parsed from a file is nobody else's, and copying 50,000 requests doubled the memory a load took.
 */
export function checkSnapshot(value: unknown, adopt = false): State {
  const s = value as State;
  const ok =
    !!s &&
    typeof s === 'object' &&
    s.version === 1 &&
    instantMs(s.now) !== undefined &&
    Array.isArray(s.outbox) &&
    KEYS.every((k) => s[k] && typeof s[k] === 'object' && !Array.isArray(s[k]));
  if (!ok) throw badRequest('InvalidSnapshot', 'This is not a mock state snapshot (version 1).');
  // Tables added to version 1 later: a snapshot saved before them loads with them empty.
  const state = adopt ? s : structuredClone(s);
  state.resourceRequests ??= {};
  return state;
}
