// Lists: lazy, page by page along @odata.nextLink, resumable from a continuation token.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';
import type { AccessPackage } from '../src/index.ts';
import { at } from './support/graph-handlers.ts';
import { BASE, EM_PATH, useGraphServer } from './support/server.ts';

const { server, wire } = useGraphServer();
const sdk = createClient({ baseUrl: BASE, getAccessToken: () => 't' });
const REQUESTABLE = `${EM_PATH}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
const packages: AccessPackage[] = Array.from({ length: 7 }, (_, i) => ({ id: `p${i + 1}`, displayName: `Package ${i + 1}` }));

/** Pages of 2 (the last one short), linked by $skiptoken; counts calls per page. */
function servePages() {
  const calls: string[] = [];
  server.use(
    http.get(at(BASE, REQUESTABLE), ({ request }) => {
      const url = new URL(request.url);
      calls.push(url.searchParams.get('$skiptoken') ?? 'first');
      const start = Number(url.searchParams.get('$skiptoken') ?? 0);
      const value = packages.slice(start, start + 2);
      const next = start + 2 < packages.length ? `${BASE}${REQUESTABLE}?$top=2&$skiptoken=${start + 2}` : undefined;
      return HttpResponse.json({ '@odata.count': packages.length, value, ...(next ? { '@odata.nextLink': next } : {}) });
    }),
  );
  return calls;
}

describe('PagedList', () => {
  it('fetches nothing until iterated', async () => {
    const calls = servePages();
    const list = sdk.listRequestablePackages({ top: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    await list.toArray();
    expect(calls).toHaveLength(4);
  });

  it('iterates items across every page', async () => {
    const calls = servePages();
    const names: string[] = [];
    for await (const item of sdk.listRequestablePackages({ top: 2 })) names.push(item.displayName!);
    expect(names).toEqual(packages.map((p) => p.displayName));
    expect(calls).toEqual(['first', '2', '4', '6']);
  });

  it('yields pages with nextLink and count', async () => {
    servePages();
    const pages = [];
    for await (const page of sdk.listRequestablePackages({ top: 2, count: true }).byPage()) pages.push(page);
    expect(pages.map((p) => p.value.map((x) => x.id))).toEqual([['p1', 'p2'], ['p3', 'p4'], ['p5', 'p6'], ['p7']]);
    expect(pages[0].nextLink).toBe(`${BASE}${REQUESTABLE}?$top=2&$skiptoken=2`);
    expect(pages[3].nextLink).toBeUndefined();
    expect(pages.every((p) => p.count === 7)).toBe(true);
  });

  it('resumes from a continuation token', async () => {
    const calls = servePages();
    const first = await sdk.listRequestablePackages({ top: 2 }).byPage().next();
    const token = first.done ? undefined : first.value.nextLink;
    expect(token).toBeDefined();
    calls.length = 0;
    const rest = [];
    for await (const page of sdk.listRequestablePackages({ top: 2 }).byPage({ continuationToken: token })) rest.push(...page.value);
    expect(rest.map((p) => p.id)).toEqual(['p3', 'p4', 'p5', 'p6', 'p7']);
    expect(calls).toEqual(['2', '4', '6']);
  });

  it('stops fetching when the consumer stops', async () => {
    const calls = servePages();
    for await (const item of sdk.listRequestablePackages({ top: 2 })) if (item.id === 'p3') break;
    expect(calls).toEqual(['first', '2']);
  });

  it('sends query options and keeps the call headers on every page', async () => {
    const prefer: (string | null)[] = [];
    server.use(
      http.get(at(BASE, `${EM_PATH}/assignments/filterByCurrentUser(on='targetManager')`), ({ request }) => {
        prefer.push(request.headers.get('prefer'));
        const page = new URL(request.url).searchParams.get('$skiptoken');
        return HttpResponse.json(
          page ? { value: [{ id: 'a2' }] } : { value: [{ id: 'a1' }], '@odata.nextLink': `${request.url.split('?')[0]}?$skiptoken=1` },
        );
      }),
    );
    const items = await sdk.listTeamAssignments({ top: 1, filter: "state eq 'delivered'", orderBy: 'schedule/expiration/endDateTime desc' }).toArray();
    expect(items.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(wire).toHaveLength(2);
    expect(prefer).toEqual(['include-unknown-enum-members', 'include-unknown-enum-members']);
    expect(wire[0].path).toBe(
      `${EM_PATH}/assignments/filterByCurrentUser(on='targetManager')?$top=1&$filter=state eq 'delivered'&$orderby=schedule/expiration/endDateTime desc&$expand=accessPackage,assignmentPolicy,target`,
    );
  });

  it('surfaces a failing page as an error of the iteration', async () => {
    server.use(
      http.get(at(BASE, REQUESTABLE), ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? HttpResponse.json({ error: { code: 'badRequest', message: 'Bad token.' } }, { status: 400 })
          : HttpResponse.json({ value: [{ id: 'p1' }], '@odata.nextLink': `${BASE}${REQUESTABLE}?$skiptoken=x` }),
      ),
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const item of sdk.listRequestablePackages()) seen.push(item.id!);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'GraphError', status: 400, code: 'badRequest' });
    expect(seen).toEqual(['p1']);
  });
});
