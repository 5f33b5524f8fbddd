// How a bug (an error that is not a MockGraphError: the client sees a bare 500) is logged by default: one short
// line per cause, naming the route's template rather than the URL (which can be long, and holds ids and tokens'
// worth of query), so a client hammering a broken path does not flood stderr.

/** Reports an unexpected error; `where` is the method and the route template (or the path when none matched). */
export type UnexpectedErrorReporter = (error: unknown, where?: string) => void;

const MAX_CAUSES = 1000;

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim() ?? '';
  return `${error.name}: ${error.message.slice(0, 200)}${frame ? ` (${frame.slice(3, 160)})` : ''}`;
}

export function logOncePerCause(log: (line: string) => void = (line) => console.error(line)): UnexpectedErrorReporter {
  const seen = new Set<string>();
  return (error, where = 'a request') => {
    const line = `mock Graph: 500 for ${where.slice(0, 200)}: ${causeOf(error)}`;
    if (seen.has(line)) return;
    if (seen.size < MAX_CAUSES) seen.add(line);
    log(`${line} (logged once per cause)`);
  };
}
