// English, the reference catalogue: every other language must have each of these keys (see Catalogue).
// Placeholders in braces are filled by format(); keep them in every translation. The strings live in two files so a
// page loads the on-demand views' strings with those views (en-core.ts, en-views.ts); this joins them for types,
// tests and translators.
import { enCore } from './en-core.ts';
import { enViews } from './en-views.ts';

export const en = { ...enCore, ...enViews } as const;

export type MessageKey = keyof typeof en;

/** A language's strings: exactly the English keys, so a missing or misspelt translation fails the type check. */
export type Catalogue = { readonly [K in MessageKey]: string };
