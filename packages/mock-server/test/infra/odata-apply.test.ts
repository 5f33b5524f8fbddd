import { describe, expect, it } from 'vitest';
import { applyODataQuery, shapeEntity } from '../../src/odata/apply-query.ts';
import { parseEntityQuery, parseODataQuery } from '../../src/odata/parse-query.ts';
import type { CollectionRules, ExpandItem } from '../../src/odata/query-types.ts';

interface Row {
  id: string;
  displayName: string | null;
  state: string;
  rank: number;
  createdDateTime: string;
  isHidden: boolean;
  target: { objectId: string };
  '@odata.type'?: string;
}

const STATES = ['delivered', 'pendingApproval', 'denied'];
// 25 dummy rows; rank repeats so ordering ties are exercised.
const ROWS: Row[] = Array.from({ length: 25 }, (_, i) => ({
  id: `row-${String(i).padStart(2, '0')}`,
  displayName: i === 7 ? null : `Item ${i} ${i % 2 ? 'Sales' : 'Finance'} team`,
  state: STATES[i % 3],
  rank: i % 4,
  createdDateTime: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
  isHidden: i % 5 === 0,
  target: { objectId: `user-${i % 6}` },
}));

const RULES: CollectionRules = {
  filterable: ['state', 'displayName', 'rank', 'createdDateTime', 'isHidden', 'target/objectId', 'id'],
  orderable: ['displayName', 'rank', 'createdDateTime', 'id'],
  expandable: ['owner'],
};
const BASE = "http://127.0.0.1:4010/v1.0/identityGovernance/entitlementManagement/assignments/filterByCurrentUser(on='target')";

function run(query: string, options: { defaultPageSize?: number; rows?: Row[] } = {}) {
  const url = new URL(`${BASE}?${query}`);
  return applyODataQuery(options.rows ?? ROWS, parseODataQuery(url, RULES), { requestUrl: url, defaultPageSize: options.defaultPageSize });
}
const ids = (value: Array<Partial<Row>>) => value.map((row) => row.id);

describe('applyODataQuery: filter', () => {
  it.each([
    ["state eq 'DELIVERED'", (r: Row) => r.state === 'delivered'],
    ["state ne 'delivered'", (r: Row) => r.state !== 'delivered'],
    ["startswith(displayName,'item 1')", (r: Row) => !!r.displayName?.startsWith('Item 1')],
    ["contains(displayName,'sales')", (r: Row) => !!r.displayName?.includes('Sales')],
    ['displayName eq null', (r: Row) => r.displayName === null],
    ['rank gt 2 or rank lt 1', (r: Row) => r.rank > 2 || r.rank < 1],
    ['rank ge 1 and rank le 2', (r: Row) => r.rank >= 1 && r.rank <= 2],
    ['not (rank eq 0)', (r: Row) => r.rank !== 0],
    ["state in ('denied', 'pendingApproval')", (r: Row) => r.state !== 'delivered'],
    ["target/objectId eq 'user-2' and isHidden eq false", (r: Row) => r.target.objectId === 'user-2' && !r.isHidden],
    ['createdDateTime ge 2024-01-20T00:00:00Z', (r: Row) => r.createdDateTime >= '2024-01-20'],
    ["createdDateTime eq '2024-01-03T00:00:00Z'", (r: Row) => r.id === 'row-02'],
    ["(state eq 'denied' or state eq 'delivered') and rank eq 3", (r: Row) => r.state !== 'pendingApproval' && r.rank === 3],
  ])('%s', (filter, expected) => {
    const result = run(`$filter=${encodeURIComponent(filter)}&$top=100`);
    expect(ids(result.value)).toEqual(ROWS.filter(expected).map((r) => r.id));
    expect(result.value.length).toBeGreaterThan(0);
  });
});

describe('applyODataQuery: search, orderby, count, select', () => {
  it('searches displayName by word prefix, case-insensitively', () => {
    // Odd rows say Sales, except row 7 whose displayName is null.
    expect(run('$search="sal"&$top=100').value).toHaveLength(11);
    expect(run('$search=ales&$top=100').value).toHaveLength(0);
    expect(ids(run('$search="displayName:item 13 sales"').value)).toEqual(['row-13']);
  });

  it('orders by several keys, stable for ties, nulls first ascending', () => {
    const byRankDesc = run('$orderby=rank desc,id&$top=100').value as Row[];
    expect(byRankDesc.map((r) => r.rank)).toEqual([...ROWS].map((r) => r.rank).sort((a, b) => b - a));
    const rank3 = byRankDesc.filter((r) => r.rank === 3).map((r) => r.id);
    expect(rank3).toEqual([...rank3].sort());
    const tiesKeepInputOrder = run('$orderby=rank&$top=100').value.filter((r) => r.rank === 0).map((r) => r.id);
    expect(tiesKeepInputOrder).toEqual(ROWS.filter((r) => r.rank === 0).map((r) => r.id));
    expect(run('$orderby=displayName&$top=1').value[0].id).toBe('row-07');
    expect(run('$orderby=createdDateTime desc&$top=1').value[0].id).toBe('row-24');
  });

  it('counts after filter and search, before paging', () => {
    const result = run("$filter=state eq 'denied'&$count=true&$top=2");
    expect(result.count).toBe(8);
    expect(result.value).toHaveLength(2);
    expect(run('$top=2').count).toBeUndefined();
  });

  it('selects properties, keeping annotations', () => {
    const rows = ROWS.map((r) => ({ ...r, '@odata.type': '#microsoft.graph.dummy' }));
    expect(run('$select=id,state&$top=1', { rows }).value).toEqual([{ id: 'row-00', state: 'delivered', '@odata.type': '#microsoft.graph.dummy' }]);
  });
});

describe('applyODataQuery: paging', () => {
  it('walks 25 items in pages of 7 by following nextLink, each once, in order', () => {
    const seen: string[] = [];
    let link: string | undefined = `${BASE}?$orderby=createdDateTime desc&$top=7&$count=true`;
    let pages = 0;
    while (link) {
      const url: URL = new URL(link);
      const page = applyODataQuery(ROWS, parseODataQuery(url, RULES), { requestUrl: url });
      expect(page.count).toBe(25);
      seen.push(...ids(page.value).map(String));
      link = page.nextLink;
      pages++;
      if (link) {
        expect(link.startsWith(`${BASE}?`)).toBe(true);
        expect(link).toContain('$orderby=createdDateTime%20desc&$top=7&$count=true&$skiptoken=');
      }
    }
    expect(pages).toBe(4);
    expect(seen).toEqual([...ROWS].reverse().map((r) => r.id));
  });

  it('uses the default page size, starts after $skip, and drops $skip from the nextLink', () => {
    const first = run('$skip=3', { defaultPageSize: 10 });
    expect(ids(first.value)).toEqual(ROWS.slice(3, 13).map((r) => r.id));
    expect(first.nextLink).not.toMatch(/\$skip=/);
    const url = new URL(first.nextLink!);
    const second = applyODataQuery(ROWS, parseODataQuery(url, RULES), { requestUrl: url, defaultPageSize: 10 });
    expect(ids(second.value)).toEqual(ROWS.slice(13, 23).map((r) => r.id));
  });

  it('gives no nextLink on the last page, for $top=0, or past the end', () => {
    expect(run('$top=25').nextLink).toBeUndefined();
    expect(run('$top=0').nextLink).toBeUndefined();
    expect(run('$skip=30').value).toEqual([]);
    expect(run('$skip=30').nextLink).toBeUndefined();
  });

  it('keeps a filtered walk filtered across pages', () => {
    let link: string | undefined = `${BASE}?$filter=${encodeURIComponent("state eq 'delivered'")}&$top=3`;
    const seen: string[] = [];
    while (link) {
      const url: URL = new URL(link);
      const page = applyODataQuery(ROWS, parseODataQuery(url, RULES), { requestUrl: url });
      seen.push(...ids(page.value).map(String));
      link = page.nextLink;
    }
    expect(seen).toEqual(ROWS.filter((r) => r.state === 'delivered').map((r) => r.id));
  });
});

describe('expansion', () => {
  const owner = { id: 'owner-1', displayName: 'Dummy owner', mail: 'owner@example.test' };
  const expand = (row: Row, items: ExpandItem[]) => ({ ...row, ...(items.some((i) => i.property === 'owner') ? { owner } : {}) });

  it('applyODataQuery calls the expand callback and applies nested $select', () => {
    const url = new URL(`${BASE}?$top=1&$select=id&$expand=owner($select=displayName)`);
    const result = applyODataQuery(ROWS, parseODataQuery(url, RULES), { requestUrl: url, expand });
    expect(result.value).toEqual([{ id: 'row-00', owner: { displayName: 'Dummy owner' } }]);
  });

  it('shapeEntity expands and selects one entity; an expansion without a callback is a route bug', () => {
    const query = parseEntityQuery(new URL('http://h/v1.0/x/1?$expand=owner'), { expandable: ['owner'] });
    expect(shapeEntity(ROWS[0], query, { expand })).toMatchObject({ id: 'row-00', owner });
    expect(() => shapeEntity(ROWS[0], query)).toThrow(/no expand callback/);
  });
});
