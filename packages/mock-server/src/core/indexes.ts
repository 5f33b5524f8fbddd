// Indexes beside the state for what the rules and filterByCurrentUser ask ("open requests for this target and
// package", "requests waiting for this approver", "what falls due next"), so no call scans a table. They are
// derived, never saved: built from the state, then kept in step record by record as a write touches records
// (draft.ts reports each touched root; the index re-reads that record before its next lookup), including when a
// failed write is undone. A key's ids come back in the table's own key order, the order a scan would give.
// Only the engine's state has indexes; a state without them (a seed being built) is answered by a scan.
import { assignmentDue, earlier, firstDue, guestRemovalDue, requestDue, type DueTime } from './due.ts';
import type { Root } from './draft.ts';
import { windowed, type ListWindow } from './list-window.ts';
import { MinHeap } from './min-heap.ts';
import { currentStage, isOpen, isRemoval, stageApprovers } from './request-records.ts';
import type { AssignmentRecord, Notification, PolicyRecord, RequestRecord, State } from './state.ts';
import type { User } from '@entitlement-kit/sdk';

type KeysOf = (record: any) => readonly string[];

const ALL = '';

export const openAddKey = (targetId: string, packageId: string): string => `${targetId}\n${packageId}`;

/** table -> index name -> the keys a record is found under. Each reads the record alone. */
const DEFINITIONS = {
  requests: {
    target: (r: RequestRecord) => [r.targetId],
    requestor: (r: RequestRecord) => [r.requestorId],
    openAdd: (r: RequestRecord) => (isOpen(r) && !isRemoval(r) ? [openAddKey(r.targetId, r.packageId)] : []),
    openRemoval: (r: RequestRecord) => (isOpen(r) && isRemoval(r) ? [r.assignmentId] : []),
    pendingApprover: (r: RequestRecord) => {
      const stage = currentStage(r);
      return stage ? stageApprovers(stage) : [];
    },
    approver: (r: RequestRecord) => [...new Set(r.stages.flatMap(stageApprovers))],
    all: () => [ALL],
  },
  assignments: {
    all: () => [ALL],
    target: (a: AssignmentRecord) => [a.targetId],
    requestor: (a: AssignmentRecord) => [a.requestorId],
  },
  policies: { package: (p: PolicyRecord) => [p.packageId] },
  // Every package under one key: a page of the whole list is read from the set, not from Object.keys of the table.
  packages: { all: () => [ALL] },
  managers: { manager: (managerId: string) => [managerId] },
  members: { member: (memberIds: string[]) => memberIds },
  users: { upn: (u: User) => (u.userPrincipalName ? [u.userPrincipalName.toLowerCase()] : []) },
  outbox: { approved: (n: Notification) => (n.kind === 'approved' && n.requestId ? [n.requestId] : []) },
  // Looked up by id only; here for the due-event heap.
  guestRemovals: {},
} satisfies Record<string, Record<string, KeysOf>>;

export type IndexedTable = keyof typeof DEFINITIONS;
export type IndexName<T extends IndexedTable> = keyof (typeof DEFINITIONS)[T] & string;

const DUE: Partial<Record<IndexedTable, (record: any) => DueTime[]>> = { requests: requestDue, assignments: assignmentDue, guestRemovals: guestRemovalDue };
// Among events at the same instant and kind, requests run before assignments, each in key order (as a scan would).
const TABLE_RANK: Partial<Record<IndexedTable, number>> = { requests: 0, assignments: 1, guestRemovals: 2 };

interface DueEntry extends DueTime {
  table: IndexedTable;
  id: string;
  rank: number;
  seq: number;
}

const dueBefore = (a: DueEntry, b: DueEntry) =>
  earlier(a, b) || (a.at === b.at && a.kind === b.kind && (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)));

/** What changes with every request and decision; nothing cached depends on it. */
const VOLATILE = new Set(['requests', 'assignments', 'outbox', 'now', 'temporaryAccessPasses', 'guestRemovals']);
const MAX_CACHED = 1000;
/** Stale entries the due heap may hold beyond twice its live ones before it is rebuilt from the live ones. */
const DUE_SLACK = 64;

const hasOwn = (target: object, key: string) => Object.prototype.hasOwnProperty.call(target, key);

// Memory at scale (50,000 requests): most keys hold one id (a target's open request for a package, a request's
// removal), so a key holds the id itself until a second comes, and a Set from then on. A record's keys are kept
// per index as the key itself when there is one (most indexes: the record's target, requestor, ...), not as an
// array per index; and everything per record is keyed by its id within its table, not by a "table/id" string.
/** The ids filed under one key. */
type Bucket = string | Set<string>;
/** A record's keys in one index: none, one, or several. */
type Keys = undefined | string | readonly string[];

const keyList = (keys: Keys): readonly string[] => (keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys);
const holds = (keys: Keys, key: string) => keys === key || (typeof keys === 'object' && keys.includes(key));
const sameKeys = (before: Keys, now: readonly string[]) => {
  const list = keyList(before);
  return list.length === now.length && list.every((key, i) => key === now[i]);
};
// A copy: a definition may hand back an array of the live state (a group's members).
const compact = (keys: readonly string[]): Keys => (keys.length === 0 ? undefined : keys.length === 1 ? keys[0] : [...keys]);

interface TableIndexes {
  keysOf: KeysOf[];
  /** index name -> key -> ids. */
  lookups: Map<string, Map<string, Bucket>>;
  /** id -> the keys it is filed under, per index (to unfile it when it changes); absent when it is filed under none. */
  filed: Map<string, Keys[]>;
  /** id -> position (rising as keys are added), for giving ids back in key order; arrays (the outbox) use the index. */
  seq: Map<string, number>;
  due: Map<string, DueEntry>;
}

export class Indexes {
  readonly #live: State;
  readonly #tables = new Map<string, TableIndexes>();
  #nextSeq = 0;
  readonly #pending = new Map<string, Root>();
  /** Counts changes to the tables cached values may depend on. */
  #version = 0;
  readonly #cache = new Map<string, { version: number; value: unknown }>();
  /** Sets whose ids are no longer in key order (an id was filed after a later one). */
  readonly #unordered = new WeakSet<Set<string>>();
  /** The highest key position ever filed in a set (a removal leaves it: at worst one needless sort). */
  readonly #highest = new WeakMap<Set<string>, number>();
  #dueHeap = new MinHeap<DueEntry>(dueBefore);

  constructor(live: State) {
    this.#live = live;
    for (const table of Object.keys(DEFINITIONS) as IndexedTable[]) {
      const definitions = DEFINITIONS[table] as Record<string, KeysOf>;
      const names = Object.keys(definitions);
      this.#tables.set(table, {
        keysOf: names.map((name) => definitions[name]),
        lookups: new Map(names.map((name) => [name, new Map()])),
        filed: new Map(),
        seq: new Map(),
        due: new Map(),
      });
      for (const id of Object.keys(live[table])) this.#sync(table, id);
    }
  }

  /** A record was written (or a whole table replaced): re-read before the next lookup. */
  touch(root: Root): void {
    const [table, id] = root;
    if (!VOLATILE.has(table)) this.#version++;
    const t = this.#tables.get(table);
    if (!t) return;
    if (id === undefined) {
      // The table itself was replaced: refile all of it, and unfile what it held.
      const known = [t.seq.keys(), t.filed.keys(), t.due.keys(), Object.keys(this.#live[table as IndexedTable])];
      for (const keys of known) for (const key of keys) this.#pending.set(`${table}/${key}`, [table, key]);
    } else this.#pending.set(`${table}/${id}`, root);
  }

  /** Ids filed under `key`, in the table's key order. */
  ids<T extends IndexedTable>(table: T, index: IndexName<T>, key: string): string[] {
    this.#flush();
    const lookup = this.#lookup(table, index);
    const found = lookup.get(key);
    if (found === undefined) return [];
    if (typeof found === 'string') return [found];
    if (!this.#unordered.has(found)) return [...found];
    // Filed out of key order since the last look: sort once and keep the set sorted.
    const sorted = this.inKeyOrder(table, found);
    const resorted = new Set(sorted);
    this.#highest.set(resorted, this.#position(table, sorted[sorted.length - 1]));
    lookup.set(key, resorted);
    return sorted;
  }

  /** One page of the ids filed under `key` (in key order), and how many there are in all. */
  page<T extends IndexedTable>(table: T, index: IndexName<T>, key: string, offset: number, limit: number): { ids: string[]; total: number } {
    this.#flush();
    const lookup = this.#lookup(table, index);
    let found = lookup.get(key);
    if (found === undefined) return { ids: [], total: 0 };
    if (typeof found === 'string') return { ids: offset === 0 && limit > 0 ? [found] : [], total: 1 };
    if (this.#unordered.has(found)) {
      this.ids(table, index, key);
      found = lookup.get(key) as Set<string>;
    }
    const ids: string[] = [];
    let i = 0;
    for (const id of found) {
      if (i++ < offset) continue;
      if (ids.length === limit) break;
      ids.push(id);
    }
    return { ids, total: found.size };
  }

  /**
   * A value computed from the state, kept until a table it may depend on changes (anything but requests,
   * assignments, the outbox and the clock): who may request what, for instance.
   */
  cached<V>(key: string, compute: () => V): V {
    const hit = this.#cache.get(key);
    if (hit && hit.version === this.#version) return hit.value as V;
    const value = compute();
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(key, { version: this.#version, value });
    return value;
  }

  inKeyOrder(table: IndexedTable, ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => this.#position(table, a) - this.#position(table, b));
  }

  /** The earliest event due at or before `until`, if any. */
  nextDue(until: number): { table: IndexedTable; id: string; due: DueTime } | undefined {
    this.#flush();
    for (let top = this.#dueHeap.peek(); top; top = this.#dueHeap.peek()) {
      if (this.#tables.get(top.table)?.due.get(top.id) !== top) {
        this.#dueHeap.pop();
        continue;
      }
      return top.at <= until ? { table: top.table, id: top.id, due: top } : undefined;
    }
    return undefined;
  }

  /** Entries in the due heap, stale ones (a record's earlier due times) included: kept within a bound. */
  get dueHeapSize(): number {
    return this.#dueHeap.size;
  }

  #lookup(table: IndexedTable, index: string): Map<string, Bucket> {
    return this.#tables.get(table)?.lookups.get(index) as Map<string, Bucket>;
  }

  #position(table: IndexedTable, id: string): number {
    return Array.isArray(this.#live[table]) ? Number(id) : (this.#tables.get(table)?.seq.get(id) ?? 0);
  }

  #flush(): void {
    if (this.#pending.size === 0) return;
    for (const [, [table, id]] of this.#pending) this.#sync(table as IndexedTable, id as string);
    this.#pending.clear();
  }

  #file(table: IndexedTable, lookup: Map<string, Bucket>, key: string, id: string, position: number): void {
    const found = lookup.get(key);
    if (found === undefined) {
      lookup.set(key, id);
      return;
    }
    if (found === id) return;
    let ids: Set<string>;
    if (typeof found === 'string') {
      ids = new Set([found]);
      this.#highest.set(ids, this.#position(table, found));
      lookup.set(key, ids);
    } else ids = found;
    const highest = this.#highest.get(ids) ?? -1;
    if (highest > position) this.#unordered.add(ids);
    else this.#highest.set(ids, position);
    ids.add(id);
  }

  #unfile(lookup: Map<string, Bucket>, key: string, id: string): void {
    const found = lookup.get(key);
    if (found === undefined) return;
    if (typeof found === 'string') {
      if (found === id) lookup.delete(key);
      return;
    }
    found.delete(id);
    if (found.size === 0) lookup.delete(key);
    // Back to the id itself: a key whose ids come and go keeps no empty-ish Set.
    else if (found.size === 1) lookup.set(key, found.values().next().value as string);
  }

  #sync(table: IndexedTable, id: string): void {
    const t = this.#tables.get(table) as TableIndexes;
    const source = this.#live[table] as unknown as Record<string, unknown>;
    const isArray = Array.isArray(source);
    const found = hasOwn(source, id) ? source[id] : undefined;
    // An array's length is not one of its entries.
    const record = isArray && id === 'length' ? undefined : found;
    if (!isArray) {
      if (record === undefined) t.seq.delete(id);
      else if (!t.seq.has(id)) t.seq.set(id, ++this.#nextSeq);
    }
    const position = isArray ? Number(id) : (t.seq.get(id) as number);
    const filed = t.filed.get(id);
    const kept: Keys[] = [];
    let filedUnderAny = false;
    // Only the keys that changed are unfiled and filed, so ids keep their places in the sets they stay in.
    let i = 0;
    for (const lookup of t.lookups.values()) {
      const keys = record === undefined ? [] : t.keysOf[i](record);
      const before = filed?.[i];
      for (const key of keyList(before)) if (!keys.includes(key)) this.#unfile(lookup, key, id);
      for (const key of keys) if (!holds(before, key)) this.#file(table, lookup, key, id, position);
      // The stored keys are kept when they did not change (the lookup's own key strings, not equal copies).
      kept.push(sameKeys(before, keys) ? before : compact(keys));
      if (keys.length) filedUnderAny = true;
      i++;
    }
    if (record === undefined) {
      t.filed.delete(id);
      t.due.delete(id);
      return;
    }
    // Most outbox entries are filed under nothing: keep no record of that.
    if (filedUnderAny) t.filed.set(id, kept);
    else t.filed.delete(id);
    const dueOf = DUE[table];
    if (dueOf) {
      const first = firstDue(dueOf(record));
      const current = t.due.get(id);
      if (!first) t.due.delete(id);
      else if (!current || current.at !== first.at || current.kind !== first.kind || current.callout !== first.callout || current.seq !== position) {
        // Not spread from `first`: a spread object gets a hidden class of its own (see requests.ts, start).
        const entry: DueEntry = { at: first.at, kind: first.kind, callout: first.callout, table, id, rank: TABLE_RANK[table] as number, seq: position };
        t.due.set(id, entry);
        this.#pushDue(entry);
      }
    }
  }

  /**
   * A record's earlier due entry stays in the heap until it reaches the top (finding it inside costs more). Due
   * times that move on without the clock reaching them (decisions, say, ahead of a deadline) would pile up: past
   * twice the live entries (and a slack), the heap is rebuilt from the live ones.
   */
  #pushDue(entry: DueEntry): void {
    this.#dueHeap.push(entry);
    let live = 0;
    for (const table of Object.keys(DUE)) live += this.#tables.get(table)?.due.size ?? 0;
    if (this.#dueHeap.size <= 2 * live + DUE_SLACK) return;
    const heap = new MinHeap<DueEntry>(dueBefore);
    for (const table of Object.keys(DUE)) for (const kept of this.#tables.get(table)?.due.values() ?? []) heap.push(kept);
    this.#dueHeap = heap;
  }
}

const REGISTRY = new WeakMap<object, Indexes>();

/** Makes `state` (the live state, or a write's view of it) answer through `indexes`. */
export function useIndexes(state: State, indexes: Indexes): void {
  REGISTRY.set(state, indexes);
}

/** The indexes of the engine's state; undefined for any other state (callers then scan). */
export const indexesOf = (state: State): Indexes | undefined => REGISTRY.get(state);

/**
 * One window of a table's ids in key order (all of them without a window), noting the table's size in
 * `window.total`: from the index where there is one, so a page costs its own size rather than the table's.
 */
export function tableWindow(state: State, table: 'packages' | 'requests' | 'assignments', window: ListWindow | undefined): string[] {
  const indexes = indexesOf(state);
  if (!indexes || !window) return windowed(Object.keys(state[table]), window);
  const { ids, total } = indexes.page(table, 'all', ALL, window.offset, window.limit);
  window.total = total;
  return ids;
}
