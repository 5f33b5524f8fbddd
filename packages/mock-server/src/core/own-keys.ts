// Lookups by strings from outside: ids in paths and bodies, enum and function parameters, property names, token
// claims, seed names. A plain record also answers `constructor`, `toString` or `__proto__` from Object.prototype, and
// an assignment through `__proto__` rewrites the prototype of every object in the process (or the host page, in
// the browser mock). So every such lookup goes through here and sees own properties only. The State itself stays
// plain JSON records (it is cloned and saved); only the way it is read by an outside key changes.

/** The value stored under `key` itself, never one inherited from a prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const hasOwnKey = (record: object, key: PropertyKey): boolean => Object.hasOwn(record, key);

/** A constant table keyed by outside strings: no prototype, so only its own entries answer. */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * Names a plain object answers without holding them: Object.prototype's members (`__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`, ...) and `prototype`. No Graph property, id or enum member is spelled like one.
 */
export const PROTOTYPE_MEMBER_NAMES: readonly string[] = Object.freeze([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const isPrototypeMemberName = (name: string): boolean => PROTOTYPE_MEMBER_NAMES.includes(name);
