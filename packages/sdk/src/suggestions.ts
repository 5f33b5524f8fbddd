// Suggested access packages (accessPackageSuggestions/filterByCurrentUser, new in v1.0 in 2026). A separate entry,
// like ./admin.ts, over the transport of a client from createClient():
//   const suggestions = createSuggestions(graph); for await (const s of suggestions.listSuggestions()) ...
// so that the size of a page without suggestions does not grow.
import { contextOf } from './context-of.ts';
import { EM } from './context.ts';
import { listQuery } from './odata.ts';
import type { EntitlementClient, SuggestionVerbs } from './api.ts';
import type { SuggestionFilterOn } from './models.ts';

export type { SuggestionVerbs } from './api.ts';

export function createSuggestions(client: EntitlementClient): SuggestionVerbs {
  const ctx = contextOf(client);
  return {
    listSuggestions: (on = ['relatedPeopleAssignments', 'assignmentHistory'], options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/accessPackageSuggestions/filterByCurrentUser(on='{on}')`, {
            ...init,
            // A flags enum: Graph takes its members comma-joined, where the generated type names one member.
            params: { path: { on: on.join(',') as SuggestionFilterOn }, query: listQuery(options, { $expand: ['accessPackage'] }) },
          }),
        options,
      ),
  };
}
