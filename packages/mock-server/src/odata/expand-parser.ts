// `$expand` text -> tree, e.g. `resourceRoleScopes($expand=role,scope;$select=id),catalog`. Nested options are
// `$expand`, `$select` and `$levels` (user-list-manager.md: `manager($levels=max;$select=id,displayName)`); anything
// else inside the parentheses is refused rather than ignored. Nesting is bounded
// (checked in one pass before the recursive parse): Graph supports one level of $expand on directory objects, and
// the deepest navigation chain of the entitlement types the SDK asks for is three levels
// (`resourceRoleScopes($expand=role($expand=resource))`); MAX_EXPAND_DEPTH leaves one more.
import { invalidOption, unsupportedOption } from './query-errors.ts';
import type { Expandable, ExpandItem } from './query-types.ts';
import { parseSelect } from './select.ts';

const OPTION = '$expand';
export const MAX_EXPAND_DEPTH = 4;

const tooDeep = () => invalidOption(OPTION, `Invalid $expand: nested deeper than ${MAX_EXPAND_DEPTH} levels.`);

/** A cheap bound first: every nested level opens a parenthesis, so text nesting more of them cannot be valid. */
function checkParentheses(text: string): void {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' && ++depth > MAX_EXPAND_DEPTH) throw tooDeep();
    if (ch === ')') depth--;
  }
}

function splitTopLevel(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw invalidOption(OPTION, `Invalid $expand: unbalanced parentheses in '${text}'.`);
  parts.push(text.slice(start));
  return parts;
}

function parseItem(text: string, level: number): ExpandItem {
  const match = /^\s*([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (!match) throw invalidOption(OPTION, `Invalid $expand: '${text.trim()}' is not a navigation property.`);
  const item: ExpandItem = { property: match[1] };
  if (match[2] === undefined) return item;
  for (const option of splitTopLevel(match[2], ';')) {
    const equals = option.indexOf('=');
    const name = option.slice(0, equals).trim().toLowerCase();
    const value = option.slice(equals + 1);
    if (equals < 0 || !name) throw invalidOption(OPTION, `Invalid $expand: '${option.trim()}' in ${item.property}(...) is not name=value.`);
    if (name === '$expand' && !item.expand) item.expand = parseExpandList(value, level + 1);
    else if (name === '$select' && !item.select) item.select = parseSelect(value, OPTION);
    else if (name === '$levels' && item.levels === undefined) item.levels = parseLevels(value, item.property);
    else if (name === '$expand' || name === '$select' || name === '$levels') throw invalidOption(OPTION, `Invalid $expand: ${name} given twice in ${item.property}(...).`);
    else throw unsupportedOption(OPTION, `The nested option '${name}' in $expand is not supported (only $expand, $select and $levels).`);
  }
  return item;
}

/** Graph takes `max` or a number from 1 to 1000 (user-list-manager.md). */
const MAX_LEVELS = 1000;

function parseLevels(text: string, property: string): number | 'max' {
  const value = text.trim();
  if (value.toLowerCase() === 'max') return 'max';
  const levels = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(levels >= 1 && levels <= MAX_LEVELS)) {
    throw invalidOption(OPTION, `Invalid $expand: $levels in ${property}(...) must be max or a number from 1 to ${MAX_LEVELS}.`);
  }
  return levels;
}

/**
 * Lays out `$levels`: the node's own expansion again inside it, `levels` times, or for max a node that names itself
 * (walks over it follow the data, which ends).
 */
function layOutLevels(items: ExpandItem[]): ExpandItem[] {
  return items.map((item) => {
    const inner = item.expand && layOutLevels(item.expand);
    if (item.levels === undefined) return inner ? { ...item, expand: inner } : item;
    if (item.levels === 'max') {
      const self: ExpandItem = { ...item, expand: [] };
      self.expand!.push(self, ...(inner ?? []));
      return self;
    }
    let node: ExpandItem = { ...item, expand: inner };
    for (let level = 1; level < item.levels; level++) node = { ...item, expand: [node, ...(inner ?? [])] };
    return node;
  });
}

function parseExpandList(text: string, level: number): ExpandItem[] {
  if (level > MAX_EXPAND_DEPTH) throw tooDeep();
  if (!text.trim()) throw invalidOption(OPTION, 'Invalid $expand: empty value.');
  return splitTopLevel(text, ',').map((item) => parseItem(item, level));
}

/** Parses `$expand` and checks every node (as a `/` path) against `expandable`. */
export function parseExpand(text: string, expandable: Expandable): ExpandItem[] {
  checkParentheses(text);
  const items = parseExpandList(text, 1);
  if (expandable === 'checked-later') return layOutLevels(items);
  const check = (nodes: ExpandItem[], prefix: string): void => {
    for (const node of nodes) {
      const path = prefix + node.property;
      if (!expandable.includes(path)) {
        const allowed = expandable.length ? `Expandable here: ${expandable.join(', ')}.` : 'Nothing is expandable here.';
        throw invalidOption(OPTION, `Invalid $expand: '${path}' cannot be expanded. ${allowed}`);
      }
      check(node.expand ?? [], `${path}/`);
    }
  };
  check(items, '');
  return layOutLevels(items);
}
