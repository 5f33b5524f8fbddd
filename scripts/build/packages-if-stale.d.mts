// Types for packages-if-stale.mjs, for TypeScript callers (scripts/packaging).
export function newest(path: string): number;
export function mtime(path: string): number;
export const packageInputs: string[];
export function packagesStale(): boolean;
export function buildPackagesIfStale(force?: boolean): Promise<boolean>;
