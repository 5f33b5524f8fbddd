import { VERSION } from '../version.ts';

/**
 * The tag to render a kit element inside another one. The element's own registration when it has one; otherwise
 * (the host registered only subclasses, or another copy owns the plain tag) a subclass under a name carrying this
 * version, which only an identical copy of the kit could also define.
 */
export function tagFor(ctor: CustomElementConstructor, base: string): string {
  const registered = customElements.getName(ctor);
  if (registered) return registered;
  const scoped = `${base}-v${VERSION.replaceAll(/[^0-9a-z]/gi, '-')}`;
  if (!customElements.get(scoped)) customElements.define(scoped, class extends ctor {});
  return scoped;
}
