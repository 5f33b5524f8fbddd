// Why a package is suggested, in words: Graph's accessPackageSuggestion reasons (related people who have it, the
// caller's own past assignments) as a sentence each, in the widget's language and plural rules.
import type { AccessPackageSuggestion as Suggestion, SuggestionRelatedPeopleBased as RelatedPeople, SuggestionSelfAssignmentHistoryBased as History } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';

const RELATED = '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased';
const HISTORY = '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased';

export function reasonsInWords(h: ViewHost, suggestion: Suggestion): string[] {
  return (suggestion.reasons ?? []).flatMap((reason) => {
    const type = reason['@odata.type'];
    if (type === RELATED) return [relatedInWords(h, reason as RelatedPeople)];
    if (type === HISTORY) return [historyInWords(h, reason as History)];
    return [];
  });
}

function relatedInWords(h: ViewHost, reason: RelatedPeople): string {
  const count = Number(reason.relatedPeopleAssignmentCount ?? 0);
  const names = (reason.relatedPeople ?? []).flatMap((p) => (p.displayName ? [p.displayName] : []));
  // Names only when the tenant shares them (relatedPeopleInsightLevel countAndNames); the count always.
  if (names.length > 0 && names.length === count) {
    return h.msg('suggestRelatedNamed', { names: new Intl.ListFormat(h.resolvedLocale, { type: 'conjunction' }).format(names) });
  }
  const one = new Intl.PluralRules(h.resolvedLocale).select(count) === 'one';
  return h.msg(one ? 'suggestRelatedOne' : 'suggestRelatedMany', { count: new Intl.NumberFormat(h.resolvedLocale).format(count) });
}

function historyInWords(h: ViewHost, reason: History): string {
  const count = Number(reason.pastAssignmentCount ?? 0);
  const date = h.formatDate(reason.lastAssignmentDateTime);
  if (count <= 1) return h.msg('suggestHistoryOnce', { date });
  if (count === 2) return h.msg('suggestHistoryTwice', { date });
  return h.msg('suggestHistoryMany', { count: new Intl.NumberFormat(h.resolvedLocale).format(count), date });
}
