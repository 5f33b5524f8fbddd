/** Makes a fresh Graph id (a GUID). Injected so that tests and seeds can be deterministic. */
export type IdSource = () => string;

export const randomIds: IdSource = () => globalThis.crypto.randomUUID();

/** GUID-shaped ids counting up from 1 under a fixed 8-hex-digit prefix: readable, stable across runs. */
export function countingIds(prefix: string): IdSource {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}
