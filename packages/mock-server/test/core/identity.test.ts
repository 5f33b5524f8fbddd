// What the token layer asks the core: who a token's claims name, and the expansions it parsed.
import { describe, expect, it } from 'vitest';
import { expandTree } from '../../src/core/expand.ts';
import { APPS, expectRefused, newEngine, USERS } from './support/engine.ts';

describe('callers from token claims', () => {
  const engine = newEngine();

  it('oid names a user or an app identity; preferred_username a user (any case)', () => {
    expect(engine.callerFromClaims({ oid: USERS.adele })).toBe(USERS.adele);
    expect(engine.callerFromClaims({ oid: APPS.accessAutomation })).toBe(APPS.accessAutomation);
    expect(engine.callerFromClaims({ preferred_username: 'Adele.Vance@contoso.com' })).toBe(USERS.adele);
    expect(engine.callerFromClaims({ oid: USERS.lee, preferred_username: 'adele.vance@contoso.com' })).toBe(USERS.lee);
    expect(engine.findPrincipal(APPS.accessAutomationAppId)).toMatchObject({ id: APPS.accessAutomation, kind: 'servicePrincipal' });
  });

  it('unknown or deleted principals are 401', () => {
    expectRefused(engine, () => engine.callerFromClaims({ oid: 'someone' }), 401, 'InvalidAuthenticationToken');
    expectRefused(engine, () => engine.callerFromClaims({ preferred_username: 'nobody@contoso.com' }), 401, 'InvalidAuthenticationToken');
    expectRefused(engine, () => engine.callerFromClaims({}), 401, 'InvalidAuthenticationToken');
    engine.deleteUser(USERS.admin, USERS.pradeep);
    expectRefused(engine, () => engine.callerFromClaims({ oid: USERS.pradeep }), 401, 'InvalidAuthenticationToken');
    expectRefused(engine, () => engine.listMyRequests(USERS.pradeep, 'target'), 401, 'InvalidAuthenticationToken');
  });

  it('turns the parsed $expand list into the engine’s tree', () => {
    expect(expandTree([{ property: 'assignment', expand: [{ property: 'target' }] }, { property: 'requestor' }])).toEqual({
      assignment: { target: true },
      requestor: true,
    });
    expect(expandTree([])).toBeUndefined();
  });
});
