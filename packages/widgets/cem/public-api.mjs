// What a consumer may use, and nothing else: the analyzer also reports the generic `customElements.define(tag, ctor)`
// inside defineOnce (a `tag` element) and the versioned subclass internal/nested-tag.ts defines at run time (a
// `scoped` element, and a `scoped` variable, a local of that function). Only the tags defineOnce registers stay custom
// elements, only what a module exports stays declared; private and protected members (the
// widgets' internals, which Storybook would otherwise offer as controls) are dropped. Members marked `@internal` in
// the sources the analyzer drops by itself.
/** @param {{ tagName: string }[]} definitions the defineOnce calls (define-once.mjs) */
export function publicApiPlugin(definitions) {
  return {
    name: 'entitlement-kit:public-api',
    packageLinkPhase({ customElementsManifest }) {
      const tags = new Set(definitions.map((d) => d.tagName));
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || tags.has(e.name));
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name));
        mod.declarations = mod.declarations?.filter((d) => exported.has(d.name) && !(d.customElement && !tags.has(d.tagName)));
        for (const d of mod.declarations ?? []) {
          if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
        }
      }
    },
  };
}
