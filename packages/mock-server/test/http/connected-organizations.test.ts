// Connected organizations as administrators manage them, over a real socket: create, update (202 with the
// organization), delete, and internal / external sponsors, who then approve for the organization's guests.
import { describe, expect, it } from 'vitest';
import { EM, GROUPS, PACKAGES, USERS, useMockServer } from '../support/graph-http.ts';
import { ORGANIZATIONS } from '../../src/seed/ids.ts';

const graph = useMockServer();
const ORGS = `${EM}/connectedOrganizations`;
const userRef = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${id}` });
const groupRef = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/groups/${id}` });
const domain = { '@odata.type': '#microsoft.graph.domainIdentitySource', domainName: 'example.com', displayName: 'example.com' };

describe('connected organizations: create, update, delete', () => {
  it('creates with the documented body, updates with 202 and the organization, deletes with 204', async () => {
    const http = graph();
    const made = await http.ok('POST', ORGS, 201, {
      as: 'admin',
      body: { displayName: 'Connected organization name', description: 'Connected organization description', identitySources: [domain], state: 'proposed' },
    });
    expect(made).toMatchObject({ displayName: 'Connected organization name', description: 'Connected organization description', state: 'proposed', identitySources: [domain] });
    expect(made.createdDateTime).toBe(made.modifiedDateTime);
    expect(await http.ok('GET', `${ORGS}/${made.id}`, 200, { as: 'admin' })).toEqual(made);

    await http.ok('POST', '/_mock/clock', 200, { body: { advance: 'PT1H' } });
    const updated = await http.ok('PATCH', `${ORGS}/${made.id}`, 202, { as: 'admin', body: { displayName: 'New name', state: 'configured' } });
    expect(updated).toMatchObject({ id: made.id, displayName: 'New name', description: 'Connected organization description', state: 'configured' });
    expect(Date.parse(updated.modifiedDateTime) - Date.parse(made.createdDateTime)).toBe(3_600_000);

    expect((await http.call('DELETE', `${ORGS}/${made.id}`, { as: 'admin' })).status).toBe(204);
    await http.refused('GET', `${ORGS}/${made.id}`, 404, 'ResourceNotFound', { as: 'admin' });
  });

  it('refuses bad bodies, strangers, and deleting an organization a policy names; nothing changes', async () => {
    const http = graph();
    const before = await http.ok('GET', '/_mock/state', 200);
    await http.refused('POST', ORGS, 403, 'Authorization_RequestDenied', { as: 'lee', body: { displayName: 'x' } });
    await http.refused('POST', ORGS, 400, 'MissingProperty', { as: 'admin', body: { description: 'no name' } });
    await http.refused('POST', ORGS, 400, 'InvalidProperty', { as: 'admin', body: { displayName: 'x', state: 'configuredish' } });
    // An identity source must name its type; the body check refuses it before the rule does.
    await http.refused('POST', ORGS, 400, 'BadRequest', { as: 'admin', body: { displayName: 'x', identitySources: [{ domainName: 'x.com' }] } });
    await http.refused('POST', ORGS, 400, 'InvalidProperty', { as: 'admin', body: { displayName: 'x', identitySources: [{ '@odata.type': '#microsoft.graph.identitySource' }] } });
    await http.refused('POST', ORGS, 400, 'BadRequest', { as: 'admin', body: { displayName: 'x', createdDateTime: '2020-01-01T00:00:00Z' } });
    await http.refused('PATCH', `${ORGS}/dead0000-0000-4000-8000-00000000beef`, 404, 'ResourceNotFound', { as: 'admin', body: { displayName: 'x' } });
    expect(await http.ok('GET', '/_mock/state', 200)).toEqual(before);

    // A policy whose targets are the organization's members keeps it from being deleted.
    const org = await http.ok('POST', ORGS, 201, { as: 'admin', body: { displayName: 'Contractors Inc.', identitySources: [domain] } });
    await http.ok('POST', `${EM}/assignmentPolicies`, 201, {
      as: 'admin',
      body: {
        displayName: 'Contractors', description: 'members of Contractors Inc.', allowedTargetScope: 'specificConnectedOrganizationUsers',
        specificAllowedTargets: [{ '@odata.type': '#microsoft.graph.connectedOrganizationMembers', connectedOrganizationId: org.id }],
        expiration: { type: 'afterDuration', duration: 'P30D' },
        requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: false, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: false, enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
        accessPackage: { id: PACKAGES.engineeringWiki },
      },
    });
    const inUse = await http.ok('GET', '/_mock/state', 200);
    await http.refused('DELETE', `${ORGS}/${org.id}`, 409, 'ConnectedOrganizationInUse', { as: 'admin' });
    expect(await http.ok('GET', '/_mock/state', 200)).toEqual(inUse);
  });
});

describe('connected organization sponsors', () => {
  it('lists, adds (users and groups) and removes internal and external sponsors', async () => {
    const http = graph();
    const internal = `${ORGS}/${ORGANIZATIONS.fabrikam}/internalSponsors`;
    const external = `${ORGS}/${ORGANIZATIONS.fabrikam}/externalSponsors`;
    const listed = await http.ok('GET', internal, 200, { as: 'admin' });
    expect(listed.value).toMatchObject([{ '@odata.type': '#microsoft.graph.user', id: USERS.miriam, displayName: 'Miriam Graham' }]);
    expect((await http.ok('GET', external, 200, { as: 'admin' })).value).toEqual([]);

    expect((await http.call('POST', `${internal}/$ref`, { as: 'admin', body: groupRef(GROUPS.salesTeam) })).status).toBe(204);
    expect((await http.call('POST', `${external}/$ref`, { as: 'admin', body: userRef(USERS.rob) })).status).toBe(204);
    await http.refused('POST', `${external}/$ref`, 400, 'ReferenceAlreadyExists', { as: 'admin', body: userRef(USERS.rob) });
    await http.refused('POST', `${external}/$ref`, 404, 'ResourceNotFound', { as: 'admin', body: userRef('dead0000-0000-4000-8000-00000000beef') });
    await http.refused('POST', `${external}/$ref`, 403, 'Authorization_RequestDenied', { as: 'lee', body: userRef(USERS.lee) });
    expect((await http.ok('GET', internal, 200, { as: 'admin' })).value.map((o: any) => [o['@odata.type'], o.id])).toEqual([
      ['#microsoft.graph.user', USERS.miriam],
      ['#microsoft.graph.group', GROUPS.salesTeam],
    ]);
    expect((await http.ok('GET', external, 200, { as: 'admin' })).value.map((o: any) => o.id)).toEqual([USERS.rob]);

    expect((await http.call('DELETE', `${internal}/${USERS.miriam}/$ref`, { as: 'admin' })).status).toBe(204);
    await http.refused('DELETE', `${internal}/${USERS.miriam}/$ref`, 404, 'ResourceNotFound', { as: 'admin' });
    expect((await http.ok('GET', internal, 200, { as: 'admin' })).value.map((o: any) => o.id)).toEqual([GROUPS.salesTeam]);
  });
});
