// Flow (g) over a real socket: OData query options on the seed's real collections, and 400 (never a silent
// ignore) for what the mock does not support.
import { describe, expect, it } from 'vitest';
import { EM, PACKAGES, USERS, useMockServer } from '../support/graph-http.ts';

const graph = useMockServer();
const PACKAGES_URL = `${EM}/accessPackages`;
const names = (items: { displayName: string }[]) => items.map((i) => i.displayName);
const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());

describe('OData over HTTP', () => {
  it('pages with $top and @odata.nextLink across 3+ pages; $count counts all of them', async () => {
    const http = graph();
    const everyone = (await http.ok('GET', '/users', 200, { as: 'admin' })).value as { id: string }[];
    expect(everyone.length).toBeGreaterThanOrEqual(16);

    const pages: any[] = [];
    for (let next: string | undefined = '/users?$top=5&$count=true&$orderby=displayName'; next; ) {
      const page = await http.ok('GET', next, 200, { as: 'admin' });
      pages.push(page);
      next = page['@odata.nextLink'];
      if (next) expect(next.startsWith(http.server.graphUrl)).toBe(true);
    }
    expect(pages.length).toBe(Math.ceil(everyone.length / 5));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((p) => p.value.length === 5)).toBe(true);
    expect(pages[0]['@odata.count']).toBe(everyone.length);
    const paged = pages.flatMap((p) => p.value);
    expect(paged.map((u) => u.id).sort()).toEqual(everyone.map((u) => u.id).sort());
    // The order holds across page boundaries.
    expect(names(paged)).toEqual([...names(paged)].sort(byName));
  });

  it('$select, $expand with nested $expand, $orderby and $count on access packages', async () => {
    const http = graph();
    const selected = await http.ok('GET', `${PACKAGES_URL}?$select=id,displayName&$orderby=displayName desc&$count=true`, 200, { as: 'admin' });
    expect(selected['@odata.count']).toBe(Object.keys(PACKAGES).length);
    expect(selected.value.every((p: object) => Object.keys(p).filter((k) => !k.startsWith('@')).sort().join() === 'displayName,id')).toBe(true);
    expect(names(selected.value)).toEqual([...names(selected.value)].sort(byName).reverse());

    const pipeline = await http.ok('GET', `${PACKAGES_URL}/${PACKAGES.salesPipeline}?$expand=resourceRoleScopes($expand=role,scope)`, 200, { as: 'adele' });
    expect(pipeline.resourceRoleScopes.length).toBeGreaterThan(0);
    for (const rs of pipeline.resourceRoleScopes) {
      expect(rs.role).toMatchObject({ id: expect.any(String), displayName: expect.any(String) });
      expect(rs.scope).toMatchObject({ id: expect.any(String) });
    }
    const plain = await http.ok('GET', `${PACKAGES_URL}/${PACKAGES.salesPipeline}`, 200, { as: 'adele' });
    expect(plain.resourceRoleScopes).toBeUndefined();
  });

  it('$search on displayName (word starts, case-insensitive) and on resource names', async () => {
    const http = graph();
    const found = await http.ok('GET', `${PACKAGES_URL}?$search="vendor"`, 200, { as: 'admin' });
    expect(names(found.value).sort()).toEqual(['Vendor Payments – Approve', 'Vendor Payments – Create']);
    const none = await http.ok('GET', `${PACKAGES_URL}?$search="endor"`, 200, { as: 'admin' });
    expect(none.value).toEqual([]);
    const scoped = await http.ok('GET', `/users?$search="displayName:lee"`, 200, { as: 'admin' });
    expect(scoped.value.map((u: { id: string }) => u.id)).toEqual([USERS.lee]);
  });

  it('@odata.type only where an item is not of the declared type, with or without $select', async () => {
    const http = graph();
    const type = (item: Record<string, unknown>) => item['@odata.type'];
    // Declared user: no annotation.
    expect(type(await http.ok('GET', '/me', 200, { as: 'lee' }))).toBeUndefined();
    expect(type(await http.ok('GET', `/users/${USERS.adele}?$select=id,displayName`, 200, { as: 'lee' }))).toBeUndefined();
    const listed = await http.ok('GET', '/users?$select=id,displayName&$top=3', 200, { as: 'admin' });
    expect(listed.value.map(type)).toEqual([undefined, undefined, undefined]);
    // Declared directoryObject: each names its type.
    const reports = await http.ok('GET', '/me/directReports?$select=id,displayName', 200, { as: 'lee' });
    expect(new Set(reports.value.map(type))).toEqual(new Set(['#microsoft.graph.user']));
    expect(type(await http.ok('GET', '/me/manager', 200, { as: 'lee' }))).toBe('#microsoft.graph.user');
  });

  it('$filter with eq, ne, startswith, contains, and, or, in', async () => {
    const http = graph();
    const users = async (filter: string) =>
      ((await http.ok('GET', `/users?$filter=${encodeURIComponent(filter)}`, 200, { as: 'admin' })).value as { id: string }[]).map((u) => u.id).sort();
    expect(await users(`userPrincipalName eq 'lee.gu@contoso.com'`)).toEqual([USERS.lee]);
    expect(await users(`startswith(displayName,'Ad')`)).toEqual([USERS.adele]);
    expect(await users(`contains(displayName,'bbin')`)).toEqual([USERS.lynne]);
    expect(await users(`displayName eq 'Lee Gu' or displayName eq 'Adele Vance'`)).toEqual([USERS.adele, USERS.lee].sort());
    expect(await users(`startswith(displayName,'A') and displayName ne 'Adele Vance'`)).toEqual([USERS.alex]);
    expect(await users(`id in ('${USERS.lynne}', '${USERS.rob}', '10000000-0000-4000-8000-999999999999')`)).toEqual([USERS.lynne, USERS.rob].sort());
    const all = await users(`id ne '${USERS.admin}'`);
    expect(all).not.toContain(USERS.admin);
    expect(all).toContain(USERS.lee);

    // A navigation path, as the widgets filter requests by package.
    const hidden = await http.ok('GET', `${PACKAGES_URL}?$filter=isHidden eq true`, 200, { as: 'admin' });
    expect(hidden.value.map((p: { id: string }) => p.id)).toEqual([PACKAGES.customerDataExport]);
  });

  it.each([
    ['an unknown option', '/users?$foo=1', 'UnsupportedQueryOption'],
    ['an option Graph has but the mock does not', '/users?$apply=groupby((displayName))', 'UnsupportedQueryOption'],
    ['a negative $top', '/users?$top=-1', 'InvalidQueryOption'],
    ['$count that is not a boolean', '/users?$count=yes', 'InvalidQueryOption'],
    ['a malformed $filter', "/users?$filter=displayName eq 'unterminated", 'InvalidFilter'],
    ['a $filter on a property that is not filterable', `/users?$filter=${encodeURIComponent("city eq 'Paris'")}`, 'InvalidFilter'],
    ['an $orderby on a property that is not orderable', '/users?$orderby=jobTitle', 'InvalidQueryOption'],
    ['a forged $skiptoken', '/users?$skiptoken=not-a-token', 'InvalidSkipToken'],
    ['an $expand the type does not have', `${PACKAGES_URL}?$expand=owners`, 'BadRequest'],
  ])('refuses %s with 400', async (_what, path, code) => {
    const http = graph();
    const error = await http.refused('GET', path, 400, code, { as: 'admin' });
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe('assignmentRequests/$count', () => {
  it('answers the number of requests the caller sees, after $filter, as text/plain', async () => {
    const http = graph();
    const all = await http.all(`${EM}/assignmentRequests`, 'admin');
    const pending = all.filter((r) => r.state === 'pendingApproval').length;
    const count = await http.call('GET', `${EM}/assignmentRequests/$count`, { as: 'admin' });
    expect({ status: count.status, type: count.headers.get('content-type'), body: count.body }).toEqual({ status: 200, type: 'text/plain', body: String(all.length) });
    expect((await http.call('GET', `${EM}/assignmentRequests/$count?$filter=state eq 'pendingApproval'`, { as: 'admin' })).body).toBe(String(pending));
    await http.refused('GET', `${EM}/assignmentRequests/$count?$top=1`, 400, 'UnsupportedQueryOption', { as: 'admin' });
  });
});
