// `$search`: a bare or quoted term, or Graph's `"property:term"` form. Like Graph's directory search, each word of
// the term must start a word of the property value (case-insensitive): "sal" finds "Sales team", "ales" does not.
import { invalidOption } from './query-errors.ts';
import type { SearchQuery } from './query-types.ts';
import type { PathResolver } from './values.ts';

const OPTION = '$search';
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

const words = (text: string): string[] => text.toLowerCase().split(WORD_SEPARATOR).filter(Boolean);

export function parseSearch(text: string, searchable: readonly string[]): SearchQuery {
  const trimmed = text.trim();
  const quoted = /^"([^"]*)"$/.exec(trimmed);
  if (!quoted && trimmed.includes('"')) {
    throw invalidOption(OPTION, 'Invalid $search: use one term, bare or in double quotes, e.g. "displayName:sales".');
  }
  const body = quoted ? quoted[1] : trimmed;
  const scoped = /^([A-Za-z_]\w*):(.*)$/s.exec(body);
  if (scoped && !searchable.includes(scoped[1])) {
    throw invalidOption(OPTION, `Invalid $search: '${scoped[1]}' is not searchable here. Searchable: ${searchable.join(', ')}.`);
  }
  const term = words(scoped ? scoped[2] : body);
  if (!term.length) throw invalidOption(OPTION, 'Invalid $search: the search term is empty.');
  return { words: term, properties: scoped ? [scoped[1]] : [...searchable] };
}

export function matchesSearch<T>(item: T, search: SearchQuery, resolve: PathResolver<T>): boolean {
  return search.properties.some((property) => {
    const value = resolve(item, property);
    if (typeof value !== 'string') return false;
    const valueWords = words(value);
    return search.words.every((word) => valueWords.some((candidate) => candidate.startsWith(word)));
  });
}
