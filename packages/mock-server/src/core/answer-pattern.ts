// A text question's regexPattern, evaluated with RE2 (re2js, pure JavaScript, so the browser mock runs it too): RE2
// matches in time linear in the answer whatever the pattern, so one answer cannot block the server the way a
// backtracking engine does (`^(a+)+$` against 30 a's and a b takes hours there). The price is RE2's syntax: no
// backreferences (`\1`), no lookahead or lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`), repeat counts up to 1000. A
// policy whose pattern RE2 cannot compile is refused when it is written.
import { RE2JS } from 're2js';

const CACHE_SIZE = 100;
const cache = new Map<string, RE2JS | null>();

function compile(pattern: string): RE2JS | null {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export const isAnswerPattern = (pattern: string): boolean => compile(pattern) !== null;

/** Whether the answer contains a match (as RegExp.test would say); undefined when RE2 cannot compile the pattern. */
export function answerMatches(pattern: string, answer: string): boolean | undefined {
  return compile(pattern)?.test(answer);
}
