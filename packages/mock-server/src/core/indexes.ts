// Indexes beside the state for what the rules and filterByCurrentUser ask ("open requests for this target and
// package", "requests waiting for this approver", "what falls due next"), so no call scans a table. They are
// derived, never saved: built from the state, then kept in step record by record as a write touches records
// (draft.ts reports each touched root; the index re-reads that record before its next lookup), including when a
// failed write is undone. A key's ids come back in the table's own key order, the order a scan would give.
// Only the engine's state has indexes; a state without them (a seed being built) is answered by a scan.
import { assignmentDue, earlier, firstDue, requestDue, type DueTime } from './due.ts';
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
} satisfies Record<string, Record<string, KeysOf>>;

export type IndexedTable = keyof typeof DEFINITIONS;
export type IndexName<T extends IndexedTable> = keyof (typeof DEFINITIONS)[T] & string;

const DUE: Partial<Record<IndexedTable, (record: any) => DueTime[]>> = { requests: requestDue, assignments: assignmentDue };
// Among events at the same instant and kind, requests run before assignments, each in key order (as a scan would).
const TABLE_RANK: Partial<Record<IndexedTable, number>> = { requests: 0, assignments: 1 };

interface DueEntry extends DueTime {
  table: IndexedTable;
  id: string;
  rank: number;
  seq: number;
}

const dueBefore = (a: DueEntry, b: DueEntry) =>
  earlier(a, b) || (a.at === b.at && a.kind === b.kind && (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)));

/** What changes with every request and decision; nothing cached depends on it. */
const VOLATILE = new Set(['requests', 'assignments', 'outbox', 'now', 'temporaryAccessPasses']);
const MAX_CACHED = 1000;

const hasOwn = (target: object, key: string) => Object.prototype.hasOwnProperty.call(target, key);

export class Indexes {
  readonly #live: State;
  /** table -> id -> position (rising as keys are added), for giving ids back in key order. */
  readonly #seq = new Map<string, Map<string, number>>();
  #nextSeq = 0;
  /** `table.index` -> key -> ids. */
  readonly #lookups = new Map<string, Map<string, Set<string>>>();
  /** `table/id` -> the keys it is filed under, per index (to unfile it when it changes). */
  readonly #filed = new Map<string, string[][]>();
  readonly #pending = new Map<string, Root>();
  /** Counts changes to the tables cached values may depend on. */
  #version = 0;
  readonly #cache = new Map<string, { version: number; value: unknown }>();
  /** Sets whose ids are no longer in key order (an id was filed after a later one). */
  readonly #unordered = new WeakSet<Set<string>>();
  /** The highest key position ever filed in a set (a removal leaves it: at worst one needless sort). */
  readonly #highest = new WeakMap<Set<string>, number>();
  readonly #due = new Map<string, DueEntry>();
  readonly #dueHeap = new MinHeap<DueEntry>(dueBefore);

  constructor(live: State) {
    this.#live = live;
    for (const table of Object.keys(DEFINITIONS) as IndexedTable[]) {
      this.#seq.set(table, new Map());
      for (const name of Object.keys(DEFINITIONS[table])) this.#lookups.set(`${table}.${name}`, new Map());
      for (const id of Object.keys(live[table])) this.#sync(table, id);
    }
  }

  /** A record was written (or a whole table replaced): re-read before the next lookup. */
  touch(root: Root): void {
    const [table, id] = root;
    if (!VOLATILE.has(table)) this.#version++;
    if (!hasOwn(DEFINITIONS, table)) return;
    if (id === undefined) {
      // The table itself was replaced: refile all of it.
      for (const key of this.#seq.get(table)?.keys() ?? []) this.#pending.set(`${table}/${key}`, [table, key]);
      for (const key of Object.keys(this.#live[table as IndexedTable])) this.#pending.set(`${table}/${key}`, [table, key]);
    } else this.#pending.set(`${table}/${id}`, root);
  }

  /** Ids filed under `key`, in the table's key order. */
  ids<T extends IndexedTable>(table: T, index: IndexName<T>, key: string): string[] {
    this.#flush();
    const lookup = this.#lookups.get(`${table}.${index}`) as Map<string, Set<string>>;
    const found = lookup.get(key);
    if (!found) return [];
    if (!this.#unordered.has(found)) return [...found];
    // Filed out of key order since the last look: sort once and keep the set sorted.
    const sorted = this.inKeyOrder(table, found);
    const resorted = new Set(sorted);
    this.#highest.set(resorted, this.#seq.get(table)?.get(sorted[sorted.length - 1]) ?? -1);
    lookup.set(key, resorted);
    return sorted;
  }

  /** One page of the ids filed under `key` (in key order), and how many there are in all. */
  page<T extends IndexedTable>(table: T, index: IndexName<T>, key: string, offset: number, limit: number): { ids: string[]; total: number } {
    this.#flush();
    const lookup = this.#lookups.get(`${table}.${index}`) as Map<string, Set<string>>;
    let found = lookup.get(key);
    if (!found) return { ids: [], total: 0 };
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
    const seq = this.#seq.get(table) as Map<string, number>;
    return [...ids].sort((a, b) => (seq.get(a) ?? 0) - (seq.get(b) ?? 0));
  }

  /** The earliest event due at or before `until`, if any. */
  nextDue(until: number): { table: IndexedTable; id: string; due: DueTime } | undefined {
    this.#flush();
    for (let top = this.#dueHeap.peek(); top; top = this.#dueHeap.peek()) {
      if (this.#due.get(`${top.table}/${top.id}`) !== top) {
        this.#dueHeap.pop();
        continue;
      }
      return top.at <= until ? { table: top.table, id: top.id, due: top } : undefined;
    }
    return undefined;
  }

  #flush(): void {
    if (this.#pending.size === 0) return;
    for (const [, [table, id]] of this.#pending) this.#sync(table as IndexedTable, id as string);
    this.#pending.clear();
  }

  #sync(table: IndexedTable, id: string): void {
    const rootId = `${table}/${id}`;
    const definitions = DEFINITIONS[table] as Record<string, KeysOf>;
    const names = Object.keys(definitions);
    const filed = this.#filed.get(rootId);
    const source = this.#live[table] as unknown as Record<string, unknown>;
    const seq = this.#seq.get(table) as Map<string, number>;
    const found = hasOwn(source, id) ? source[id] : undefined;
    // An array's length is not one of its entries.
    const record = Array.isArray(source) && id === 'length' ? undefined : found;
    if (record === undefined) seq.delete(id);
    else if (!seq.has(id)) seq.set(id, Array.isArray(source) ? Number(id) : ++this.#nextSeq);
    const keys = record === undefined ? names.map(() => []) : names.map((name) => [...definitions[name](record)]);
    // Only the keys that changed are unfiled and filed, so ids keep their places in the sets they stay in.
    names.forEach((name, i) => {
      const lookup = this.#lookups.get(`${table}.${name}`) as Map<string, Set<string>>;
      const before = filed?.[i] ?? [];
      for (const key of before) {
        if (keys[i].includes(key)) continue;
        const ids = lookup.get(key);
        ids?.delete(id);
        if (ids?.size === 0) lookup.delete(key);
      }
      for (const key of keys[i]) {
        if (before.includes(key)) continue;
        let ids = lookup.get(key);
        if (!ids) lookup.set(key, (ids = new Set()));
        const position = seq.get(id) as number;
        const highest = this.#highest.get(ids) ?? -1;
        if (highest > position) this.#unordered.add(ids);
        else this.#highest.set(ids, position);
        ids.add(id);
      }
    });
    if (record === undefined) {
      this.#filed.delete(rootId);
      this.#due.delete(rootId);
      return;
    }
    // Most outbox entries are filed under nothing: keep no record of that.
    if (keys.every((k) => k.length === 0)) this.#filed.delete(rootId);
    else this.#filed.set(rootId, keys);
    const dueOf = DUE[table];
    if (dueOf) {
      const first = firstDue(dueOf(record));
      const current = this.#due.get(rootId);
      if (!first) this.#due.delete(rootId);
      else if (!current || current.at !== first.at || current.kind !== first.kind || current.callout !== first.callout || current.seq !== seq.get(id)) {
        // Not spread from `first`: a spread object gets a hidden class of its own (see requests.ts, start).
        const entry: DueEntry = { at: first.at, kind: first.kind, callout: first.callout, table, id, rank: TABLE_RANK[table] as number, seq: seq.get(id) as number };
        this.#due.set(rootId, entry);
        this.#dueHeap.push(entry);
      }
    }
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
