// Deep copies of state data (plain JSON: objects, arrays, scalars). Unlike structuredClone it sees through the
// recording proxies a write runs on (draft.ts), so rules and projections copy the same way inside and outside one.

/** Proxy -> the state object it records changes to (filled by draft.ts). */
export const DRAFT_TARGETS = new WeakMap<object, object>();

const unwrapped = (value: object): object => DRAFT_TARGETS.get(value) ?? value;

export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const source = unwrapped(value) as Record<string, unknown> | unknown[];
  if (Array.isArray(source)) return source.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const copied = clone(source[key]);
    // An own "__proto__" key stays data, never a prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else out[key] = copied;
  }
  return out as T;
}
