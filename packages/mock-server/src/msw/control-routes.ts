// The mock's own control surface under /_mock (spec: mock-control.yaml). No token, no faults: it is how tests,
// demos and tools set the scene, so it must keep working while Graph calls are being made to fail.
import type { Engine } from '../core/engine.ts';
import { badRequest, MockGraphError } from '../core/errors.ts';
import type { SeedName } from '../seed/index.ts';
import type { FaultInjector } from '../http/faults.ts';
import { jsonObject } from '../http/json-body.ts';
import { empty, json } from '../http/reply.ts';
import { controlRoute, type RouteDef } from '../http/route-table.ts';
import { mintToken, TOKEN_LIFETIME_SECONDS } from '../identity/token.ts';
import type { components } from '../generated/control.ts';

type Schemas = components['schemas'];

function onlyKeys(body: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw badRequest('BadRequest', `Unknown property '${key}'. Known: ${allowed.join(', ')}.`, key);
  }
}

export function controlRoutes(engine: Engine, faults: FaultInjector): RouteDef[] {
  const r = { control: controlRoute };
  const clock = (): Schemas['Clock'] => ({ now: engine.now() });
  return [
    r.control('POST', '/_mock/reset', ({ body }) => {
      const request = jsonObject(body, 'A reset body', true);
      onlyKeys(request, ['seed']);
      const seed = request.seed ?? 'contoso';
      if (typeof seed !== 'string') throw badRequest('UnknownSeed', 'seed must be a string: contoso or empty.', 'seed');
      engine.reset(seed as SeedName);
      // A known state includes a healthy service.
      faults.clear();
      return empty();
    }),
    r.control('GET', '/_mock/clock', () => json(clock())),
    r.control('POST', '/_mock/clock', ({ body }) => {
      const change = jsonObject(body, 'A clock change', true) as Schemas['ClockChange'];
      onlyKeys(change, ['advance', 'now']);
      const given = [change.advance, change.now].filter((v) => v !== undefined);
      if (given.length !== 1) throw badRequest('BadRequest', 'Give exactly one of advance (e.g. "PT25H") and now (an ISO date-time).');
      if (change.advance !== undefined) engine.advance(String(change.advance));
      else engine.setNow(String(change.now));
      return json(clock());
    }),
    r.control('PUT', '/_mock/faults', ({ body }) => json(faults.configure(body ?? {}))),
    r.control('DELETE', '/_mock/faults', () => (faults.clear(), empty())),
    r.control('GET', '/_mock/outbox', () => json({ value: engine.outbox() } satisfies Schemas['Outbox'])),
    r.control('POST', '/_mock/token', ({ body }) => {
      const request = jsonObject(body, 'A token request', true);
      onlyKeys(request, ['userPrincipalName']);
      const upn = request.userPrincipalName;
      if (typeof upn !== 'string' || !upn) throw badRequest('BadRequest', 'userPrincipalName is required.', 'userPrincipalName');
      const user = engine.findPrincipal(upn);
      if (!user || user.kind !== 'user') throw new MockGraphError(404, 'UnknownUser', `No user '${upn}' in the mock directory.`, 'userPrincipalName');
      // Entra signs no one in to a disabled account.
      if (!user.accountEnabled) throw new MockGraphError(401, 'AccountDisabled', `The account of '${upn}' is disabled.`, 'userPrincipalName');
      const token: Schemas['TokenResponse'] = {
        access_token: mintToken({ id: user.id, userPrincipalName: user.userPrincipalName ?? undefined, displayName: user.displayName ?? undefined }),
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_SECONDS,
      };
      return json(token);
    }),
    r.control('GET', '/_mock/end-user-settings', () => json(engine.endUserSettings() satisfies Schemas['EndUserSettings'])),
    r.control('PUT', '/_mock/end-user-settings', ({ body }) => {
      const settings = jsonObject(body, 'End-user settings', true);
      onlyKeys(settings, ['relatedPeopleInsightLevel']);
      engine.setEndUserSettings(String(settings.relatedPeopleInsightLevel));
      return json(engine.endUserSettings() satisfies Schemas['EndUserSettings']);
    }),
    // Written straight from the live state: no copy of it is made for the answer.
    r.control('GET', '/_mock/state', () => ({ status: 200, text: engine.stateJSON() })),
  ];
}
