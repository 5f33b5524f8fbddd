// Contoso's people: an executive, a sales team under Lee Gu (with Miriam Graham as second-level manager), an
// engineering team, finance approvers, a compliance officer, HR as fallback approver, a Fabrikam guest, the
// administrator and the automation app.
import type { State } from '../core/state.ts';
import { addAutomationApp, addGroup, addPerson, type Person } from './directory.ts';
import { APPS, GROUPS, ORGANIZATIONS, USERS as U } from './ids.ts';

export function addContosoDirectory(state: State): void {
  const people: Person[] = [
    { id: U.admin, displayName: 'Contoso Admin', userPrincipalName: 'admin@contoso.com', jobTitle: 'Identity Governance Administrator', department: 'IT', roles: ['Identity Governance Administrator', 'Authentication Administrator'] },
    { id: U.megan, displayName: 'Megan Bowen', jobTitle: 'Chief Executive Officer', department: 'Executive' },
    { id: U.miriam, displayName: 'Miriam Graham', jobTitle: 'Director of Sales and Marketing', department: 'Sales', managerId: U.megan },
    { id: U.lee, displayName: 'Lee Gu', jobTitle: 'Sales Manager', department: 'Sales', managerId: U.miriam },
    { id: U.adele, displayName: 'Adele Vance', jobTitle: 'Account Executive', department: 'Sales', managerId: U.lee },
    { id: U.alex, displayName: 'Alex Wilber', jobTitle: 'Marketing Assistant', department: 'Sales', managerId: U.lee },
    { id: U.lynne, displayName: 'Lynne Robbins', jobTitle: 'Sales Planner', department: 'Sales', managerId: U.lee },
    { id: U.pradeep, displayName: 'Pradeep Gupta', jobTitle: 'Sales Representative', department: 'Sales', managerId: U.lee },
    { id: U.nestor, displayName: 'Nestor Wilke', jobTitle: 'Director of Engineering', department: 'Engineering', managerId: U.megan },
    { id: U.isaiah, displayName: 'Isaiah Langer', jobTitle: 'Security Engineer', department: 'Engineering', managerId: U.nestor },
    { id: U.grady, displayName: 'Grady Archie', jobTitle: 'Data Steward', department: 'Engineering', managerId: U.nestor },
    { id: U.johanna, displayName: 'Johanna Lorenz', jobTitle: 'Senior Engineer', department: 'Engineering', managerId: U.nestor },
    { id: U.henrietta, displayName: 'Henrietta Mueller', jobTitle: 'Software Developer', department: 'Engineering', managerId: U.johanna },
    { id: U.joni, displayName: 'Joni Sherman', jobTitle: 'Compliance Officer', department: 'Legal', managerId: U.megan },
    { id: U.diego, displayName: 'Diego Siciliani', jobTitle: 'HR Manager', department: 'Human Resources', managerId: U.megan },
    { id: U.patti, displayName: 'Patti Fernandez', jobTitle: 'Finance Director', department: 'Finance', managerId: U.megan },
    { id: U.lidia, displayName: 'Lidia Holloway', jobTitle: 'Controller', department: 'Finance', managerId: U.patti },
    { id: U.christie, displayName: 'Christie Cline', jobTitle: 'Financial Analyst', department: 'Finance', managerId: U.patti },
    {
      id: U.rob,
      displayName: 'Rob Young (Fabrikam)',
      userPrincipalName: 'rob.young_fabrikam.com#EXT#@contoso.com',
      mail: 'rob.young@fabrikam.com',
      jobTitle: 'Partner Account Manager',
      userType: 'Guest',
    },
  ];
  // Every employee has an office and a desk phone in Redmond building 18; the guest has neither.
  people.forEach((p, i) => {
    const n = String(i + 1).padStart(2, '0');
    addPerson(state, p.userType === 'Guest' ? p : { officeLocation: `18/21${n}`, businessPhone: `+1 425 555 01${n}`, ...p });
  });

  state.sponsors[U.rob] = [U.lee];
  state.connectedOrganizations[ORGANIZATIONS.fabrikam] = {
    id: ORGANIZATIONS.fabrikam,
    displayName: 'Fabrikam',
    description: 'Fabrikam, Inc.: partner organization',
    identitySources: [{ '@odata.type': '#microsoft.graph.domainIdentitySource', domainName: 'fabrikam.com', displayName: 'fabrikam.com' }],
    state: 'configured',
    internalSponsorIds: [U.miriam],
    externalSponsorIds: [],
  };
  state.guestOrganizations[U.rob] = ORGANIZATIONS.fabrikam;

  addGroup(state, GROUPS.salesTeam, 'Sales Team', [U.lee, U.adele, U.alex, U.lynne, U.pradeep], 'Everyone in Lee Gu’s sales team');
  addGroup(state, GROUPS.engineering, 'Engineering', [U.nestor, U.isaiah, U.grady, U.johanna, U.henrietta]);
  addGroup(state, GROUPS.financeApprovers, 'Finance Approvers', [U.patti, U.lidia, U.christie], 'Approve finance access requests');
  addGroup(state, GROUPS.securityReviewers, 'Security Reviewers', [U.isaiah, U.grady]);
  addGroup(state, GROUPS.contractors, 'Contractors', [U.rob], 'External contractors; barred from production access');
  addGroup(state, GROUPS.salesPipelineEditors, 'Sales Pipeline Editors', []);
  addGroup(state, GROUPS.marketingContributors, 'Marketing Campaign Contributors', []);
  addGroup(state, GROUPS.partnerPortalUsers, 'Partner Portal Users', []);
  addGroup(state, GROUPS.vendorPaymentCreators, 'Vendor Payment Creators', []);
  addGroup(state, GROUPS.vendorPaymentApprovers, 'Vendor Payment Approvers', []);
  addGroup(state, GROUPS.financeReportingReaders, 'Finance Reporting Readers', []);
  addGroup(state, GROUPS.productionSupport, 'Production Support', []);
  addGroup(state, GROUPS.developers, 'Developers', []);
  addGroup(state, GROUPS.buildAgentAdmins, 'Build Agent Admins', []);

  addAutomationApp(state, APPS.accessAutomation, APPS.accessAutomationAppId);
}
