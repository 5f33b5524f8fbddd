// Projections of single records kept between reads, for the routes that only serialise what they get: a list page
// then projects (and the server serialises, http/json-text.ts) only the records written since they were last read.
// An entry is dropped when a write touches its record: the draft reports every root it writes (and again on
// rollback), and a replaced state clears everything. Only projections without `$expand` are kept: they read their
// own record and nothing else, so the record's root is all they depend on. Entries are deep-frozen, because they
// are handed to every later reader; projections are copies all the way down (never an object of the live state,
// which freezing would make unwritable), as the engine's `fresh` reads already require.
import type { Root } from './draft.ts';

/** Enough for the pages a busy test backend reads over and over; older entries go first. */
const LIMIT = 10_000;

const shared = new WeakSet<object>();

/** Whether `value` is a projection the cache handed out: frozen all the way down, so its JSON text never changes. */
export const isSharedProjection = (value: object): boolean => shared.has(value);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class ProjectionCache {
  /** Per table, record id -> projection, oldest first. */
  readonly #tables = new Map<string, Map<string, object>>();
  #size = 0;

  /** The record's projection as last made, or `project()`'s answer, kept. */
  get<T extends object>(table: string, id: string, project: () => T): T {
    let entries = this.#tables.get(table);
    const kept = entries?.get(id);
    if (kept) return kept as T;
    const made = deepFreeze(project());
    shared.add(made);
    if (!entries) this.#tables.set(table, (entries = new Map()));
    if (this.#size >= LIMIT) this.#dropOldest(entries);
    entries.set(id, made);
    this.#size++;
    return made;
  }

  /** A write touched `root`: its record's projection (every record's, for a whole table) is made again on the next read. */
  touch([table, id]: Root): void {
    const entries = this.#tables.get(table);
    if (!entries) return;
    if (id === undefined) {
      this.#size -= entries.size;
      this.#tables.delete(table);
    } else if (entries.delete(id)) this.#size--;
  }

  clear(): void {
    this.#tables.clear();
    this.#size = 0;
  }

  #dropOldest(preferred: Map<string, object>): void {
    const from = preferred.size ? preferred : [...this.#tables.values()].find((entries) => entries.size);
    const oldest = from?.keys().next();
    if (from && oldest && !oldest.done) {
      from.delete(oldest.value);
      this.#size--;
    }
  }
}
