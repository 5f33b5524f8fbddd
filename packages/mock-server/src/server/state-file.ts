// --state FILE: the engine's state on disk as a snapshot (FILE, the whole state as JSON) and a journal beside it
// (FILE.journal, one JSON line per record a committed write changed). A write appends its lines before it commits,
// inside the engine's transaction: if the append fails, the write is undone and refused (StateNotSaved), so a
// write and its save happen together or not at all. Appends are not fsynced one by one: a process killed with
// SIGKILL loses nothing written (the kernel has it). When the journal outgrows the snapshot (or on reset, start and
// close) the state is compacted: written whole to a temporary file, fsynced, renamed over FILE, and only then is
// the journal emptied. A crash at any point leaves a snapshot whole and a journal whose complete lines replay on it
// (replaying lines the snapshot already holds gives the same records again).
import { writeJsonInChunks } from './json-chunks.ts';
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Engine, StateJournal } from '../core/engine.ts';
import type { Root } from '../core/draft.ts';
import { MockGraphError } from '../core/errors.ts';
import type { State } from '../core/state.ts';

/** A journal line: a record set to a value, a record deleted, or a top-level value (`now`) set. */
type Line = ['set', string, string, unknown] | ['delete', string, string] | ['top', string, unknown];

const journalOf = (path: string) => `${path}.journal`;
/** Below this the journal is left to grow even past a small snapshot (compacting costs a whole rewrite). */
const MIN_COMPACT_BYTES = 1 << 20;

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  // A key such as "__proto__" stays data, never a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replay(state: Record<string, any>, line: Line): void {
  if (line[0] === 'top') put(state, line[1], line[2]);
  else if (line[0] === 'delete') delete state[line[1]][line[2]];
  else if (Array.isArray(state[line[1]])) state[line[1]][line[2] as unknown as number] = line[3];
  else put(state[line[1]], line[2], line[3]);
}

/** The state FILE and its journal hold, or undefined when there is no FILE. A torn last line is ignored. */
export function readStateFile(path: string): State | undefined {
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, 'utf8')) as State;
  const journal = journalOf(path);
  if (!existsSync(journal)) return state;
  const lines = readFileSync(journal, 'utf8').split('\n');
  // The last piece has no newline after it: a write cut short by a crash, never acknowledged.
  lines.pop();
  for (const text of lines) replay(state as unknown as Record<string, any>, JSON.parse(text) as Line);
  return state;
}

export function loadState(engine: Engine, path: string): boolean {
  const state = readStateFile(path);
  if (state === undefined) return false;
  engine.fromJSON(state, { adopt: true });
  return true;
}

function linesFor(roots: readonly Root[], state: Readonly<State>): string {
  let text = '';
  const live = state as unknown as Record<string, any>;
  for (const [key, entry] of roots) {
    let line: Line;
    if (entry === undefined) line = ['top', key, live[key]];
    else if (Object.prototype.hasOwnProperty.call(live[key], entry)) line = ['set', key, entry, live[key][entry]];
    else line = ['delete', key, entry];
    text += `${JSON.stringify(line)}\n`;
  }
  return text;
}

const notSaved = (error: unknown) =>
  new MockGraphError(
    507,
    'StateNotSaved',
    `The change was not made: the state file could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
  );

export interface StateFileJournal extends StateJournal {
  /** Writes the whole state to FILE and empties the journal. */
  compact(): void;
  close(): void;
}

/**
 * Keeps FILE in step with the engine. `report` hears of each kind of save failure once (the client is told
 * every time, in the refusal).
 */
export function stateFileJournal(
  path: string,
  report: (error: unknown) => void = console.error,
  { minCompactBytes = MIN_COMPACT_BYTES }: { minCompactBytes?: number } = {},
): StateFileJournal {
  const journalPath = journalOf(path);
  const temporary = `${path}.${process.pid}.tmp`;
  const reported = new Set<string>();
  let fd: number | undefined;
  let journalBytes = 0;
  let snapshotBytes = 0;
  let broken = false;
  let current: Readonly<State> | undefined;

  const noteOnce = (error: unknown) => {
    const cause = (error as NodeJS.ErrnoException).code ?? String(error);
    if (reported.has(cause)) return;
    reported.add(cause);
    report(new Error(`mock Graph: saving ${path} failed (${cause}); changes are refused while it fails`));
  };
  const fail = (error: unknown): never => {
    noteOnce(error);
    throw notSaved(error);
  };

  // Temporary files of earlier runs that died mid-compaction: never renamed, so never part of the state.
  for (const name of existsSync(dirname(path)) ? readdirSync(dirname(path)) : []) {
    if (name.startsWith(`${basename(path)}.`) && name.endsWith('.tmp')) rmSync(join(dirname(path), name), { force: true, recursive: true });
  }

  function writeSnapshot(state: Readonly<State>): void {
    let out: number | undefined;
    let bytes = 0;
    try {
      const fd = (out = openSync(temporary, 'w'));
      writeJsonInChunks(state, (chunk) => (bytes += writeSync(fd, chunk)));
      fsyncSync(out);
      closeSync(out);
      out = undefined;
      renameSync(temporary, path);
    } catch (error) {
      if (out !== undefined) closeSync(out);
      rmSync(temporary, { force: true });
      throw error;
    }
    // The rename is durable once the directory is.
    try {
      const dir = openSync(dirname(path), 'r');
      fsyncSync(dir);
      closeSync(dir);
    } catch {
      // Some file systems cannot fsync a directory; the rename itself is still atomic.
    }
    snapshotBytes = bytes;
  }

  function openJournal(): number {
    if (fd === undefined) fd = openSync(journalPath, 'a');
    return fd;
  }

  function compactNow(state: Readonly<State>): void {
    writeSnapshot(state);
    // Emptied only once the snapshot holding its changes is in place.
    if (fd !== undefined) closeSync(fd);
    fd = openSync(journalPath, 'w');
    journalBytes = 0;
    broken = false;
  }

  const journal: StateFileJournal = {
    replace(state) {
      try {
        compactNow(state);
      } catch (error) {
        fail(error);
      }
      current = state;
    },
    commit(roots, state) {
      current = state;
      if (broken) {
        // An earlier append could not be taken back: start over from a whole snapshot (this write included).
        try {
          compactNow(state);
        } catch (error) {
          fail(error);
        }
        return;
      }
      const text = linesFor(roots, state);
      const bytes = Buffer.byteLength(text);
      try {
        writeSync(openJournal(), text);
      } catch (error) {
        // Take back whatever part of the lines reached the file, so the journal stays a list of whole changes.
        try {
          ftruncateSync(openJournal(), journalBytes);
        } catch {
          broken = true;
        }
        fail(error);
      }
      journalBytes += bytes;
      if (journalBytes > Math.max(minCompactBytes, snapshotBytes)) {
        // The change is already safe in the journal (and must stand): a failed compaction only leaves it longer.
        try {
          compactNow(state);
        } catch (error) {
          noteOnce(error);
        }
      }
    },
    compact() {
      if (current) compactNow(current);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
  return journal;
}
