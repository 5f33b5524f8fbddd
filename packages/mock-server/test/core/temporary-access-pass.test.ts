// POST /users/{id}/authentication/temporaryAccessPassMethods: for Authentication Administrators and the
// automation app identity; a pass for an administrator needs a Privileged Authentication Administrator.
import { describe, expect, it } from 'vitest';
import { APPS, expectRefused, newEngine, USERS } from './support/engine.ts';

describe('Temporary Access Pass', () => {
  it('the automation app creates a pass for a user; the secret is returned once', () => {
    const engine = newEngine();
    const pass = engine.createTemporaryAccessPass(APPS.accessAutomation, USERS.lynne, { lifetimeInMinutes: 60, isUsableOnce: false });
    expect(pass).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
      startDateTime: '2026-11-02T09:00:00Z',
    });
    expect(pass.temporaryAccessPass).toMatch(/^\S{8,}$/);
    const [stored] = engine.listTemporaryAccessPasses(USERS.lynne, USERS.lynne);
    expect(stored.id).toBe(pass.id);
    expect(stored.temporaryAccessPass).toBeNull();
    expect(JSON.stringify(engine.toJSON())).not.toContain(pass.temporaryAccessPass as string);
  });

  it('defaults to an hour, reusable, from now; a new pass replaces the old one; the pass expires', () => {
    const engine = newEngine();
    const first = engine.createTemporaryAccessPass(USERS.admin, 'lynne.robbins@contoso.com');
    expect(first).toMatchObject({ lifetimeInMinutes: 60, isUsableOnce: false });
    const second = engine.createTemporaryAccessPass(USERS.admin, USERS.lynne, { startDateTime: '2026-11-03T08:00:00Z', isUsableOnce: true, lifetimeInMinutes: 10 });
    expect(engine.listTemporaryAccessPasses(USERS.admin, USERS.lynne).map((p) => [p.id, p.methodUsabilityReason])).toEqual([[second.id, 'NotYetValid']]);
    engine.setNow('2026-11-03T08:10:00Z');
    expect(engine.listTemporaryAccessPasses(USERS.lynne, USERS.lynne)[0]).toMatchObject({ isUsable: false, methodUsabilityReason: 'Expired' });
  });

  it('a manager without the role cannot create one: that is what the access package and its extension are for', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createTemporaryAccessPass(USERS.lee, USERS.lynne), 403, 'Authorization_RequestDenied');
    expectRefused(engine, () => engine.listTemporaryAccessPasses(USERS.lee, USERS.lynne), 403, 'Authorization_RequestDenied');
  });

  it('a pass for an administrator needs a Privileged Authentication Administrator', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createTemporaryAccessPass(APPS.accessAutomation, USERS.admin), 403, 'Authorization_RequestDenied');
  });

  it('lifetime between 10 and 43200 minutes; valid start; known user', () => {
    const engine = newEngine();
    expectRefused(engine, () => engine.createTemporaryAccessPass(USERS.admin, USERS.lynne, { lifetimeInMinutes: 9 }), 400, 'InvalidLifetime');
    expectRefused(engine, () => engine.createTemporaryAccessPass(USERS.admin, USERS.lynne, { lifetimeInMinutes: 43201 }), 400, 'InvalidLifetime');
    expectRefused(engine, () => engine.createTemporaryAccessPass(USERS.admin, USERS.lynne, { startDateTime: 'soon' }), 400, 'InvalidProperty');
    expectRefused(engine, () => engine.createTemporaryAccessPass(USERS.admin, 'nobody@contoso.com'), 404, 'ResourceNotFound');
    expect(engine.createTemporaryAccessPass(USERS.admin, USERS.lynne, { lifetimeInMinutes: 43200 }).lifetimeInMinutes).toBe(43200);
  });
});
