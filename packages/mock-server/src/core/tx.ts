// The context every rule runs in. A write works on a draft copy of the state (see engine.ts), so a rule that
// throws halfway leaves the committed state untouched; effects that leave the process (callouts) wait in
// `callouts` until the draft is committed.
import type { IdSource } from './ids.ts';
import type { State } from './state.ts';
import { iso } from './time.ts';

export interface PendingCallout {
  url: string;
  payload: object;
  calloutId: string;
  requestId: string | null;
  assignmentId: string | null;
}

export interface Tx {
  state: State;
  /** The instant the rule runs at; the scheduler moves it through due events in time order. */
  now: number;
  newId: IdSource;
  callouts: PendingCallout[];
}

export const nowIso = (tx: Tx): string => iso(tx.now);
