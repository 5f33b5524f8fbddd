// The fixed ids of the seeds: GUID-shaped like Graph's, and readable at a glance (the first block says what it
// is: 1 user, 2 group, 3 catalog, 4 package, 5 policy, 6 resource, 7 extension, 8 app, 9 organization).
const guid = (kind: string, n: number) => `${kind}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const user = (n: number) => guid('10000000', n);
const group = (n: number) => guid('20000000', n);

export const USERS = {
  admin: user(1),
  megan: user(2),
  miriam: user(3),
  lee: user(4),
  adele: user(5),
  alex: user(6),
  lynne: user(7),
  pradeep: user(8),
  nestor: user(9),
  isaiah: user(10),
  grady: user(11),
  johanna: user(12),
  henrietta: user(13),
  joni: user(14),
  diego: user(15),
  patti: user(16),
  lidia: user(17),
  christie: user(18),
  rob: user(19),
} as const;

export const GROUPS = {
  salesTeam: group(1),
  engineering: group(2),
  financeApprovers: group(3),
  securityReviewers: group(4),
  contractors: group(5),
  salesPipelineEditors: group(11),
  marketingContributors: group(12),
  partnerPortalUsers: group(13),
  vendorPaymentCreators: group(14),
  vendorPaymentApprovers: group(15),
  financeReportingReaders: group(16),
  productionSupport: group(17),
  developers: group(18),
  buildAgentAdmins: group(19),
  /** Deleted from the directory, but still a resource of a package: its deliveries fail. */
  projectPhoenix: group(20),
} as const;

export const CATALOGS = {
  salesMarketing: guid('30000000', 1),
  finance: guid('30000000', 2),
  itEngineering: guid('30000000', 3),
} as const;

const pkg = (n: number) => guid('40000000', n);
export const PACKAGES = {
  salesPipeline: pkg(1),
  marketingCampaigns: pkg(2),
  customerDataExport: pkg(3),
  partnerPortal: pkg(4),
  vendorPaymentsCreate: pkg(5),
  vendorPaymentsApprove: pkg(6),
  financialReporting: pkg(7),
  budgetPlanning: pkg(8),
  onCall: pkg(9),
  developerTools: pkg(10),
  buildAgentsAdmin: pkg(11),
  engineeringWiki: pkg(12),
  projectPhoenix: pkg(13),
  temporaryAccessPass: pkg(14),
} as const;

const policy = (n: number) => guid('50000000', n);
export const POLICIES = {
  salesPipeline: policy(1),
  marketingCampaigns: policy(2),
  marketingQuick: policy(15),
  customerDataExport: policy(3),
  partnerPortal: policy(4),
  vendorPaymentsCreate: policy(5),
  vendorPaymentsApprove: policy(6),
  financialReporting: policy(7),
  budgetPlanning: policy(8),
  onCall: policy(9),
  developerTools: policy(10),
  buildAgentsAdmin: policy(11),
  engineeringWiki: policy(12),
  projectPhoenix: policy(13),
  temporaryAccessPass: policy(14),
} as const;

/** Question ids, stable so that tests and demos can answer them. */
export const QUESTIONS = {
  region: guid('51000000', 1),
  campaignCode: guid('51000000', 2),
  campaignPlan: guid('51000000', 3),
  reports: guid('51000000', 4),
} as const;

const ext = (n: number) => guid('70000000', n);
export const EXTENSIONS = {
  issueTemporaryAccessPass: ext(1),
  sodCheck: ext(2),
  provisionLicence: ext(3),
  expiryReminder: ext(4),
} as const;

export const APPS = {
  /** The managed identity of the Logic App that issues Temporary Access Passes and resumes requests. */
  accessAutomation: guid('80000000', 1),
  accessAutomationAppId: guid('81000000', 1),
  crm: guid('80000000', 2),
  github: guid('80000000', 3),
} as const;

export const ORGANIZATIONS = { fabrikam: guid('90000000', 1) } as const;

/** Resource n of the seed: its id, its roles' ids (one per role, in order) and its root scope's id. */
export const resourceIds = (n: number) => ({
  id: guid('60000000', n),
  role: (r: number) => guid(`6${r}000000`, n),
  scope: guid('6f000000', n),
});
