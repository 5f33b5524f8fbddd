import { describe, expect, it } from 'vitest';
import { MockGraphError } from '../../src/core/errors.ts';
import { parseEntityQuery, parseODataQuery } from '../../src/odata/parse-query.ts';
import type { CollectionRules } from '../../src/odata/query-types.ts';

const RULES: CollectionRules = {
  filterable: ['state', 'displayName', 'accessPackage/id', 'target/objectId', 'createdDateTime', 'count', 'isHidden'],
  orderable: ['displayName', 'createdDateTime'],
  searchable: ['displayName', 'description'],
  expandable: ['accessPackage', 'resourceRoleScopes', 'resourceRoleScopes/role', 'resourceRoleScopes/scope'],
  maxTop: 50,
};

const url = (query: string) => new URL(`http://127.0.0.1:4010/v1.0/things?${query}`);
const parse = (query: string, rules = RULES) => parseODataQuery(url(query), rules);

function rejection(query: string, rules = RULES): MockGraphError {
  try {
    parse(query, rules);
  } catch (error) {
    if (error instanceof MockGraphError) return error;
    throw error;
  }
  throw new Error(`'${query}' was accepted`);
}

describe('parseODataQuery: accepted options', () => {
  it('defaults when there is no option; ignores non-$ parameters', () => {
    expect(parse('on=target')).toEqual({ count: false, offset: 0 });
  });

  it('reads $top, $skip, $count, $select and case-insensitive option names', () => {
    expect(parse('$top=5&$skip=10&$count=true&$select=id,displayName')).toEqual({
      top: 5,
      offset: 10,
      count: true,
      select: ['id', 'displayName'],
    });
    expect(parse('$TOP=3&$Count=false')).toMatchObject({ top: 3, count: false });
  });

  it('reads $orderby with several keys and directions', () => {
    expect(parse('$orderby=displayName desc, createdDateTime').orderBy).toEqual([
      { path: 'displayName', descending: true },
      { path: 'createdDateTime', descending: false },
    ]);
  });

  it('reads $expand as a tree, including nested $expand and $select', () => {
    expect(parse('$expand=resourceRoleScopes($expand=role,scope;$select=id),accessPackage').expand).toEqual([
      { property: 'resourceRoleScopes', select: ['id'], expand: [{ property: 'role' }, { property: 'scope' }] },
      { property: 'accessPackage' },
    ]);
  });

  it('reads $search: bare, quoted, and scoped to a property', () => {
    expect(parse('$search=sales').search).toEqual({ words: ['sales'], properties: ['displayName', 'description'] });
    expect(parse('$search="Sales Team"').search).toEqual({ words: ['sales', 'team'], properties: ['displayName', 'description'] });
    expect(parse('$search="description:vpn"').search).toEqual({ words: ['vpn'], properties: ['description'] });
    expect(parseODataQuery(url('$search=x'), { filterable: [] }).search?.properties).toEqual(['displayName']);
  });

  it('parses $filter with every operator, literal kind, parentheses and paths', () => {
    const filter = parse(
      "$filter=not (state eq 'delivered' or state ne null) and startswith(displayName,'O''Brien') and contains(displayName, 'x')" +
        ' and accessPackage/id eq 6f1e4c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6 and target/objectId in (\'a\', \'b\')' +
        ' and count ge -2.5 and isHidden eq false and createdDateTime lt 2024-05-01T00:00:00Z',
    ).filter;
    expect(filter).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: {
          kind: 'and',
          left: {
            kind: 'and',
            left: {
              kind: 'and',
              left: {
                kind: 'and',
                left: {
                  kind: 'and',
                  left: {
                    kind: 'not',
                    operand: {
                      kind: 'or',
                      left: { kind: 'compare', operator: 'eq', path: 'state', value: 'delivered' },
                      right: { kind: 'compare', operator: 'ne', path: 'state', value: null },
                    },
                  },
                  right: { kind: 'function', name: 'startswith', path: 'displayName', value: "O'Brien" },
                },
                right: { kind: 'function', name: 'contains', path: 'displayName', value: 'x' },
              },
              right: { kind: 'compare', operator: 'eq', path: 'accessPackage/id', value: '6f1e4c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6' },
            },
            right: { kind: 'in', path: 'target/objectId', values: ['a', 'b'] },
          },
          right: { kind: 'compare', operator: 'ge', path: 'count', value: -2.5 },
        },
        right: { kind: 'compare', operator: 'eq', path: 'isHidden', value: false },
      },
      right: { kind: 'compare', operator: 'lt', path: 'createdDateTime', value: '2024-05-01T00:00:00Z' },
    });
  });

  it('gives "and" precedence over "or"', () => {
    expect(parse("$filter=state eq 'a' or state eq 'b' and displayName eq 'c'").filter).toMatchObject({
      kind: 'or',
      right: { kind: 'and' },
    });
  });

  it('parseEntityQuery takes $select and $expand only', () => {
    const entity = new URL('http://h/v1.0/things/1?$select=id&$expand=resourceRoleScopes($expand=role)');
    expect(parseEntityQuery(entity, { expandable: ['resourceRoleScopes', 'resourceRoleScopes/role'] })).toEqual({
      select: ['id'],
      expand: [{ property: 'resourceRoleScopes', expand: [{ property: 'role' }] }],
    });
    expect(() => parseEntityQuery(new URL('http://h/v1.0/things/1?$top=1'))).toThrow(/not supported on a single entity/);
  });
});

describe('parseODataQuery: refusals are 400 with a stable code and the option as target', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['$format=json', 'UnsupportedQueryOption', '$format', /not supported/],
    ['$apply=groupby(state)', 'UnsupportedQueryOption', '$apply', /not supported/],
    ['$top=1&$top=2', 'InvalidQueryOption', '$top', /more than once/],
    ['$top=51', 'InvalidQueryOption', '$top', /out of range \(0 to 50\)/],
    ['$top=-1', 'InvalidQueryOption', '$top', /not a non-negative integer/],
    ['$top=ten', 'InvalidQueryOption', '$top', /not a non-negative integer/],
    ['$skip=1.5', 'InvalidQueryOption', '$skip', /not a non-negative integer/],
    ['$count=yes', 'InvalidQueryOption', '$count', /neither true nor false/],
    ['$select=id,', 'InvalidQueryOption', '$select', /not a property name/],
    ['$select=a-b', 'InvalidQueryOption', '$select', /not a property name/],
    ['$orderby=displayName sideways', 'InvalidQueryOption', '$orderby', /property \[asc\|desc\]/],
    ['$orderby=state', 'InvalidQueryOption', '$orderby', /'state' cannot be ordered by/],
    ['$expand=catalog', 'InvalidQueryOption', '$expand', /'catalog' cannot be expanded/],
    ['$expand=resourceRoleScopes($expand=resource)', 'InvalidQueryOption', '$expand', /'resourceRoleScopes\/resource' cannot be expanded/],
    ['$expand=resourceRoleScopes($expand=role', 'InvalidQueryOption', '$expand', /unbalanced/],
    ['$expand=resourceRoleScopes($filter=id eq 1)', 'UnsupportedQueryOption', '$expand', /nested option '\$filter'/],
    ['$expand=*', 'InvalidQueryOption', '$expand', /not a navigation property/],
    ['$search=', 'InvalidQueryOption', '$search', /empty/],
    ['$search="owner:bob"', 'InvalidQueryOption', '$search', /'owner' is not searchable/],
    ['$search="a" OR "b"', 'InvalidQueryOption', '$search', /one term/],
    ['$skiptoken=not-ours', 'InvalidSkipToken', '$skiptoken', /not one this service issued/],
    ['$filter=', 'InvalidFilter', '$filter', /empty/],
    ["$filter=owner eq 'x'", 'InvalidFilter', '$filter', /'owner' cannot be filtered on\. Filterable here: state/],
    ["$filter=state eq 'x' and", 'InvalidFilter', '$filter', /expected a property or a function at position \d+, found the end/],
    ["$filter=state eq 'x' or (state eq 'y'", 'InvalidFilter', '$filter', /expected '\)'/],
    ["$filter=state = 'x'", 'InvalidFilter', '$filter', /unexpected character '='/],
    ["$filter=state has 'x'", 'InvalidFilter', '$filter', /expected an operator/],
    ["$filter=state eq 'unterminated", 'InvalidFilter', '$filter', /unexpected character/],
    ["$filter=endswith2(state,'x')", 'InvalidFilter', '$filter', /function 'endswith2' is not supported/],
    ["$filter=state/any(s:s eq 'x')", 'InvalidFilter', '$filter', /function 'state\/any' is not supported/],
    ['$filter=startswith(displayName, 3)', 'InvalidFilter', '$filter', /needs a string literal/],
    ["$filter='x' eq state", 'InvalidFilter', '$filter', /expected a property or a function/],
    ['$filter=state in ()', 'InvalidFilter', '$filter', /expected a literal value/],
    ["$filter=state eq 'a' 'b'", 'InvalidFilter', '$filter', /expected the end of the expression/],
  ];
  it.each(cases)('%s -> %s', (query, code, target, message) => {
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.code).toBe(code);
    expect(error.target).toBe(target);
    expect(error.message).toMatch(message);
  });

  it('refuses $orderby and $expand altogether where the rules allow none', () => {
    expect(rejection('$orderby=displayName', { filterable: [] }).message).toMatch(/Nothing is orderable here/);
    expect(rejection('$expand=x', { filterable: [] }).message).toMatch(/Nothing is expandable here/);
    expect(rejection("$filter=x eq 'y'", { filterable: [] }).message).toMatch(/Nothing is filterable here/);
  });
});

describe('$filter as Microsoft documents it', () => {
  const rules = { filterable: ['displayName', 'target/objectId', 'accessPackage/id'] };
  const parse = (filter: string) => parseODataQuery(new URL(`https://graph.test/x?$filter=${encodeURIComponent(filter)}`), rules).filter;

  it("takes tolower()/toupper() around a string function's property (entitlementmanagement-list-accesspackages.md)", () => {
    expect(parse("contains(tolower(displayName),'team')")).toEqual({ kind: 'function', name: 'contains', path: 'displayName', value: 'team' });
    expect(parse("startswith(toupper(displayName),'T')")).toMatchObject({ path: 'displayName' });
  });

  it('matches property names case-insensitively, answering with the collection\'s spelling (target/objectid)', () => {
    expect(parse("accessPackage/id eq 'a' and target/objectid eq 'b'")).toEqual({
      kind: 'and',
      left: { kind: 'compare', operator: 'eq', path: 'accessPackage/id', value: 'a' },
      right: { kind: 'compare', operator: 'eq', path: 'target/objectId', value: 'b' },
    });
  });

  it('still refuses tolower() elsewhere and unknown properties', () => {
    expect(() => parse("tolower(displayName) eq 'x'")).toThrow(/InvalidFilter|not supported|Invalid \$filter/);
    expect(() => parse("contains(tolower(mail),'x')")).toThrow(/cannot be filtered/);
  });
});

describe('a single entity', () => {
  it("accepts $count=true and ignores it (user-list-manager.md's manager chain sends it to /me), but checks its value", () => {
    expect(parseEntityQuery(new URL('https://graph.test/me?$select=id&$count=true'))).toMatchObject({ select: ['id'] });
    expect(() => parseEntityQuery(new URL('https://graph.test/me?$count=maybe'))).toThrow(MockGraphError);
  });
});
