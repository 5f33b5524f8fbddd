// Contoso's catalogs, the resources in them, the custom extensions and the access packages.
import { resourceRolesFor } from '../core/catalog-admin.ts';
import type { State } from '../core/state.ts';
import { APPS, CATALOGS, EXTENSIONS, GROUPS, PACKAGES, resourceIds } from './ids.ts';

interface ResourceSpec {
  n: number;
  catalogId: string;
  originSystem: 'AadGroup' | 'AadApplication' | 'SharePointOnline';
  originId: string;
  displayName: string;
}

const RESOURCES: ResourceSpec[] = [
  { n: 1, catalogId: CATALOGS.salesMarketing, originSystem: 'AadGroup', originId: GROUPS.salesPipelineEditors, displayName: 'Sales Pipeline Editors' },
  { n: 2, catalogId: CATALOGS.salesMarketing, originSystem: 'AadGroup', originId: GROUPS.marketingContributors, displayName: 'Marketing Campaign Contributors' },
  { n: 3, catalogId: CATALOGS.salesMarketing, originSystem: 'AadApplication', originId: APPS.crm, displayName: 'Contoso CRM' },
  { n: 4, catalogId: CATALOGS.salesMarketing, originSystem: 'SharePointOnline', originId: 'https://contoso.sharepoint.com/sites/MarketingHub', displayName: 'Marketing Hub' },
  { n: 5, catalogId: CATALOGS.salesMarketing, originSystem: 'AadGroup', originId: GROUPS.partnerPortalUsers, displayName: 'Partner Portal Users' },
  { n: 6, catalogId: CATALOGS.finance, originSystem: 'AadGroup', originId: GROUPS.vendorPaymentCreators, displayName: 'Vendor Payment Creators' },
  { n: 7, catalogId: CATALOGS.finance, originSystem: 'AadGroup', originId: GROUPS.vendorPaymentApprovers, displayName: 'Vendor Payment Approvers' },
  { n: 8, catalogId: CATALOGS.finance, originSystem: 'AadGroup', originId: GROUPS.financeReportingReaders, displayName: 'Finance Reporting Readers' },
  { n: 9, catalogId: CATALOGS.finance, originSystem: 'SharePointOnline', originId: 'https://contoso.sharepoint.com/sites/FinancePlanning', displayName: 'Finance Planning' },
  { n: 10, catalogId: CATALOGS.itEngineering, originSystem: 'AadGroup', originId: GROUPS.productionSupport, displayName: 'Production Support' },
  { n: 11, catalogId: CATALOGS.itEngineering, originSystem: 'AadGroup', originId: GROUPS.developers, displayName: 'Developers' },
  { n: 12, catalogId: CATALOGS.itEngineering, originSystem: 'AadApplication', originId: APPS.github, displayName: 'GitHub Enterprise' },
  { n: 13, catalogId: CATALOGS.itEngineering, originSystem: 'AadGroup', originId: GROUPS.buildAgentAdmins, displayName: 'Build Agent Admins' },
  { n: 14, catalogId: CATALOGS.itEngineering, originSystem: 'SharePointOnline', originId: 'https://contoso.sharepoint.com/sites/EngineeringWiki', displayName: 'Engineering Wiki' },
  { n: 15, catalogId: CATALOGS.itEngineering, originSystem: 'AadGroup', originId: GROUPS.projectPhoenix, displayName: 'Project Phoenix' },
];

interface PackageSpec {
  id: string;
  catalogId: string;
  displayName: string;
  description: string;
  isHidden?: boolean;
  /** [resource n, role number] pairs. */
  roles: [number, number][];
}

const PACKAGE_SPECS: PackageSpec[] = [
  { id: PACKAGES.salesPipeline, catalogId: CATALOGS.salesMarketing, displayName: 'Sales Pipeline', description: 'Edit opportunities in the sales pipeline and use Contoso CRM.', roles: [[1, 2], [3, 1]] },
  { id: PACKAGES.marketingCampaigns, catalogId: CATALOGS.salesMarketing, displayName: 'Marketing Campaigns', description: 'Contribute to campaigns on the Marketing Hub site.', roles: [[2, 2], [4, 2]] },
  { id: PACKAGES.customerDataExport, catalogId: CATALOGS.salesMarketing, displayName: 'Customer Data Export', description: 'Short-lived export rights in Contoso CRM. Shared by direct link only.', isHidden: true, roles: [[3, 1]] },
  { id: PACKAGES.partnerPortal, catalogId: CATALOGS.salesMarketing, displayName: 'Partner Portal', description: 'Access for partner organisations to shared deal rooms.', roles: [[5, 2]] },
  { id: PACKAGES.vendorPaymentsCreate, catalogId: CATALOGS.finance, displayName: 'Vendor Payments – Create', description: 'Create vendor payment runs.', roles: [[6, 2]] },
  { id: PACKAGES.vendorPaymentsApprove, catalogId: CATALOGS.finance, displayName: 'Vendor Payments – Approve', description: 'Approve vendor payment runs. Incompatible with creating them.', roles: [[7, 2]] },
  { id: PACKAGES.financialReporting, catalogId: CATALOGS.finance, displayName: 'Financial Reporting', description: 'Read the monthly financial reports.', roles: [[8, 2]] },
  { id: PACKAGES.budgetPlanning, catalogId: CATALOGS.finance, displayName: 'Budget Planning', description: 'Edit the budget workbooks during planning season.', roles: [[9, 2]] },
  { id: PACKAGES.onCall, catalogId: CATALOGS.itEngineering, displayName: 'Production Support On-Call', description: 'Elevated production access for the on-call week.', roles: [[10, 2]] },
  { id: PACKAGES.developerTools, catalogId: CATALOGS.itEngineering, displayName: 'Developer Tools', description: 'Developer group membership and a GitHub Enterprise seat.', roles: [[11, 2], [12, 1]] },
  { id: PACKAGES.buildAgentsAdmin, catalogId: CATALOGS.itEngineering, displayName: 'Build Agents Admin', description: 'Administer build agents. Assigned by administrators only.', roles: [[13, 2]] },
  { id: PACKAGES.engineeringWiki, catalogId: CATALOGS.itEngineering, displayName: 'Engineering Wiki', description: 'Read the engineering wiki. Open to everyone, guests included.', roles: [[14, 1]] },
  { id: PACKAGES.projectPhoenix, catalogId: CATALOGS.itEngineering, displayName: 'Project Phoenix Archive', description: 'Read the archive of a retired project (its group has since been deleted).', roles: [[15, 2]] },
  { id: PACKAGES.temporaryAccessPass, catalogId: CATALOGS.itEngineering, displayName: 'Temporary Access Pass', description: 'A manager requests a Temporary Access Pass for a report; an automation issues it.', roles: [] },
];

function addExtensions(state: State, at: string): void {
  const common = {
    authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdTokenAuthentication', resourceId: APPS.accessAutomationAppId },
    createdBy: 'admin@contoso.com',
    createdDateTime: at,
    lastModifiedBy: 'admin@contoso.com',
    lastModifiedDateTime: at,
  };
  const endpoint = (path: string) => ({ '@odata.type': '#microsoft.graph.httpRequestEndpoint', targetUrl: `https://automation.contoso.example/api/${path}` });
  const request = '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension';
  const specs = [
    { id: EXTENSIONS.issueTemporaryAccessPass, type: request, displayName: 'Issue Temporary Access Pass', description: 'Creates a Temporary Access Pass for the target and texts it to them.', path: 'issue-tap' },
    { id: EXTENSIONS.sodCheck, type: request, displayName: 'Separation-of-duties check', description: 'Checks the request against the HR system and resumes it (launch and wait).', path: 'sod-check', timeout: 'PT4H' },
    { id: EXTENSIONS.provisionLicence, type: request, displayName: 'Provision developer licence', description: 'Assigns or frees a GitHub Enterprise seat.', path: 'licences' },
    { id: EXTENSIONS.expiryReminder, type: '#microsoft.graph.accessPackageAssignmentWorkflowExtension', displayName: 'Expiry reminder in Teams', description: 'Posts a Teams message before access expires.', path: 'expiry-reminder' },
  ];
  for (const s of specs) {
    state.extensions[s.id] = {
      catalogId: CATALOGS.itEngineering,
      data: {
        '@odata.type': s.type,
        id: s.id,
        displayName: s.displayName,
        description: s.description,
        endpointConfiguration: endpoint(s.path),
        ...common,
        ...(s.timeout && { callbackConfiguration: { timeoutDuration: s.timeout } }),
      },
    };
  }
}

export function addContosoCatalogs(state: State, at: string): void {
  const catalogs = [
    { id: CATALOGS.salesMarketing, displayName: 'Sales and Marketing', description: 'Access for the sales and marketing teams and their partners.' },
    { id: CATALOGS.finance, displayName: 'Finance', description: 'Finance systems, reports and planning.' },
    { id: CATALOGS.itEngineering, displayName: 'IT and Engineering', description: 'Engineering tools, production access and IT self-service.' },
  ];
  for (const c of catalogs) {
    state.catalogs[c.id] = { ...c, catalogType: 'userManaged', state: 'published', isExternallyVisible: true, createdDateTime: at, modifiedDateTime: at };
  }

  for (const r of RESOURCES) {
    const ids = resourceIds(r.n);
    state.resources[ids.id] = {
      catalogId: r.catalogId,
      data: { id: ids.id, displayName: r.displayName, description: null, originId: r.originId, originSystem: r.originSystem, attributes: [], createdDateTime: at, modifiedDateTime: at },
    };
    resourceRolesFor(r.originSystem, r.originId).forEach((role, i) => {
      const id = ids.role(i + 1);
      state.resourceRoles[id] = { resourceId: ids.id, data: { id, ...role, description: null, originSystem: r.originSystem } };
    });
    state.resourceScopes[ids.scope] = {
      resourceId: ids.id,
      data: { id: ids.scope, displayName: 'Root', description: 'Root Scope', originId: r.originId, originSystem: r.originSystem, isRootScope: true },
    };
  }

  addExtensions(state, at);

  for (const p of PACKAGE_SPECS) {
    state.packages[p.id] = {
      catalogId: p.catalogId,
      data: { id: p.id, displayName: p.displayName, description: p.description, isHidden: p.isHidden ?? false, createdDateTime: at, modifiedDateTime: at },
      incompatiblePackageIds: [],
      incompatibleGroupIds: [],
      roleScopes: p.roles.map(([n, r]) => {
        const ids = resourceIds(n);
        return { id: `${ids.role(r)}_${ids.scope}`, roleId: ids.role(r), scopeId: ids.scope, createdDateTime: at };
      }),
    };
  }
  // Separation of duties: whoever creates vendor payments may not approve them (named on one side only; the
  // check runs both ways). Contractors may not hold production access.
  state.packages[PACKAGES.vendorPaymentsApprove].incompatiblePackageIds.push(PACKAGES.vendorPaymentsCreate);
  state.packages[PACKAGES.onCall].incompatibleGroupIds.push(GROUPS.contractors);
}
