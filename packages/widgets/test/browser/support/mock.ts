// The real mock Graph for widget tests: the mock's engine and handlers behind MSW's service worker, in this page.
// One worker per test file (started on first use); every test starts from the contoso seed with a healthy service.
import { mintToken, type Clock, type Engine } from '@entitlement-kit/mock-server';
import { startBrowserMock, type BrowserMock } from '@entitlement-kit/mock-server/browser';
import { createClient, type EntitlementClient } from '@entitlement-kit/sdk';

/** Graph as the widgets see it: this page's origin, so the worker answers without cross-origin rules in the way. */
export const GRAPH_BASE = new URL('/v1.0', location.origin).href;

/**
 * The engine's clock follows the browser's, so "today" in a date field and the mock's now agree (a request for a
 * period from today starts now, not in the engine's past or future). `set` (the mock's clock control) shifts it.
 */
class FollowingClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  set(ms: number): void {
    this.offset = ms - Date.now();
  }
  restart(): void {
    this.offset = 0;
  }
}

const clock = new FollowingClock();
let started: Promise<BrowserMock> | undefined;

export function mock(): Promise<BrowserMock> {
  started ??= startBrowserMock({ clock, quiet: true });
  return started;
}

/** Back to the contoso seed at the browser's time, with no faults and no runtime handler overrides. */
export async function resetMock(): Promise<BrowserMock> {
  const m = await mock();
  m.worker.resetHandlers();
  m.faults.clear();
  clock.restart();
  m.engine.reset('contoso');
  return m;
}

export async function engine(): Promise<Engine> {
  return (await mock()).engine;
}

/** The people of the contoso seed that the flows need, by UPN (see packages/mock-server/docs/seed-and-codes.md). */
export const people = {
  admin: 'admin@contoso.com',
  lee: 'lee.gu@contoso.com',
  miriam: 'miriam.graham@contoso.com',
  adele: 'adele.vance@contoso.com',
  alex: 'alex.wilber@contoso.com',
  lynne: 'lynne.robbins@contoso.com',
  pradeep: 'pradeep.gupta@contoso.com',
  diego: 'diego.siciliani@contoso.com',
  patti: 'patti.fernandez@contoso.com',
  lidia: 'lidia.holloway@contoso.com',
  johanna: 'johanna.lorenz@contoso.com',
  nestor: 'nestor.wilke@contoso.com',
  megan: 'megan.bowen@contoso.com',
  joni: 'joni.sherman@contoso.com',
  grady: 'grady.archie@contoso.com',
} as const;
export type Person = keyof typeof people;

/** A person's directory id, read from the engine (the seed's ids are the engine's business). */
export async function idOf(person: Person): Promise<string> {
  const principal = (await engine()).findPrincipal(people[person]);
  if (!principal) throw new Error(`${people[person]} is not in the mock directory`);
  return principal.id;
}

/** A bearer token for the person, as the mock's identity layer reads it. */
export async function tokenFor(person: Person): Promise<string> {
  const principal = (await engine()).findPrincipal(people[person]);
  if (!principal) throw new Error(`${people[person]} is not in the mock directory`);
  return mintToken({ id: principal.id, userPrincipalName: people[person], displayName: principal.displayName ?? undefined });
}

/** A real SDK client signed in as the person, against the mock through the worker. */
export async function clientFor(person: Person): Promise<EntitlementClient> {
  const token = await tokenFor(person);
  return createClient({ baseUrl: GRAPH_BASE, getAccessToken: () => token });
}

/** A package's id by display name, as the admin sees the catalogue. */
export async function packageId(displayName: string): Promise<string> {
  const e = await engine();
  const admin = await idOf('admin');
  const pkg = e.listPackages(admin).find((p) => p.displayName === displayName);
  if (!pkg?.id) throw new Error(`No access package named ${displayName}`);
  return pkg.id;
}

/** Every request for a package (admin view), newest first. */
export async function requestsFor(packageName: string, targetPerson?: Person) {
  const e = await engine();
  const admin = await idOf('admin');
  const id = await packageId(packageName);
  const targetId = targetPerson ? await idOf(targetPerson) : undefined;
  return e
    .listRequests(admin, { expand: { assignment: true, requestor: true } })
    .filter((r) => r.assignment?.accessPackageId === id && (!targetId || r.assignment?.targetId === targetId))
    .sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''));
}
