// Automatic assignment policies over a real socket: a policy whose allowed targets are an attributeRuleMembers rule
// and whose automaticRequestSettings ask for access keeps exactly the matching users assigned, as users, the rule
// or the policy change. Bad rules are refused with 400 and change nothing.
import { describe, expect, it } from 'vitest';
import { MAX_RULE_LENGTH } from '../../src/core/membership-rule.ts';
import { CATALOGS, EM, USERS, useMockServer, type GraphHttp } from '../support/graph-http.ts';

const graph = useMockServer();
const SYSTEM = '00000000-0000-0000-0000-000000000000';

const rulePolicy = (accessPackageId: string, membershipRule: string, remove = true) => ({
  displayName: 'Sales account executives',
  description: 'Everyone in Sales whose title starts with Account',
  allowedTargetScope: 'specificDirectoryUsers',
  specificAllowedTargets: [{ '@odata.type': '#microsoft.graph.attributeRuleMembers', description: 'Sales accounts', membershipRule }],
  automaticRequestSettings: { requestAccessForAllowedTargets: true, removeAccessWhenTargetLeavesAllowedTargets: remove },
  accessPackage: { id: accessPackageId },
});

async function newPackage(http: GraphHttp): Promise<string> {
  const pkg = await http.ok('POST', `${EM}/accessPackages`, 201, { as: 'admin', body: { displayName: 'Key accounts', catalog: { id: CATALOGS.salesMarketing } } });
  return pkg.id;
}

/** Who holds the package now (delivered assignments), by user id, sorted. */
async function holders(http: GraphHttp, packageId: string): Promise<string[]> {
  const all = await http.all(`${EM}/assignments?$filter=accessPackage/id eq '${packageId}'&$expand=target`, 'admin');
  return all.filter((a) => a.state === 'delivered').map((a) => a.target.objectId).sort();
}

describe('automatic assignment by a membership rule', () => {
  it('assigns the matching users, follows directory changes and a changed rule, removes those who leave', async () => {
    const http = graph();
    const packageId = await newPackage(http);
    const policy = await http.ok('POST', `${EM}/assignmentPolicies`, 201, {
      as: 'admin',
      body: rulePolicy(packageId, '(user.department -eq "Sales") -and (user.jobTitle -startsWith "account")'),
    });
    expect(policy.specificAllowedTargets).toEqual([
      { '@odata.type': '#microsoft.graph.attributeRuleMembers', description: 'Sales accounts', membershipRule: '(user.department -eq "Sales") -and (user.jobTitle -startsWith "account")' },
    ]);
    expect(policy.automaticRequestSettings).toMatchObject({ requestAccessForAllowedTargets: true, removeAccessWhenTargetLeavesAllowedTargets: true });
    expect(await holders(http, packageId)).toEqual([USERS.adele]);

    // The system's request: adminAdd, no user as requestor, delivered.
    const requests = await http.all(`${EM}/assignmentRequests?$filter=accessPackage/id eq '${packageId}'&$expand=requestor`, 'admin');
    expect(requests.map((r) => [r.requestType, r.state, r.requestor.objectId])).toEqual([['adminAdd', 'delivered', SYSTEM]]);

    // A user who starts matching gets it; one who stops loses it.
    await http.call('PATCH', `/users/${USERS.lynne}`, { as: 'admin', body: { jobTitle: 'Account Manager' } });
    await http.call('PATCH', `/users/${USERS.adele}`, { as: 'admin', body: { department: 'Marketing' } });
    expect(await holders(http, packageId)).toEqual([USERS.lynne]);
    const adeles = await http.all(`${EM}/assignmentRequests?$filter=accessPackage/id eq '${packageId}'&$expand=requestor`, 'admin');
    expect(adeles.filter((r) => r.requestType === 'adminRemove').map((r) => r.state)).toEqual(['delivered']);

    // The rule changes: the policy is evaluated again.
    await http.ok('PUT', `${EM}/assignmentPolicies/${policy.id}`, 200, { as: 'admin', body: rulePolicy(packageId, '(user.department -in ["Marketing", "Finance"]) -and -not (user.jobTitle -eq "Controller")') });
    expect(await holders(http, packageId)).toEqual([USERS.adele, USERS.christie, USERS.patti].sort());
  });

  it('without removeAccessWhenTargetLeavesAllowedTargets a user who stops matching keeps the access', async () => {
    const http = graph();
    const packageId = await newPackage(http);
    await http.ok('POST', `${EM}/assignmentPolicies`, 201, { as: 'admin', body: rulePolicy(packageId, 'user.jobTitle -eq "Account Executive"', false) });
    await http.call('PATCH', `/users/${USERS.adele}`, { as: 'admin', body: { jobTitle: 'Sales Director' } });
    expect(await holders(http, packageId)).toEqual([USERS.adele]);
  });

  it('gracePeriodBeforeAccessRemoval: the access goes when the period runs out, and stays for one who came back', async () => {
    const http = graph();
    const packageId = await newPackage(http);
    const body = rulePolicy(packageId, 'user.department -eq "Sales" -and user.jobTitle -startsWith "Account"');
    await http.ok('POST', `${EM}/assignmentPolicies`, 201, {
      as: 'admin',
      body: { ...body, automaticRequestSettings: { ...body.automaticRequestSettings, gracePeriodBeforeAccessRemoval: 'P2D' } },
    });
    await http.call('PATCH', `/users/${USERS.lynne}`, { as: 'admin', body: { jobTitle: 'Account Manager' } });
    expect(await holders(http, packageId)).toEqual([USERS.adele, USERS.lynne].sort());
    await http.call('PATCH', `/users/${USERS.adele}`, { as: 'admin', body: { department: 'Marketing' } });
    await http.call('PATCH', `/users/${USERS.lynne}`, { as: 'admin', body: { department: 'Marketing' } });
    await http.advance('P1D');
    expect(await holders(http, packageId)).toEqual([USERS.adele, USERS.lynne].sort());
    await http.call('PATCH', `/users/${USERS.lynne}`, { as: 'admin', body: { department: 'Sales' } }); // back within the period
    await http.advance('P1DT1H');
    expect(await holders(http, packageId)).toEqual([USERS.lynne]);
    await http.advance('P10D');
    expect(await holders(http, packageId)).toEqual([USERS.lynne]);
  });

  it('a new user who matches is assigned', async () => {
    const http = graph();
    const packageId = await newPackage(http);
    await http.ok('POST', `${EM}/assignmentPolicies`, 201, { as: 'admin', body: rulePolicy(packageId, 'user.department -eq "Marketing"') });
    expect(await holders(http, packageId)).toEqual([]);
    const user = await http.ok('POST', '/users', 201, {
      as: 'admin',
      body: { accountEnabled: true, displayName: 'Mia Marketing', mailNickname: 'mia', userPrincipalName: 'mia@contoso.com', department: 'marketing', passwordProfile: { password: 'x-Long-Passw0rd!' } },
    });
    expect(await holders(http, packageId)).toEqual([user.id]);
  });

  it('refuses rules outside the supported subset or beyond the limits with 400 InvalidMembershipRule, changing nothing', async () => {
    const http = graph();
    const packageId = await newPackage(http);
    const before = JSON.stringify((await http.call('GET', '/_mock/state')).body);
    const refused = [
      'user.department -match "Sa.*"',
      'user.otherMails -any (_ -contains "x")',
      'device.deviceOSType -eq "Windows"',
      'user.extension_1234_costCenter -eq "1"',
      'user.department -eq "Sales"))',
      '(user.department -eq "Sales"',
      'user.department -eq Sales',
      'user.department -startsWith true',
      'user.department -foo "x"',
      '',
      `user.department -eq "${'a'.repeat(MAX_RULE_LENGTH)}"`,
      `${'('.repeat(3000)}user.department -eq "x"${')'.repeat(3000)}`,
      `${'-not '.repeat(3000)}user.department -eq "x"`,
      Array.from({ length: 200 }, (_, i) => `user.department -eq "d${i}"`).join(' -or '),
      `user.department -in [${Array.from({ length: 200 }, (_, i) => `"d${i}"`).join(',')}]`,
    ];
    for (const rule of refused) {
      await http.refused('POST', `${EM}/assignmentPolicies`, 400, 'InvalidMembershipRule', { as: 'admin', body: rulePolicy(packageId, rule) });
    }
    expect(JSON.stringify((await http.call('GET', '/_mock/state')).body)).toBe(before);
  });
});
