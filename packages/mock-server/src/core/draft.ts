// A write's view of the state: the live state behind recording proxies. Every assignment or deletion anywhere in it
// is logged with the value it replaced (an undo log), and the record it belongs to (a root: `requests/<id>`,
// `outbox/<index>`, `now`) is reported as touched. A rule that throws is undone entry by entry, newest first, so a
// failed call changes nothing; a write costs what it touches, not the size of the state. The journal (--state)
// and the indexes read the touched roots.
import { DRAFT_TARGETS } from './clone.ts';
import type { State } from './state.ts';

/** A top-level key of the state, and for its tables (and the outbox) the entry's key. */
export type Root = readonly [key: string, entry?: string];

interface Undo {
  target: Record<PropertyKey, unknown>;
  key: PropertyKey;
  had: boolean;
  old: unknown;
  /** For a deleted key: the object's key order before, to put the key back in its place. */
  order?: string[];
}

const hasOwn = (target: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(target, key);

/** A value about to be stored: proxies inside it are replaced by what they stand for, so the state holds no proxy. */
function unwrapDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = DRAFT_TARGETS.get(value);
  if (target) return target;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    if (child !== null && typeof child === 'object') {
      const plain = unwrapDeep(child);
      if (plain !== child) record[key] = plain;
    }
  }
  return value;
}

export class Draft {
  /** The state as the rule sees it. */
  readonly state: State;
  readonly #undo: Undo[] = [];
  readonly #touched = new Map<string, Root>();
  readonly #proxies = new WeakMap<object, object>();
  readonly #onTouch: (root: Root) => void;

  constructor(live: State, onTouch: (root: Root) => void = () => {}) {
    this.#onTouch = onTouch;
    this.state = this.#wrap(live as unknown as object, undefined, undefined) as State;
  }

  /** The roots written to, in the order first touched. */
  touched(): Root[] {
    return [...this.#touched.values()];
  }

  /** Undoes every change, newest first. */
  rollback(): void {
    for (let i = this.#undo.length - 1; i >= 0; i--) {
      const { target, key, had, old, order } = this.#undo[i];
      if (had) target[key] = old;
      else delete target[key];
      if (order) {
        for (const k of order) {
          const value = target[k];
          delete target[k];
          target[k] = value;
        }
      }
    }
    this.#undo.length = 0;
    for (const root of this.#touched.values()) this.#onTouch(root);
  }

  #touch(root: Root): void {
    const id = root.length > 1 ? `${root[0]}/${root[1]}` : root[0];
    if (!this.#touched.has(id)) this.#touched.set(id, root);
    this.#onTouch(root);
  }

  #record(target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
    if (Array.isArray(target)) {
      // Shortening an array drops its tail without a write per element: keep those elements too.
      if (key === 'length') {
        for (let i = target.length - 1; i >= (value as number); i--) this.#undo.push({ target, key: String(i), had: hasOwn(target, i), old: target[i] });
      } else if (typeof key === 'string' && Number(key) >= target.length) {
        // Writing past the end grows the array by itself: its length must come back too.
        this.#undo.push({ target, key: 'length', had: true, old: target.length });
      }
    }
    this.#undo.push({ target, key, had: hasOwn(target, key), old: target[key] });
  }

  /** `top` is undefined for the state itself, `entry` undefined for a table. */
  #wrap(target: object, top: string | undefined, entry: string | undefined): object {
    const known = this.#proxies.get(target);
    if (known) return known;
    const rootOf = (key: PropertyKey): Root =>
      top === undefined ? [String(key)] : entry === undefined ? [top, String(key)] : [top, entry];
    const proxy = new Proxy(target as Record<PropertyKey, unknown>, {
      get: (t, key) => {
        const value = t[key];
        if (value === null || typeof value !== 'object' || typeof key === 'symbol') return value;
        const root = rootOf(key);
        return this.#wrap(value, root[0], root.length > 1 ? root[1] : undefined);
      },
      set: (t, key, value) => {
        this.#record(t, key, value);
        t[key] = unwrapDeep(value);
        this.#touch(rootOf(key));
        return true;
      },
      deleteProperty: (t, key) => {
        if (!hasOwn(t, key)) return true;
        const order = Array.isArray(t) || typeof key === 'symbol' ? undefined : Object.keys(t);
        this.#undo.push({ target: t, key, had: true, old: t[key], order });
        delete t[key];
        this.#touch(rootOf(key));
        return true;
      },
      defineProperty: (t, key, descriptor) => {
        this.#record(t, key, descriptor.value);
        const stored = 'value' in descriptor ? { ...descriptor, value: unwrapDeep(descriptor.value) } : descriptor;
        Reflect.defineProperty(t, key, stored);
        this.#touch(rootOf(key));
        return true;
      },
    });
    this.#proxies.set(target, proxy);
    DRAFT_TARGETS.set(proxy, target);
    return proxy;
  }
}
