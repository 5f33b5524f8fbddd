import { describe, expect, it } from 'vitest';
import { compilePathTemplate, parseMountPoint } from '../../src/http/path-template.ts';

describe('compilePathTemplate', () => {
  const cancel = compilePathTemplate('/identityGovernance/entitlementManagement/assignmentRequests/:id/cancel');
  const byId = compilePathTemplate('/assignments/:id');
  const filterBy = compilePathTemplate("/assignments/filterByCurrentUser(on=':on')");

  it('captures :params and matches literals case-insensitively', () => {
    expect(cancel('/identityGovernance/entitlementManagement/assignmentRequests/r-1/cancel')).toEqual({ id: 'r-1' });
    expect(cancel('/IdentityGovernance/EntitlementManagement/assignmentRequests/R-1/cancel')).toEqual({ id: 'R-1' });
    expect(cancel('/identityGovernance/entitlementManagement/assignmentRequests/r-1')).toBeUndefined();
    expect(cancel('/identityGovernance/entitlementManagement/assignmentRequests/r-1/cancel/more')).toBeUndefined();
  });

  it('takes one trailing slash, as Graph does, and no empty segment inside', () => {
    expect(byId('/assignments/a-1/')).toEqual({ id: 'a-1' });
    expect(byId('/assignments/a-1//')).toBeUndefined();
    expect(byId('/assignments//a-1')).toBeUndefined();
  });

  it('matches function segments with quotes written plainly or percent-encoded', () => {
    expect(filterBy("/assignments/filterByCurrentUser(on='target')")).toEqual({ on: 'target' });
    expect(filterBy('/assignments/filterByCurrentUser(on=%27targetManager%27)')).toEqual({ on: 'targetManager' });
    expect(filterBy('/assignments/filterByCurrentUser%28on%3D%27createdBy%27%29')).toEqual({ on: 'createdBy' });
    expect(filterBy("/assignments/filterByCurrentUser(on='it''s')")).toEqual({ on: "it's" });
    expect(filterBy('/assignments/filterByCurrentUser(on=target)')).toBeUndefined();
  });

  it('keeps a bare key from swallowing a function segment, whatever the order of routes', () => {
    expect(byId("/assignments/filterByCurrentUser(on='target')")).toBeUndefined();
    expect(byId('/assignments/a-1')).toEqual({ id: 'a-1' });
  });

  it('decodes params and never lets an encoded slash split a segment', () => {
    expect(byId('/assignments/o%27brien%40example.test')).toEqual({ id: "o'brien@example.test" });
    expect(byId('/assignments/a%2Fb')).toEqual({ id: 'a/b' });
    expect(byId('/assignments/%E0%A4%A')).toBeUndefined();
  });

  it('matches special characters of the template literally', () => {
    const ref = compilePathTemplate('/accessPackages/:id/incompatibleAccessPackages/$ref');
    expect(ref('/accessPackages/p/incompatibleAccessPackages/$ref')).toEqual({ id: 'p' });
    expect(ref('/accessPackages/p/incompatibleAccessPackages/xref')).toBeUndefined();
  });
});

describe('parseMountPoint', () => {
  it('an absolute base matches only its origin', () => {
    const mount = parseMountPoint('http://127.0.0.1:4010/v1.0/');
    expect(mount.rest(new URL('http://127.0.0.1:4010/v1.0/me'))).toBe('/me');
    expect(mount.rest(new URL('http://127.0.0.1:4011/v1.0/me'))).toBeUndefined();
    expect(mount.rest(new URL('http://127.0.0.1:4010/v1.01/me'))).toBeUndefined();
    expect(mount.rest(new URL('http://127.0.0.1:4010/_mock/clock'))).toBeUndefined();
    expect(mount.versionUrl(new URL('http://127.0.0.1:4010/v1.0/me'))).toBe('http://127.0.0.1:4010/v1.0');
    expect(mount.matchesOrigin(new URL('http://127.0.0.1:4010/_mock/clock'))).toBe(true);
  });

  it('"*" and path-only bases match any origin', () => {
    for (const base of ['*/v1.0', '/v1.0']) {
      const mount = parseMountPoint(base);
      expect(mount.rest(new URL('https://graph.example.test/v1.0/me/directReports'))).toBe('/me/directReports');
      expect(mount.versionUrl(new URL('https://graph.example.test/v1.0/me'))).toBe('https://graph.example.test/v1.0');
      expect(mount.rest(new URL('https://graph.example.test/beta/me'))).toBeUndefined();
    }
  });
});
