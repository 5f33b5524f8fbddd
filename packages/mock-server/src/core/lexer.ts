// Splitting query and rule text into tokens: sticky patterns tried in order at each position (the first that
// matches wins; one that makes no token, such as white space, is skipped), so scanning is linear in the text.
export type Lexeme<T> = [pattern: RegExp, make: (match: RegExpExecArray, at: number) => T | undefined];

/** The tokens of `text`; `unexpected` makes the error for a character no pattern matches. */
export function lex<T>(text: string, lexemes: readonly Lexeme<T>[], unexpected: (char: string, at: number) => Error): T[] {
  const tokens: T[] = [];
  let at = 0;
  scan: while (at < text.length) {
    for (const [pattern, make] of lexemes) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match) continue;
      const token = make(match, at);
      if (token) tokens.push(token);
      at += match[0].length;
      continue scan;
    }
    throw unexpected(text[at], at);
  }
  return tokens;
}
