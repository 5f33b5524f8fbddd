import { ContextRoot } from '@lit/context';
import { VERSION } from './version.ts';

// Shared by every copy of the kit on a page (Symbol.for), so a second copy can name the first one's version.
const registryKey = Symbol.for('entitlement-kit.defined-versions');

function registry(): Map<string, string> {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Map<string, string> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * Defines `tag` unless a custom element already owns it. Two micro-frontends that each bundle the kit must not
 * break the page, so a taken tag (or a class already registered under another name) is skipped with a warning
 * naming both versions instead of throwing. Returns whether this call defined the tag.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor, version: string = VERSION): boolean {
  const existing = customElements.get(tag);
  if (existing === ctor) return false;
  if (existing) {
    const existingVersion = registry().get(tag) ?? 'unknown (not defined by entitlement-kit)';
    console.warn(
      `[entitlement-kit] <${tag}> is already defined by version ${existingVersion}; skipped defining it again for version ${version}.`,
    );
    return false;
  }
  const otherName = customElements.getName(ctor);
  if (otherName) {
    console.warn(
      `[entitlement-kit] this class (version ${version}) is already defined as <${otherName}>; skipped defining it as <${tag}>.`,
    );
    return false;
  }
  customElements.define(tag, ctor);
  registry().set(tag, version);
  return true;
}

const contextRootKey = Symbol.for('entitlement-kit.context-root');

/**
 * Lets a provider defined after its widgets still reach them: a ContextRoot keeps the context requests nobody
 * answered and replays them when a provider appears. One per page, whichever copy of the kit comes first.
 */
export function ensureContextRoot(): void {
  // In Node (SSR, a server importing the package) there is no document: nothing to attach to.
  if (typeof document === 'undefined') return;
  const holder = globalThis as typeof globalThis & { [contextRootKey]?: ContextRoot };
  if (holder[contextRootKey]) return;
  holder[contextRootKey] = new ContextRoot();
  holder[contextRootKey].attach(document.documentElement);
}
