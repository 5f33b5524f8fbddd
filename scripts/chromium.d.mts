// Types for chromium.mjs, for TypeScript callers such as the demo's end-to-end test.
export const INSTALL_HINT: string;
export function findChromium(): string | undefined;
export function ensureChromium(): string;
export const CHROMIUM_ARGS: string[];
