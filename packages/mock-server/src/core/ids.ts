/** Makes a fresh Graph id (a GUID). Injected so that tests and seeds can be deterministic. */
export type IdSource = () => string;

// Node's randomUUID joins its text from 20 pieces: a rope of a dozen cons strings (about 0.4 KB) per id until
// something reads it whole; the ids of 50,000 requests (request, assignment, stage, email) held ~40 MB that way.
// toLowerCase changes nothing in a UUID and gives it back as one flat string.
export const randomIds: IdSource = () => globalThis.crypto.randomUUID().toLowerCase();

/** GUID-shaped ids counting up from 1 under a fixed 8-hex-digit prefix: readable, stable across runs. */
export function countingIds(prefix: string): IdSource {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}
