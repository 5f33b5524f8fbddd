export { Engine, type CalloutPort, type EngineOptions, type Principal, type ReadOptions } from './engine.ts';
export { MockGraphError } from './errors.ts';
export { expandTree, type Expand } from './expand.ts';
export { countingIds, randomIds, type IdSource } from './ids.ts';
export type { CalloutPayload } from './callout-payload.ts';
export type { Seed } from './snapshot.ts';
export type { Notification, NotificationKind, State } from './state.ts';
export { ManualClock, type Clock } from './time.ts';
export { SEEDS, type SeedName } from '../seed/index.ts';
