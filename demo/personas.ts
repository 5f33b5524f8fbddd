// Everyone of the contoso seed a flow of the source documents needs, for "Signed in as". Roles and who approves what
// are in packages/mock-server/docs/seed-and-codes.md; each hint says what to try as that person.

export interface Persona {
  upn: string;
  name: string;
  /** Shown after the name in the select: "Lee Gu (manager)". */
  role: string;
  hint: string;
}

export const PERSONAS: Persona[] = [
  {
    upn: 'lee.gu@contoso.com',
    name: 'Lee Gu',
    role: 'manager',
    hint: 'Lee manages four people. Request Marketing Campaigns for one of them (“Someone else”; it asks for a campaign code like MKT-1234). As their manager Lee may approve it himself, or untick that and leave it to Diego Siciliani. The Temporary Access Pass package is the flow of seed 004: the automation issues the pass and the outbox shows the message the report gets.',
  },
  {
    upn: 'adele.vance@contoso.com',
    name: 'Adele Vance',
    role: 'employee',
    hint: 'Adele is an account executive on Lee Gu’s team. Request Budget Planning for a specific period (two approval stages: Lee, then Patti Fernandez), follow it in Request history, cancel it or resubmit it.',
  },
  {
    upn: 'alex.wilber@contoso.com',
    name: 'Alex Wilber',
    role: 'employee',
    hint: 'Alex is a marketing assistant on Lee Gu’s team; his Financial Reporting request waits at stage 2 with the Finance Approvers.',
  },
  {
    upn: 'lynne.robbins@contoso.com',
    name: 'Lynne Robbins',
    role: 'employee',
    hint: 'Lynne plans sales on Lee Gu’s team and holds Vendor Payments – Create (so Vendor Payments – Approve is incompatible for her).',
  },
  {
    upn: 'pradeep.gupta@contoso.com',
    name: 'Pradeep Gupta',
    role: 'employee',
    hint: 'Pradeep is a sales representative on Lee Gu’s team; Lee requested Sales Pipeline on his behalf.',
  },
  {
    upn: 'diego.siciliani@contoso.com',
    name: 'Diego Siciliani',
    role: 'fallback approver',
    hint: 'Diego is the fallback approver of “Employees, manager approval”: requests a manager makes for their own report, which the manager leaves to others, land in his Approvals, marked “on behalf”.',
  },
  {
    upn: 'miriam.graham@contoso.com',
    name: 'Miriam Graham',
    role: 'second-level manager',
    hint: 'Miriam manages Lee Gu. Manager-stage requests of Lee’s team escalate to her (Financial Reporting); she can also request for Lee.',
  },
  {
    upn: 'patti.fernandez@contoso.com',
    name: 'Patti Fernandez',
    role: 'finance director, approver',
    hint: 'Patti approves Budget Planning at stage 2 and, with the Finance Approvers, Financial Reporting at stage 2.',
  },
  {
    upn: 'lidia.holloway@contoso.com',
    name: 'Lidia Holloway',
    role: 'controller, finance approver',
    hint: 'Lidia is one of the Finance Approvers (Financial Reporting stage 2, Vendor Payments).',
  },
  {
    upn: 'christie.cline@contoso.com',
    name: 'Christie Cline',
    role: 'financial analyst, finance approver',
    hint: 'Christie is one of the Finance Approvers; her Budget Planning is scheduled for a specific period.',
  },
  {
    upn: 'joni.sherman@contoso.com',
    name: 'Joni Sherman',
    role: 'compliance officer, approver',
    hint: 'Joni approves Financial Reporting at stage 3 and must give a reason.',
  },
  {
    upn: 'megan.bowen@contoso.com',
    name: 'Megan Bowen',
    role: 'CEO, escalation approver',
    hint: 'Megan is the escalation approver of Financial Reporting stage 2.',
  },
  {
    upn: 'nestor.wilke@contoso.com',
    name: 'Nestor Wilke',
    role: 'director of engineering, escalation approver',
    hint: 'Nestor is a fallback and escalation approver: Johanna’s Production Support On-Call has escalated to him.',
  },
  {
    upn: 'grady.archie@contoso.com',
    name: 'Grady Archie',
    role: 'data steward, approver',
    hint: 'Grady alone approves Customer Data Export (a hidden package: open it from its link) and must give a reason.',
  },
  {
    upn: 'isaiah.langer@contoso.com',
    name: 'Isaiah Langer',
    role: 'security engineer, security reviewer',
    hint: 'Isaiah reviews Production Support On-Call requests with the Security Reviewers.',
  },
  {
    upn: 'johanna.lorenz@contoso.com',
    name: 'Johanna Lorenz',
    role: 'senior engineer, manager',
    hint: 'Johanna manages Henrietta Mueller; her own Production Support On-Call request has escalated.',
  },
  {
    upn: 'henrietta.mueller@contoso.com',
    name: 'Henrietta Mueller',
    role: 'developer',
    hint: 'Henrietta holds Developer Tools (its request waited for an automated check).',
  },
  {
    upn: 'rob.young_fabrikam.com#EXT#@contoso.com',
    name: 'Rob Young (Fabrikam)',
    role: 'guest',
    hint: 'Rob is a guest from Fabrikam; his Partner Portal request has two stages: his sponsor Lee Gu, then Fabrikam’s internal sponsor Miriam Graham.',
  },
  {
    upn: 'admin@contoso.com',
    name: 'Contoso Admin',
    role: 'admin',
    hint: 'The tenant’s Identity Governance Administrator: the Administration area creates and edits access packages (seed 003); the rest of My Access shows the admin what it shows anyone.',
  },
];

/** Lee Gu, the manager: the page opens signed in as him. */
export const FIRST_PERSONA = PERSONAS[0];
