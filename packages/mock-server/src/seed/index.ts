import type { Seed } from '../core/snapshot.ts';
import { contosoSeed } from './contoso.ts';
import { emptySeed } from './empty.ts';

export const SEEDS = { contoso: contosoSeed, empty: emptySeed } satisfies Record<string, Seed>;
export type SeedName = keyof typeof SEEDS;

export { contosoSeed, emptySeed };
export * as seedIds from './ids.ts';
