// web-types.json for JetBrains IDEs (WebStorm, IntelliJ): tags, attributes, properties, typed events, CSS custom
// properties and parts, from the same manifest. The package.json's "web-types" field points IDEs at it.
import { readFileSync, writeFileSync } from 'node:fs';
import { DOCS_URL, elementsOf, literalValues, settableFields } from './elements.mjs';

export function webTypesPlugin(file) {
  return {
    name: 'entitlement-kit:web-types',
    packageLinkPhase({ customElementsManifest }) {
      const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
      const named = (items = []) => items.map((i) => ({ name: i.name, description: i.description ?? '' }));
      // The package root exports every end-user element class; an element it does not export (the administrators'
      // editor, kept off the end-user page) comes from its own entry, named like its tag.
      const root = customElementsManifest.modules.find((m) => /^(dist|src)\/index\.(js|ts)$/.test(m.path));
      const sourceOf = (d) => (root?.exports?.some((e) => e.name === d.name) ? pkg.name : `${pkg.name}/${d.tagName}`);
      const elements = elementsOf(customElementsManifest).map(({ element: d }) => ({
        name: d.tagName,
        description: d.description ?? '',
        'doc-url': DOCS_URL,
        source: { module: sourceOf(d), symbol: d.name },
        attributes: (d.attributes ?? []).map((a) => {
          const values = literalValues(a.type);
          return { name: a.name, description: a.description ?? '', value: values.length ? { type: values.map((v) => `'${v}'`).join(' | ') } : { type: a.type?.text ?? 'string' } };
        }),
        events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
        js: {
          properties: settableFields(d).map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text })),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
        },
        css: { properties: named(d.cssProperties), parts: named(d.cssParts) },
      }));
      const webTypes = {
        $schema: 'https://json.schemastore.org/web-types',
        name: pkg.name,
        version: pkg.version,
        'description-markup': 'markdown',
        'js-types-syntax': 'typescript',
        contributions: { html: { elements } },
      };
      writeFileSync(file, JSON.stringify(webTypes, null, 2) + '\n');
    },
  };
}
