// Users as Graph answers them (user-get.md, user-list-manager.md, user-list-directreports.md): the default property
// set unless $select names others, the properties a create keeps, the manager chain with $levels, and direct
// reports expanded.
import { describe, expect, it } from 'vitest';
import { USERS, useMockServer } from '../support/graph-http.ts';
import { USER_DEFAULT_PROPERTIES } from '../../src/msw/user-shape.ts';

const graph = useMockServer();
const DEFAULTS = [...USER_DEFAULT_PROPERTIES].sort();
const keys = (o: object) => Object.keys(o).filter((k) => !k.startsWith('@')).sort();

describe('a user\'s default properties', () => {
  it('GET /users/{id}, /me and lists answer the default set; other properties only with $select', async () => {
    const http = graph();
    const adele = await http.ok('GET', `/users/${USERS.adele}`, 200, { as: 'lee' });
    expect(keys(adele)).toEqual(DEFAULTS);
    expect(adele).toMatchObject({ id: USERS.adele, displayName: 'Adele Vance', givenName: 'Adele', surname: 'Vance', preferredLanguage: 'en-US' });
    expect(keys(await http.ok('GET', '/me', 200, { as: 'adele' }))).toEqual(DEFAULTS);
    for (const path of ['/users', '/me/directReports', `/users/${USERS.lee}/directReports`]) {
      const { value } = await http.ok('GET', path, 200, { as: 'lee' });
      for (const user of value) expect(keys(user), path).toEqual(DEFAULTS);
    }
    expect(keys(await http.ok('GET', '/me/manager', 200, { as: 'adele' }))).toEqual(DEFAULTS);

    const selected = await http.ok('GET', `/users/${USERS.adele}?$select=displayName,givenName,postalCode,identities,accountEnabled,department,userType`, 200, { as: 'lee' });
    expect(keys(selected)).toEqual(['accountEnabled', 'department', 'displayName', 'givenName', 'identities', 'postalCode', 'userType']);
    expect(selected.identities).toEqual([{ signInType: 'userPrincipalName', issuer: 'contoso.com', issuerAssignedId: 'adele.vance@contoso.com' }]);
    // A filter may still use a property the answer leaves out.
    const sales = await http.ok('GET', `/users?$filter=department eq 'Sales'&$select=id,department`, 200, { as: 'lee' });
    expect(sales.value.length).toBeGreaterThan(0);
    for (const user of sales.value) expect(user.department).toBe('Sales');
  });

  it('a created user keeps every property Graph documents for create, and reads them back with $select', async () => {
    const http = graph();
    const body = {
      accountEnabled: true, displayName: 'Megan Jones', mailNickname: 'megan.jones', userPrincipalName: 'megan.jones@contoso.com',
      passwordProfile: { forceChangePasswordNextSignIn: true, password: 'xWwvJ]6NMw+bWH-d' },
      givenName: 'Megan', surname: 'Jones', businessPhones: ['+1 425 555 0109'], mobilePhone: '+1 425 555 0110',
      officeLocation: '18/2111', preferredLanguage: 'en-US', postalCode: '98052', jobTitle: 'Analyst', department: 'Finance',
    };
    const created = await http.ok('POST', '/users', 201, { as: 'admin', body });
    expect(keys(created)).toEqual(DEFAULTS);
    expect(created).toMatchObject({ givenName: 'Megan', surname: 'Jones', businessPhones: ['+1 425 555 0109'], mobilePhone: '+1 425 555 0110', officeLocation: '18/2111', preferredLanguage: 'en-US' });
    const read = await http.ok('GET', `/users/${created.id}?$select=postalCode,identities,department,givenName`, 200, { as: 'admin' });
    expect(read).toMatchObject({
      postalCode: '98052', department: 'Finance', givenName: 'Megan',
      identities: [{ signInType: 'userPrincipalName', issuer: 'contoso.com', issuerAssignedId: 'megan.jones@contoso.com' }],
    });
  });
});

describe('$expand on a user', () => {
  it('manager($levels=max;$select=id,displayName) gives the whole chain as nested managers', async () => {
    const http = graph();
    const me = await http.call('GET', '/me?$expand=manager($levels=max;$select=id,displayName)&$select=id,displayName&$count=true', { as: 'adele' });
    expect(me.status).toBe(200);
    // Adele -> Lee Gu -> Miriam Graham -> Megan Bowen (no manager).
    const strip = (u: any): any => u && { id: u.id, displayName: u.displayName, ...(u.manager ? { manager: strip(u.manager) } : {}) };
    expect(strip(me.body)).toEqual({
      id: USERS.adele, displayName: 'Adele Vance',
      manager: { id: USERS.lee, displayName: 'Lee Gu', manager: { id: USERS.miriam, displayName: 'Miriam Graham', manager: { id: USERS.megan, displayName: 'Megan Bowen' } } },
    });
    expect(keys(me.body)).toEqual(['displayName', 'id', 'manager']);
    expect(keys(me.body.manager.manager)).toEqual(['displayName', 'id', 'manager']);
    expect(me.body.manager.manager.manager).not.toHaveProperty('manager');
  });

  it('$levels=n stops after n managers; without $levels only the direct manager, with its default properties', async () => {
    const http = graph();
    const two = await http.ok('GET', `/users/${USERS.adele}?$expand=manager($levels=2;$select=id)`, 200, { as: 'lee' });
    expect(two.manager.id).toBe(USERS.lee);
    expect(two.manager.manager.id).toBe(USERS.miriam);
    expect(two.manager.manager).not.toHaveProperty('manager');
    const one = await http.ok('GET', `/users/${USERS.adele}?$expand=manager`, 200, { as: 'lee' });
    expect(keys(one.manager)).toEqual(DEFAULTS);
    expect(one.manager).not.toHaveProperty('manager');
    const top = await http.ok('GET', `/users/${USERS.megan}?$expand=manager`, 200, { as: 'lee' });
    expect(top).not.toHaveProperty('manager');
  });

  it('/users/{id}?$expand=directReports lists the reports with their default properties', async () => {
    const http = graph();
    const lee = await http.ok('GET', `/users/${USERS.lee}?$expand=directReports`, 200, { as: 'adele' });
    expect(lee.directReports.map((u: any) => u.id).sort()).toEqual([USERS.adele, USERS.alex, USERS.lynne, USERS.pradeep].sort());
    for (const report of lee.directReports) {
      expect(report['@odata.type']).toBe('#microsoft.graph.user');
      expect(keys(report)).toEqual(DEFAULTS);
    }
    const selected = await http.ok('GET', `/users/${USERS.lee}?$expand=directReports($select=id,department)&$select=id`, 200, { as: 'adele' });
    expect(keys(selected)).toEqual(['directReports', 'id']);
    for (const report of selected.directReports) expect(keys(report)).toEqual(['department', 'id']);
  });

  it('refuses unknown navigation properties and bad $levels', async () => {
    const http = graph();
    await http.refused('GET', '/me?$expand=memberOf', 400, 'BadRequest', { as: 'adele' });
    await http.refused('GET', '/me?$expand=manager($levels=0)', 400, 'InvalidQueryOption', { as: 'adele' });
    await http.refused('GET', '/me?$expand=manager($levels=1001)', 400, 'InvalidQueryOption', { as: 'adele' });
    await http.refused('GET', '/me?$expand=manager($levels=max;$levels=2)', 400, 'InvalidQueryOption', { as: 'adele' });
  });
});
