// Instants and ISO 8601 durations: every date or duration that enters the mock is read here. Graph writes instants
// in UTC with a 'Z' and durations as P[n]DT[n]H[n]M[n]S (the pattern of Edm.Duration in openapi.yaml: no years,
// months or weeks), so that is all this accepts. Graph's DateTimeOffset runs from year 1 to the end of year 9999:
// an instant outside that range, a day that no calendar has (2027-02-30), or a duration that would carry any
// instant past it is refused here, so no date the mock stores can fail to print or to load again.

const DURATION = /^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const INSTANT = /^(\d{4})-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,12})?(Z|[+-]\d\d:\d\d)$/;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** .NET's DateTimeOffset.MinValue and MaxValue (to the second): the instants Graph can represent. */
export const MIN_INSTANT = '0001-01-01T00:00:00Z';
export const MAX_INSTANT = '9999-12-31T23:59:59Z';
const MIN_INSTANT_MS = Date.parse(MIN_INSTANT);
export const MAX_INSTANT_MS = Date.parse(MAX_INSTANT);
/** No duration is longer than the whole representable range. */
const MAX_DURATION_MS = MAX_INSTANT_MS - MIN_INSTANT_MS;

/** Milliseconds of an ISO 8601 duration, or undefined when it is not one Graph accepts (empty like "P", or too long). */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value);
  if (!m || value === 'P') return undefined;
  const [, d, h, min, s] = m;
  const ms = Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(min ?? 0) * MINUTE + Math.round(Number(s ?? 0) * 1000);
  return ms <= MAX_DURATION_MS ? ms : undefined;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether YYYY-MM-DD names a day of the calendar (not 2027-02-30, not 2026-04-31). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const length = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= length;
}

/** Milliseconds since the epoch of an ISO 8601 instant with a zone, or undefined (also for impossible or out-of-range ones). */
export function instantMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS ? undefined : ms;
}

/** `start + ms` when Graph can represent it, else undefined (the caller refuses the input that asked for it). */
export function later(start: number, ms: number): number | undefined {
  return start + ms <= MAX_INSTANT_MS ? start + ms : undefined;
}

/** `start + ms`, or the last representable instant: for deadlines the mock derives itself, which then never come. */
export const laterOrLast = (start: number, ms: number): number => Math.min(start + ms, MAX_INSTANT_MS);

const RECENT_ISO_LIMIT = 64;
const recentIso = new Map<number, string>();

/**
 * The UTC form Graph emits: whole seconds without a fraction, always 'Z'. The same instant gives the same string
 * object while it is among the last few asked for, so the records of one write (and of writes at one mock instant)
 * share their date strings instead of holding a copy each.
 */
export function iso(ms: number): string {
  let text = recentIso.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString().replace('.000Z', 'Z');
    if (recentIso.size >= RECENT_ISO_LIMIT) recentIso.clear();
    recentIso.set(ms, text);
  }
  return text;
}

/** What a test or the control surface moves. The engine reads it and catches up on whatever fell due. */
export interface Clock {
  now(): number;
  set(ms: number): void;
}

export class ManualClock implements Clock {
  #now: number;
  constructor(start: string | number) {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.#now;
  }
  set(ms: number): void {
    this.#now = ms;
  }
}
