// accessPackageSuggestions/filterByCurrentUser: packages suggested to the signed-in user, each with the reasons
// Graph gives. Related people are the user's manager, the manager's other reports (peers) and the user's own
// direct reports; their active assignments make a related-people reason. The user's own ended assignments make an
// assignment-history reason. Only packages the user may request for themself and does not hold now are suggested,
// hidden ones left out (as in the requestable list); the id of a suggestion is its package's id, as in the docs.
import type {
  AccessPackageSuggestion,
  AvailableAccessPackage,
  SuggestionRelatedPeopleBased,
  SuggestionSelfAssignmentHistoryBased,
} from '@entitlement-kit/sdk';
import { assignmentsOfTarget, directReports } from './directory.ts';
import { badRequest } from './errors.ts';
import { checkExpand, type Expand, under } from './expand.ts';
import { own } from './own-keys.ts';
import { packagePolicyIds, projectRoleScope } from './projections/packages.ts';
import { isActive } from './request-records.ts';
import { allows, checkAddRight } from './rights.ts';
import type { State } from './state.ts';

export const RELATED_PEOPLE_INSIGHT_LEVELS = ['disabled', 'count', 'countAndNames'] as const;
export type RelatedPeopleInsightLevel = (typeof RELATED_PEOPLE_INSIGHT_LEVELS)[number];

/** Graph keeps this in the tenant's endUserSettings, which v1.0's metadata subset lacks: a /_mock control sets it. */
export const DEFAULT_INSIGHT_LEVEL: RelatedPeopleInsightLevel = 'count';

export const insightLevel = (state: State): RelatedPeopleInsightLevel => state.endUserSettings?.relatedPeopleInsightLevel ?? DEFAULT_INSIGHT_LEVEL;

export interface SuggestionKinds {
  relatedPeople: boolean;
  history: boolean;
}

/** Both kinds: the plain accessPackageSuggestions list, and on='relatedPeopleAssignments,assignmentHistory'. */
export const ALL_KINDS: SuggestionKinds = { relatedPeople: true, history: true };

/** The `on=` flags, comma-separated (a flags enum). `none` alone asks for nothing; unknown flags are refused. */
export function parseSuggestionFilter(on: string): SuggestionKinds {
  const kinds: SuggestionKinds = { relatedPeople: false, history: false };
  for (const flag of on.split(',').map((f) => f.trim())) {
    if (flag === 'relatedPeopleAssignments') kinds.relatedPeople = true;
    else if (flag === 'assignmentHistory') kinds.history = true;
    else if (flag !== 'none') {
      throw badRequest(
        'InvalidFilterOption',
        `on='${on}' is not supported here; use relatedPeopleAssignments and/or assignmentHistory, comma-separated.`,
        'on',
      );
    }
  }
  return kinds;
}

/** The manager, the manager's other reports and the user's reports, each once, the user left out. */
export function relatedPeople(state: State, userId: string): string[] {
  const managerId = own(state.managers, userId);
  const related = new Set<string>();
  if (managerId && own(state.users, managerId)) {
    related.add(managerId);
    for (const peer of directReports(state, managerId)) related.add(peer);
  }
  for (const report of directReports(state, userId)) related.add(report);
  related.delete(userId);
  return [...related];
}

const selfRequestable = (state: State, userId: string, packageId: string): boolean =>
  packagePolicyIds(state, packageId).some((id) => allows(() => checkAddRight(state, state.policies[id], userId, userId)));

const byMostRecent = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

export function suggestionsFor(state: State, userId: string, kinds: SuggestionKinds, expand?: Expand): AccessPackageSuggestion[] {
  checkExpand(expand, 'accessPackageSuggestion', ['accessPackage']);
  checkExpand(under(expand, 'accessPackage'), 'availableAccessPackage', ['resourceRoleScopes']);
  const level = insightLevel(state);
  const relatedHolders = new Map<string, string[]>();
  if (kinds.relatedPeople && level !== 'disabled') {
    for (const personId of relatedPeople(state, userId)) {
      const held = new Set(assignmentsOfTarget(state, personId).filter(isActive).map((a) => a.packageId));
      for (const packageId of held) relatedHolders.set(packageId, [...(relatedHolders.get(packageId) ?? []), personId]);
    }
  }
  const mine = assignmentsOfTarget(state, userId);
  const heldNow = new Set(mine.filter(isActive).map((a) => a.packageId));
  const pastStarts = new Map<string, string[]>();
  if (kinds.history) {
    for (const a of mine) if (a.state === 'expired') pastStarts.set(a.packageId, [...(pastStarts.get(a.packageId) ?? []), a.startDateTime]);
  }

  const candidates = new Set([...relatedHolders.keys(), ...pastStarts.keys()]);
  const suggestions: { packageId: string; related: number; past: number; out: AccessPackageSuggestion }[] = [];
  for (const packageId of candidates) {
    const pkg = own(state.packages, packageId);
    if (!pkg || pkg.data.isHidden || heldNow.has(packageId) || !selfRequestable(state, userId, packageId)) continue;
    const reasons: AccessPackageSuggestion['reasons'] = [];
    const holders = relatedHolders.get(packageId) ?? [];
    if (holders.length) {
      const reason: SuggestionRelatedPeopleBased = {
        '@odata.type': '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased',
        relatedPeopleAssignmentCount: holders.length,
      };
      if (level === 'countAndNames') reason.relatedPeople = holders.map((id) => ({ id, displayName: state.users[id].displayName ?? null }));
      reasons.push(reason);
    }
    const starts = (pastStarts.get(packageId) ?? []).sort(byMostRecent);
    if (starts.length) {
      const reason: SuggestionSelfAssignmentHistoryBased = {
        '@odata.type': '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased',
        pastAssignmentCount: starts.length,
        lastAssignmentDateTime: starts[0],
      };
      reasons.push(reason);
    }
    const out: AccessPackageSuggestion = { id: packageId, reasons };
    const packageExpand = under(expand, 'accessPackage');
    if (packageExpand) out.accessPackage = availablePackage(state, packageId, packageExpand);
    suggestions.push({ packageId, related: holders.length, past: starts.length, out });
  }
  // Strongest first: more related people holding it, then more past assignments, then by name.
  const name = (id: string) => state.packages[id].data.displayName ?? '';
  suggestions.sort((a, b) => b.related - a.related || b.past - a.past || name(a.packageId).localeCompare(name(b.packageId)));
  return suggestions.map((s) => s.out);
}

function availablePackage(state: State, packageId: string, expand: Expand): AvailableAccessPackage {
  const pkg = state.packages[packageId];
  const { id, displayName, description } = pkg.data;
  const out: AvailableAccessPackage = { id, displayName: displayName ?? null, description: description ?? null };
  const scopes = under(expand, 'resourceRoleScopes');
  if (scopes) out.resourceRoleScopes = pkg.roleScopes.map((rs) => projectRoleScope(state, rs, scopes));
  return out;
}
