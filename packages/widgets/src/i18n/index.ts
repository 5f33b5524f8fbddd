import { de } from './de.ts';
import { en, type Catalogue } from './en.ts';

export type { Catalogue, MessageKey } from './en.ts';

const catalogues = { en, de } satisfies Record<string, Catalogue>;

export type Language = keyof typeof catalogues;
export const languages = Object.keys(catalogues) as Language[];

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

export function catalogueFor(locale: string): Catalogue {
  return catalogues[languageOf(locale)];
}

/** Fills `{name}` placeholders. Values are plain text; lit escapes them where they are rendered. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
