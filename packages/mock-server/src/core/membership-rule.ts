// Microsoft Entra's membership-rule syntax (attributeRuleMembers.membershipRule, e.g. `(user.department -eq "Sales")`),
// the subset the mock evaluates: comparisons of a single-valued user property with -eq, -ne, -startsWith,
// -notStartsWith, -contains, -notContains, -in and -notIn; -and, -or, -not and parentheses; double-quoted strings
// (a backtick escapes a quote), true, false and null. Properties, operators and string comparisons are
// case-insensitive, as in Entra. Anything else (-match, -any/-all, device or extension properties, memberOf,
// "Direct Reports for") is refused with 400 InvalidMembershipRule rather than evaluated wrongly. Bounded like the
// $filter parser: at most MAX_RULE_LENGTH characters (Entra's own limit), MAX_RULE_DEPTH levels of parentheses and
// -not, MAX_RULE_TERMS comparisons (each value of an -in list counts).
import { lex, type Lexeme } from './lexer.ts';
import type { User } from '@entitlement-kit/sdk';
import { GRAPH_PROPERTIES } from '../generated/graph-properties.ts';
import { badRequest } from './errors.ts';
import { hasOwnKey } from './own-keys.ts';

export const MAX_RULE_LENGTH = 3072;
export const MAX_RULE_DEPTH = 32;
export const MAX_RULE_TERMS = 100;

type Value = string | boolean | null;
type Operator = 'eq' | 'ne' | 'startswith' | 'notstartswith' | 'contains' | 'notcontains' | 'in' | 'notin';
export type Rule =
  | { kind: 'and' | 'or'; left: Rule; right: Rule }
  | { kind: 'not'; operand: Rule }
  | { kind: 'compare'; property: string; operator: Operator; values: Value[] };

const OPERATORS: readonly string[] = ['eq', 'ne', 'startswith', 'notstartswith', 'contains', 'notcontains', 'in', 'notin'] satisfies Operator[];
const UNSUPPORTED_OPERATORS = ['match', 'notmatch', 'any', 'all', 'le', 'ge'];

/** Single-valued user properties of the v1.0 schema (lower-cased name -> name as Graph spells it). */
const PROPERTIES = new Map(
  Object.entries(GRAPH_PROPERTIES.user)
    .filter(([name, kind]) => (kind === 'string' || kind === 'boolean') && !name.startsWith('@'))
    .map(([name]) => [name.toLowerCase(), name]),
);

type Token =
  | { type: '(' | ')' | '[' | ']' | ',' | 'end'; at: number }
  | { type: 'operator'; text: string; at: number }
  | { type: 'property'; text: string; at: number }
  | { type: 'value'; value: Value; at: number };

export const invalidRule = (message: string) => badRequest('InvalidMembershipRule', `Invalid membershipRule: ${message}`, 'membershipRule');

const LEXEMES: Lexeme<Token>[] = [
  [/\s+/y, () => undefined],
  [/"((?:[^"`]|`.)*)"/y, (m, at) => ({ type: 'value', value: m[1].replace(/`(.)/g, '$1'), at })],
  [/-[A-Za-z]+/y, (m, at) => ({ type: 'operator', text: m[0].slice(1).toLowerCase(), at })],
  [/(?:true|false|null)(?![\w.])/iy, (m, at) => ({ type: 'value', value: m[0].toLowerCase() === 'null' ? null : m[0].toLowerCase() === 'true', at })],
  [/[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/y, (m, at) => ({ type: 'property', text: m[0], at })],
  [/[()[\],]/y, (m, at) => ({ type: m[0] as '(' | ')' | '[' | ']' | ',', at })],
];

function tokenize(text: string): Token[] {
  const tokens = lex(text, LEXEMES, (char, at) => invalidRule(`unexpected character '${char}' at position ${at}.`));
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

class Parser {
  #pos = 0;
  #terms = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Rule {
    const rule = this.#or(0);
    const next = this.#peek();
    if (next.type !== 'end') throw invalidRule(`unexpected '${describe(next)}' at position ${next.at}.`);
    return rule;
  }

  #peek = () => this.tokens[this.#pos];
  #take = () => this.tokens[this.#pos++];
  #isOperator = (name: string) => {
    const t = this.#peek();
    return t.type === 'operator' && t.text === name;
  };

  #or = (depth: number): Rule => this.#chain('or', () => this.#and(depth));
  #and = (depth: number): Rule => this.#chain('and', () => this.#unary(depth));

  /** Operands joined by -or (or -and), left to right. */
  #chain(kind: 'and' | 'or', operand: () => Rule): Rule {
    let left = operand();
    while (this.#isOperator(kind)) {
      this.#take();
      left = { kind, left, right: operand() };
    }
    return left;
  }

  #unary(depth: number): Rule {
    if (depth >= MAX_RULE_DEPTH) throw invalidRule(`more than ${MAX_RULE_DEPTH} levels of parentheses or -not.`);
    if (this.#isOperator('not')) {
      this.#take();
      return { kind: 'not', operand: this.#unary(depth + 1) };
    }
    if (this.#peek().type === '(') {
      this.#take();
      const inner = this.#or(depth + 1);
      this.#expect(')');
      return inner;
    }
    return this.#comparison();
  }

  #comparison(): Rule {
    const subject = this.#take();
    if (subject.type !== 'property') throw invalidRule(`expected a property such as user.department at position ${subject.at}, found '${describe(subject)}'.`);
    const property = userProperty(subject.text, subject.at);
    const op = this.#take();
    if (op.type !== 'operator') throw invalidRule(`expected an operator such as -eq at position ${op.at}.`);
    if (!OPERATORS.includes(op.text)) {
      const why = UNSUPPORTED_OPERATORS.includes(op.text) ? 'is not supported by the mock' : 'is not an operator';
      throw invalidRule(`-${op.text} at position ${op.at} ${why}; use ${OPERATORS.map((o) => `-${o}`).join(', ')}.`);
    }
    const operator = op.text as Operator;
    const values = operator === 'in' || operator === 'notin' ? this.#list() : [this.#value()];
    this.#terms += values.length;
    if (this.#terms > MAX_RULE_TERMS) throw invalidRule(`more than ${MAX_RULE_TERMS} comparisons.`);
    if (operator !== 'eq' && operator !== 'ne' && values.some((v) => typeof v !== 'string')) {
      throw invalidRule(`-${operator} at position ${op.at} compares with strings only.`);
    }
    return { kind: 'compare', property, operator, values };
  }

  #list(): Value[] {
    this.#expect('[');
    const values = [this.#value()];
    while (this.#peek().type === ',') {
      this.#take();
      values.push(this.#value());
      if (values.length > MAX_RULE_TERMS) throw invalidRule(`more than ${MAX_RULE_TERMS} comparisons.`);
    }
    this.#expect(']');
    return values;
  }

  #value(): Value {
    const token = this.#take();
    if (token.type !== 'value') throw invalidRule(`expected a value ("text", true, false or null) at position ${token.at}.`);
    return token.value;
  }

  #expect(type: '(' | ')' | '[' | ']'): void {
    const token = this.#take();
    if (token.type !== type) throw invalidRule(`expected '${type}' at position ${token.at}, found '${describe(token)}'.`);
  }
}

function describe(token: Token): string {
  if (token.type === 'operator') return `-${token.text}`;
  if (token.type === 'property') return token.text;
  if (token.type === 'value') return JSON.stringify(token.value);
  return token.type === 'end' ? 'end of rule' : token.type;
}

function userProperty(text: string, at: number): string {
  const [object, name, ...rest] = text.split('.');
  if (object.toLowerCase() !== 'user' || !name || rest.length) {
    throw invalidRule(`'${text}' at position ${at}: only user.<property> is supported (not device, extension or multi-valued properties).`);
  }
  const property = PROPERTIES.get(name.toLowerCase());
  if (!property) throw invalidRule(`'${text}' at position ${at}: the mock supports user.${[...PROPERTIES.values()].join(', user.')}.`);
  return property;
}

/** Parses a rule; 400 InvalidMembershipRule with the position of the first problem. */
export function parseMembershipRule(text: unknown): Rule {
  if (typeof text !== 'string' || !text.trim()) throw invalidRule('a non-empty string is required.');
  if (text.length > MAX_RULE_LENGTH) throw invalidRule(`longer than ${MAX_RULE_LENGTH} characters.`);
  return new Parser(tokenize(text)).parse();
}

const fold = (value: Value): Value => (typeof value === 'string' ? value.toLowerCase() : value);

function compare(actual: Value, operator: Operator, values: Value[]): boolean {
  const [first] = values;
  switch (operator) {
    case 'eq':
      return fold(actual) === fold(first);
    case 'ne':
      return fold(actual) !== fold(first);
    case 'in':
      return values.some((v) => fold(actual) === fold(v));
    case 'notin':
      return !values.some((v) => fold(actual) === fold(v));
    default: {
      const text = typeof actual === 'string' ? actual.toLowerCase() : '';
      const needle = String(first).toLowerCase();
      const found = operator.endsWith('startswith') ? text.startsWith(needle) : text.includes(needle);
      return operator.startsWith('not') ? !found : found;
    }
  }
}

/** Whether the user satisfies the rule; a property the user lacks reads as null. */
export function matchesRule(rule: Rule, user: User): boolean {
  switch (rule.kind) {
    case 'and':
      return matchesRule(rule.left, user) && matchesRule(rule.right, user);
    case 'or':
      return matchesRule(rule.left, user) || matchesRule(rule.right, user);
    case 'not':
      return !matchesRule(rule.operand, user);
    default: {
      const raw = hasOwnKey(user, rule.property) ? (user as Record<string, unknown>)[rule.property] : null;
      const actual = typeof raw === 'string' || typeof raw === 'boolean' ? raw : null;
      return compare(actual, rule.operator, rule.values);
    }
  }
}
