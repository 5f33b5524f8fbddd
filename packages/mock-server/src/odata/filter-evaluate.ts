// Evaluates a parsed `$filter` against one item.
import type { FilterExpression } from './query-types.ts';
import { compareValues, valuesEqual, type PathResolver } from './values.ts';

export function matchesFilter<T>(item: T, expression: FilterExpression, resolve: PathResolver<T>): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesFilter(item, expression.left, resolve) && matchesFilter(item, expression.right, resolve);
    case 'or':
      return matchesFilter(item, expression.left, resolve) || matchesFilter(item, expression.right, resolve);
    case 'not':
      return !matchesFilter(item, expression.operand, resolve);
    case 'in': {
      const value = resolve(item, expression.path);
      return expression.values.some((literal) => valuesEqual(value, literal));
    }
    case 'function': {
      const value = resolve(item, expression.path);
      if (typeof value !== 'string') return false;
      const [text, part] = [value.toLowerCase(), expression.value.toLowerCase()];
      if (expression.name === 'startswith') return text.startsWith(part);
      if (expression.name === 'endswith') return text.endsWith(part);
      return text.includes(part);
    }
    case 'compare': {
      const value = resolve(item, expression.path);
      if (expression.operator === 'eq') return valuesEqual(value, expression.value);
      if (expression.operator === 'ne') return !valuesEqual(value, expression.value);
      const order = compareValues(value, expression.value);
      if (order === undefined) return false;
      switch (expression.operator) {
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
        case 'lt':
          return order < 0;
        default:
          return order <= 0;
      }
    }
  }
}
