// The custom elements of a manifest, with what the generators (VS Code data, web-types, JSX types) need of each.
export const DOCS_URL = 'https://github.com/entitlement-kit/entitlement-kit/tree/main/packages/widgets#readme';

/** Each custom element declaration with the module that declares it, sorted by tag. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((element) => ({ element, module: mod.path })))
    .sort((a, b) => a.element.tagName.localeCompare(b.element.tagName));
}

/** Public instance fields a page may set: not static, not read-only. */
export function settableFields(element) {
  return (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.privacy);
}

/** The quoted members of a union type (`'light' | 'dark'`), for value completion. */
export function literalValues(type) {
  return [...(type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
