import { enCore } from './en-core.ts';
import type { Catalogue } from './en.ts';

export type { Catalogue, MessageKey } from './en.ts';

/**
 * English as the page has it: the first-paint strings, completed by addEnglish() when an on-demand view arrives
 * (a view only reads its own strings, so no string is read before it is there).
 */
const en = { ...enCore } as unknown as Catalogue;

/** Called by the on-demand views with en-views.ts. */
export function addEnglish(strings: Partial<Catalogue>): void {
  Object.assign(en, strings);
}

/** English is inline; every other catalogue is read on demand, so a page pays only for the languages it shows. */
const loaders = {
  en: async () => en,
  de: async () => (await import('./de.ts')).de,
} satisfies Record<string, () => Promise<Catalogue>>;

export type Language = keyof typeof loaders;
export const languages = Object.keys(loaders) as Language[];

const catalogues: Partial<Record<Language, Catalogue>> = { en };
const loading: Partial<Record<Language, Promise<unknown>>> = {};

/** The first locale given, else the page's `lang`, else the browser's language. */
export function resolveLocale(...candidates: (string | null | undefined)[]): string {
  const chosen = candidates.find((c) => c?.trim());
  return (chosen ?? document.documentElement.lang) || navigator.language || 'en';
}

/** The catalogue language for a BCP 47 tag: `de-AT` reads German, anything without a catalogue reads English. */
export function languageOf(locale: string): Language {
  const language = locale.toLowerCase().split('-')[0];
  return (languages as string[]).includes(language) ? (language as Language) : 'en';
}

/** The catalogue for a locale once loaded (see loadCatalogue); English until then. */
export function catalogueFor(locale: string): Catalogue {
  return catalogues[languageOf(locale)] ?? en;
}

/** Reads the catalogue for a locale; undefined when it is already there (English always is). */
export function loadCatalogue(locale: string): Promise<unknown> | undefined {
  const language = languageOf(locale);
  if (catalogues[language]) return undefined;
  // A catalogue that fails to load leaves English in place, and the next update tries again.
  return (loading[language] ??= loaders[language]().then(
    (catalogue) => (catalogues[language] = catalogue),
    () => delete loading[language],
  ));
}

/** Fills `{name}` placeholders. Values are plain text; lit escapes them where they are rendered. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
