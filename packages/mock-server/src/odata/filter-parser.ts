// `$filter` text -> expression tree. Bounded: at most MAX_FILTER_DEPTH levels of parentheses and `not`, and
// MAX_FILTER_TERMS comparisons (values of an `in` list count one each), so neither this recursive parser nor the
// recursive evaluation after it can overflow the stack or run long. Graph documents no nesting limit; it caps a URL
// at 2,048 characters for directory queries, and these bounds admit anything of that length a person would write.
// Grammar (lowest precedence first):
//   or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | primary
//   primary := '(' or ')' | fn '(' path ',' string ')' | path op literal | path 'in' '(' literal (',' literal)* ')'
import { lex, type Lexeme } from '../core/lexer.ts';
import { hasOwnKey, table } from '../core/own-keys.ts';
import { isCalendarDay } from '../core/time.ts';
import { invalidFilter } from './query-errors.ts';
import type { ComparisonOperator, FilterExpression, FilterLiteral, StringFunction } from './query-types.ts';

type Token =
  | { type: '(' | ')' | ',' | ':' | 'end'; at: number }
  | { type: 'word'; text: string; at: number }
  | { type: 'literal'; value: FilterLiteral; at: number };

export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_TERMS = 100;

const COMPARISONS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] satisfies ComparisonOperator[];
const FUNCTIONS: readonly string[] = ['startswith', 'endswith', 'contains'] satisfies StringFunction[];
const CASE_FOLDS: readonly string[] = ['tolower', 'toupper'];

// Order matters: a GUID or a date can start with digits, and a GUID can start with letters.
const LEXEMES: Lexeme<Token>[] = [
  [/\s+/y, () => undefined],
  [/'((?:[^']|'')*)'/y, (m, at) => ({ type: 'literal', value: m[1].replace(/''/g, "'"), at })],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/iy, (m, at) => ({ type: 'literal', value: m[0], at })],
  [
    /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w:.-])/y,
    (m, at) => dateLiteral(m[0], at),
  ],
  [/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/iy, (m, at) => ({ type: 'literal', value: Number(m[0]), at })],
  [/[A-Za-z_]\w*(?:\/[A-Za-z_]\w*)*/y, (m, at) => ({ type: 'word', text: m[0], at })],
  // ':' only appears in lambdas (`roles/any(r:r eq 'x')`); lexing it lets the parser say lambdas are unsupported.
  [/[(),:]/y, (m, at) => ({ type: m[0] as '(' | ')' | ',' | ':', at })],
];

/** A date or date-time literal, refused when its day is not in the calendar (2027-02-30) or before year 1. */
function dateLiteral(text: string, at: number): Token {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (year < 1 || !isCalendarDay(year, month, day)) throw invalidFilter(`Invalid $filter: '${text}' at position ${at} is not a date.`);
  return { type: 'literal', value: text, at };
}

function tokenize(text: string): Token[] {
  const tokens = lex(text, LEXEMES, (char, at) => invalidFilter(`Invalid $filter: unexpected character '${char}' at position ${at}.`));
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

const KEYWORD_LITERALS = table<FilterLiteral>({ true: true, false: false, null: null });

class FilterParser {
  private index = 0;
  private depth = 0;
  private terms = 0;
  constructor(private readonly tokens: Token[]) {}

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_DEPTH) throw invalidFilter(`Invalid $filter: nested deeper than ${MAX_FILTER_DEPTH} levels.`);
    const result = parse();
    this.depth--;
    return result;
  }

  private term(count = 1): void {
    this.terms += count;
    if (this.terms > MAX_FILTER_TERMS) throw invalidFilter(`Invalid $filter: more than ${MAX_FILTER_TERMS} comparisons.`);
  }

  parse(): FilterExpression {
    const expression = this.or();
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest, 'the end of the expression');
    return expression;
  }

  private or(): FilterExpression {
    let left = this.and();
    while (this.isKeyword('or')) {
      this.index++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpression {
    let left = this.unary();
    while (this.isKeyword('and')) {
      this.index++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpression {
    if (this.isKeyword('not')) {
      this.index++;
      return { kind: 'not', operand: this.nested(() => this.unary()) };
    }
    return this.primary();
  }

  private primary(): FilterExpression {
    const token = this.next();
    if (token.type === '(') {
      const inner = this.nested(() => this.or());
      this.expect(')');
      return inner;
    }
    if (token.type !== 'word') throw this.unexpected(token, 'a property or a function');
    if (this.peek().type === '(') return this.call(token.text);
    const operator = this.next();
    const name = operator.type === 'word' ? operator.text.toLowerCase() : '';
    if (COMPARISONS.includes(name)) {
      this.term();
      return { kind: 'compare', operator: name as ComparisonOperator, path: token.text, value: this.literal() };
    }
    if (name === 'in') {
      this.expect('(');
      const values = [this.literal()];
      while (this.peek().type === ',') {
        this.index++;
        values.push(this.literal());
      }
      this.expect(')');
      this.term(values.length);
      return { kind: 'in', path: token.text, values };
    }
    throw this.unexpected(operator, `an operator (${COMPARISONS.join(', ')}, in) after '${token.text}'`);
  }

  private call(functionName: string): FilterExpression {
    const name = functionName.toLowerCase();
    if (!FUNCTIONS.includes(name)) {
      throw invalidFilter(`Invalid $filter: the function '${functionName}' is not supported (use ${FUNCTIONS.join(', ')}).`);
    }
    this.expect('(');
    const path = this.caseFolded() ?? this.next();
    if (path.type !== 'word') throw this.unexpected(path, 'a property');
    this.expect(',');
    const value = this.literal();
    if (typeof value !== 'string') throw invalidFilter(`Invalid $filter: ${name} needs a string literal.`);
    this.expect(')');
    this.term();
    return { kind: 'function', name: name as StringFunction, path: path.text, value };
  }

  /**
   * `tolower(path)` / `toupper(path)` as a string function's first argument (the docs' recommended search is
   * `contains(tolower(displayName),'team')`): the functions already compare case-insensitively, so it is the path.
   */
  private caseFolded(): Token | undefined {
    const token = this.peek();
    if (token.type !== 'word' || !CASE_FOLDS.includes(token.text.toLowerCase()) || this.tokens[this.index + 1]?.type !== '(') return undefined;
    this.index += 2;
    const path = this.next();
    if (path.type !== 'word') throw this.unexpected(path, 'a property');
    this.expect(')');
    return path;
  }

  private literal(): FilterLiteral {
    const token = this.next();
    if (token.type === 'literal') return token.value;
    if (token.type === 'word' && hasOwnKey(KEYWORD_LITERALS, token.text)) return KEYWORD_LITERALS[token.text];
    throw this.unexpected(token, 'a literal value');
  }

  private isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toLowerCase() === keyword;
  }

  private expect(type: '(' | ')' | ','): void {
    const token = this.next();
    if (token.type !== type) throw this.unexpected(token, `'${type}'`);
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'end') this.index++;
    return token;
  }

  private unexpected(token: Token, expected: string) {
    const found = token.type === 'end' ? 'the end' : token.type === 'word' ? `'${token.text}'` : token.type === 'literal' ? `the literal ${JSON.stringify(token.value)}` : `'${token.type}'`;
    return invalidFilter(`Invalid $filter: expected ${expected} at position ${token.at}, found ${found}.`);
  }
}

export function parseFilter(text: string): FilterExpression {
  if (!text.trim()) throw invalidFilter('Invalid $filter: the expression is empty.');
  return new FilterParser(tokenize(text)).parse();
}

/** Every property path the expression reads. */
/** The expression with every property path passed through `rename` (to the collection's own spelling). */
export function renamePaths(expression: FilterExpression, rename: (path: string) => string): FilterExpression {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return { ...expression, left: renamePaths(expression.left, rename), right: renamePaths(expression.right, rename) };
    case 'not':
      return { ...expression, operand: renamePaths(expression.operand, rename) };
    default:
      return { ...expression, path: rename(expression.path) };
  }
}

export function filterPaths(expression: FilterExpression): string[] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(expression.left), ...filterPaths(expression.right)];
    case 'not':
      return filterPaths(expression.operand);
    default:
      return [expression.path];
  }
}
