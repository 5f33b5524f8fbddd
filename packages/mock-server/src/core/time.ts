// Instants and ISO 8601 durations. Graph writes instants in UTC with a 'Z' and durations as P[n]DT[n]H[n]M[n]S
// (the pattern of Edm.Duration in openapi.yaml: no years, months or weeks), so that is all this accepts.

const DURATION = /^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const INSTANT = /^\d{4,}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,12})?(Z|[+-]\d\d:\d\d)$/;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Milliseconds of an ISO 8601 duration, or undefined when it is not one Graph accepts (or is empty, like "P"). */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value);
  if (!m || value === 'P') return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(min ?? 0) * MINUTE + Math.round(Number(s ?? 0) * 1000);
}

/** Milliseconds since the epoch of an ISO 8601 instant with a zone, or undefined. */
export function instantMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The UTC form Graph emits: whole seconds without a fraction, always 'Z'. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
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
