// Graph expresses time-outs and expirations as ISO 8601 durations (P14D, PT36H, P1DT12H).
const pattern = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of a duration of weeks, days, hours, minutes and seconds; undefined for years or months, whose length varies. */
export function durationMs(iso: string | null | undefined): number | undefined {
  const match = iso ? pattern.exec(iso) : null;
  if (!match || iso === 'P' || iso === 'PT') return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

export function addDuration(start: string | Date, iso: string | null | undefined): Date | undefined {
  const ms = durationMs(iso);
  const from = new Date(start);
  return ms === undefined || Number.isNaN(from.getTime()) ? undefined : new Date(from.getTime() + ms);
}
