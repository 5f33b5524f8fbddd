// Issue 17 over a real socket: an administrator marks a group incompatible with a package (its members are then
// refused), lists and removes it; connected organizations are listed and read by administrators only.
import { describe, expect, it } from 'vitest';
import { answerString, EM, GROUPS, PACKAGES, POLICIES, QUESTIONS, useMockServer, userAdd } from '../support/graph-http.ts';
import { ORGANIZATIONS } from '../../src/seed/ids.ts';

const graph = useMockServer();
const GROUPS_OF = `${EM}/accessPackages/${PACKAGES.marketingCampaigns}/incompatibleGroups`;
const groupRef = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/groups/${id}` });

describe('incompatible groups of an access package', () => {
  it('adds, lists, enforces and removes a group, refusing duplicates, strangers and unknown ids', async () => {
    const http = graph();
    expect((await http.ok('GET', GROUPS_OF, 200, { as: 'admin' })).value).toEqual([]);

    await http.refused('POST', `${GROUPS_OF}/$ref`, 403, 'Authorization_RequestDenied', { as: 'lynne', body: groupRef(GROUPS.salesTeam) });
    await http.refused('POST', `${GROUPS_OF}/$ref`, 404, 'ResourceNotFound', { as: 'admin', body: groupRef('dead0000-0000-4000-8000-00000000beef') });
    expect(await http.call('POST', `${GROUPS_OF}/$ref`, { as: 'admin', body: groupRef(GROUPS.salesTeam) })).toMatchObject({ status: 204 });
    await http.refused('POST', `${GROUPS_OF}/$ref`, 400, 'ReferenceAlreadyExists', { as: 'admin', body: groupRef(GROUPS.salesTeam) });

    const listed = await http.ok('GET', GROUPS_OF, 200, { as: 'admin' });
    expect(listed['@odata.context']).toMatch(/\$metadata#Collection\(microsoft\.graph\.group\)$/);
    expect(listed.value).toMatchObject([{ id: GROUPS.salesTeam, displayName: 'Sales Team' }]);
    expect((await http.ok('GET', `${EM}/accessPackages/${PACKAGES.marketingCampaigns}?$expand=incompatibleGroups`, 200, { as: 'admin' })).incompatibleGroups)
      .toMatchObject([{ id: GROUPS.salesTeam }]);

    // Lynne is in the Sales Team: while the group is incompatible she cannot request the package.
    const body = userAdd(PACKAGES.marketingCampaigns, POLICIES.marketingCampaigns, {
      justification: 'Spring trade fair.',
      answers: [answerString(QUESTIONS.campaignCode, 'MKT-0815'), answerString(QUESTIONS.campaignPlan, 'Leads.')],
    });
    await http.refused('POST', `${EM}/assignmentRequests`, 403, 'IncompatibleGroupMembership', { as: 'lynne', body });

    await http.refused('DELETE', `${GROUPS_OF}/${GROUPS.salesTeam}/$ref`, 403, 'Authorization_RequestDenied', { as: 'lynne' });
    expect(await http.call('DELETE', `${GROUPS_OF}/${GROUPS.salesTeam}/$ref`, { as: 'admin' })).toMatchObject({ status: 204 });
    await http.refused('DELETE', `${GROUPS_OF}/${GROUPS.salesTeam}/$ref`, 404, 'ResourceNotFound', { as: 'admin' });
    expect((await http.ok('GET', GROUPS_OF, 200, { as: 'admin' })).value).toEqual([]);
    await http.ok('POST', `${EM}/assignmentRequests`, 201, { as: 'lynne', body });
  });
});

describe('connected organizations', () => {
  it('lists and reads them for administrators, refuses others and unknown ids', async () => {
    const http = graph();
    const list = await http.ok('GET', `${EM}/connectedOrganizations`, 200, { as: 'admin' });
    expect(list['@odata.context']).toMatch(/\$metadata#identityGovernance\/entitlementManagement\/connectedOrganizations$/);
    expect(list.value).toEqual([
      {
        id: ORGANIZATIONS.fabrikam, displayName: 'Fabrikam', description: 'Fabrikam, Inc.: partner organization', state: 'configured',
        createdDateTime: null, modifiedDateTime: null,
        identitySources: [{ '@odata.type': '#microsoft.graph.domainIdentitySource', domainName: 'fabrikam.com', displayName: 'fabrikam.com' }],
      },
    ]);
    expect(await http.ok('GET', `${EM}/connectedOrganizations/${ORGANIZATIONS.fabrikam}?$select=displayName`, 200, { as: 'admin' }))
      .toMatchObject({ displayName: 'Fabrikam' });
    await http.refused('GET', `${EM}/connectedOrganizations/dead0000-0000-4000-8000-00000000beef`, 404, 'ResourceNotFound', { as: 'admin' });
    await http.refused('GET', `${EM}/connectedOrganizations`, 403, 'Authorization_RequestDenied', { as: 'lynne' });
    await http.refused('GET', `${EM}/connectedOrganizations/${ORGANIZATIONS.fabrikam}`, 403, 'Authorization_RequestDenied', { as: 'lynne' });
  });
});
