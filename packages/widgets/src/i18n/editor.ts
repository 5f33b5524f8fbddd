// The strings of <access-package-editor>, a catalogue apart from the end-user widgets' (en-core, en-views, de) so
// that a page without the editor never loads them. Same mechanism: English inline with the editor, every other
// language read on demand; the type makes each language carry every English key.
import { editorEn } from './editor-en.ts';
import { languageOf, type Language } from './index.ts';

export type EditorKey = keyof typeof editorEn;
export type EditorCatalogue = { readonly [K in EditorKey]: string };

const loaders: Record<Language, () => Promise<EditorCatalogue>> = {
  en: async () => editorEn,
  de: async () => (await import('./editor-de.ts')).editorDe,
};

const catalogues: Partial<Record<Language, EditorCatalogue>> = { en: editorEn };
const loading: Partial<Record<Language, Promise<unknown>>> = {};

/** The editor's strings for a locale once loaded (see loadEditorCatalogue); English until then. */
export function editorCatalogueFor(locale: string): EditorCatalogue {
  return catalogues[languageOf(locale)] ?? editorEn;
}

/** Reads the editor's catalogue for a locale; undefined when it is already there. */
export function loadEditorCatalogue(locale: string): Promise<unknown> | undefined {
  const language = languageOf(locale);
  if (catalogues[language]) return undefined;
  // A failed read leaves English in place; the next update tries again.
  return (loading[language] ??= loaders[language]().then(
    (catalogue) => (catalogues[language] = catalogue),
    () => delete loading[language],
  ));
}
