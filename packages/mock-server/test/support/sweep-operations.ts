// The operations of packages/sdk/openapi.yaml as the generated hardening sweeps call them: each path and method,
// its path parameters filled with seed objects that exist (so one parameter at a time can be made wrong), who calls
// it, and a body it accepts (so one property at a time can be made wrong).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CATALOGS, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS, type Person } from './hardening-http.ts';
import { EXTENSIONS, ORGANIZATIONS } from '../../src/seed/ids.ts';

export type Schema = Record<string, any>;
export const spec = parse(readFileSync(new URL('../../../sdk/openapi.yaml', import.meta.url), 'utf8')) as Schema;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// ---- the seed objects the valid path params point at ----
export const ADELE_CAMPAIGN_REQUEST = '5eed0000-0000-4000-8000-000000000043'; // pending, stage 1 waits for Lee
export const ADELE_CAMPAIGN_STAGE = '5eed0000-0000-4000-8000-000000000045';
export const ADELE_PIPELINE_ASSIGNMENT = '5eed0000-0000-4000-8000-000000000008';
export const SALES_PIPELINE_ROLE_SCOPE = '62000000-0000-4000-8000-000000000001_6f000000-0000-4000-8000-000000000001';
export const UNKNOWN_ID = 'dead0000-0000-4000-8000-00000000beef';

export const VALID_PARAMS: Record<string, string> = {
  'accessPackage-id': PACKAGES.vendorPaymentsApprove,
  'accessPackage-id1': PACKAGES.vendorPaymentsCreate,
  'accessPackageAssignmentPolicy-id': POLICIES.marketingCampaigns,
  'accessPackageAssignmentRequest-id': ADELE_CAMPAIGN_REQUEST,
  'accessPackageAssignment-id': ADELE_PIPELINE_ASSIGNMENT,
  // The catalog that holds the seed's custom workflow extensions, so an extension id is valid under it.
  'accessPackageCatalog-id': CATALOGS.itEngineering,
  'customCalloutExtension-id': EXTENSIONS.provisionLicence,
  'accessPackageResourceRoleScope-id': SALES_PIPELINE_ROLE_SCOPE,
  'approval-id': ADELE_CAMPAIGN_REQUEST,
  'approvalStage-id': ADELE_CAMPAIGN_STAGE,
  'user-id': USERS.adele,
  'group-id': GROUPS.salesTeam,
  'connectedOrganization-id': ORGANIZATIONS.fabrikam,
  // The mock's subject ids are the users' object ids; Rob Young is the seed's governed guest.
  'accessPackageSubject-id': USERS.rob,
  objectId: USERS.rob,
  // Fabrikam's internal sponsor.
  'directoryObject-id': USERS.miriam,
  // The contoso seed issues no pass: calls by id answer 404 whatever else is wrong with them.
  'temporaryAccessPassAuthenticationMethod-id': UNKNOWN_ID,
  // assignments/additionalAccess(accessPackageId='…',incompatibleAccessPackageId='…')
  accessPackageId: PACKAGES.salesPipeline,
  incompatibleAccessPackageId: PACKAGES.marketingCampaigns,
};
/** The `on=` value each function segment accepts. */
export const VALID_ON: Array<[RegExp, string]> = [
  [/accessPackages\/filterByCurrentUser/, 'allowedRequestor'],
  [/accessPackageAssignmentApprovals\/filterByCurrentUser/, 'approver'],
  [/accessPackageSuggestions\/filterByCurrentUser/, 'relatedPeopleAssignments,assignmentHistory'],
  [/filterByCurrentUser/, 'target'],
];

// ---- operations of the spec ----
export interface Op {
  method: string;
  template: string;
  params: string[];
  bodySchema?: Schema;
  collection: boolean;
  /** `{collection}/$count`: takes only $filter and $search. */
  count: boolean;
}
export const resolve = (ref: string): Schema => ref.replace(/^#\//, '').split('/').reduce((node: Schema, key) => node[key], spec);
export const deref = (schema: Schema): Schema => (schema?.$ref ? deref(resolve(schema.$ref)) : schema);

export const operations: Op[] = Object.entries(spec.paths as Record<string, Schema>).flatMap(([template, item]) =>
  METHODS.filter((m) => item[m]).map((m) => {
    const op = item[m];
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    return {
      method: m.toUpperCase(),
      template,
      params: [...template.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]),
      bodySchema: op.requestBody ? deref(op.requestBody)?.content?.['application/json']?.schema : undefined,
      collection: parameters.some((p: Schema) => p.name === '$top'),
      count: template.endsWith('/$count'),
    };
  }),
);

export function pathOf(op: Op, override: Record<string, string> = {}): string {
  return op.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name in override) return override[name];
    if (name === 'on') return VALID_ON.find(([pattern]) => pattern.test(op.template))![1];
    const value = VALID_PARAMS[name];
    if (!value) throw new Error(`No valid value for path parameter '${name}' of ${op.template}: add it to VALID_PARAMS`);
    return value;
  });
}

// ---- schema -> properties and wrong values ----
/** Top-level properties of a body schema, through allOf bases and Graph's nullable-reference anyOf wrappers. */
export function propertiesOf(schema: Schema): Record<string, Schema> {
  const s = deref(schema);
  const own = { ...(s.properties ?? {}) };
  for (const part of s.allOf ?? []) Object.assign(own, propertiesOf(part));
  return own;
}
export function unwrap(schema: Schema): Schema {
  const s = deref(schema);
  if (s.anyOf) return unwrap(s.anyOf.find((b: Schema) => b.$ref) ?? s.anyOf[0]);
  return s;
}
// ---- who calls each operation, and with which valid body ----
/** Admin set-up calls go to the admin; the decision goes to Lee, the approver of that stage. */
export function callerOf(op: Op): Person {
  if (op.method === 'PATCH' && op.template.includes('/stages/')) return 'lee';
  if (op.method === 'POST' && op.template.endsWith('/assignmentRequests')) return 'alex';
  return 'admin';
}

/** Valid bodies that the wrong-typed variants start from (checked to be accepted at the end of the sweep). */
export const BASE_BODIES: Record<string, unknown> = {
  'POST /identityGovernance/entitlementManagement/assignmentRequests': {
    requestType: 'userAdd',
    assignment: { accessPackageId: PACKAGES.salesPipeline, assignmentPolicyId: POLICIES.salesPipeline, targetId: USERS.alex },
    answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'EMEA', answeredQuestion: { id: QUESTIONS.region } }],
    justification: 'hardening',
  },
  'PATCH /identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/{approval-id}/stages/{approvalStage-id}': {
    reviewResult: 'Approve',
    justification: 'ok',
  },
  'POST /identityGovernance/entitlementManagement/catalogs': { displayName: 'Hardening catalog', description: 'x' },
  'PATCH /identityGovernance/entitlementManagement/catalogs/{accessPackageCatalog-id}': { description: 'changed' },
  'POST /identityGovernance/entitlementManagement/accessPackages': { displayName: 'Hardening package', catalog: { id: CATALOGS.salesMarketing } },
  'PATCH /identityGovernance/entitlementManagement/accessPackages/{accessPackage-id}': { description: 'changed' },
  'PATCH /users/{user-id}': { jobTitle: 'Changed' },
  'POST /users/{user-id}/authentication/temporaryAccessPassMethods': { lifetimeInMinutes: 60 },
  'PATCH /identityGovernance/entitlementManagement/settings': { externalUserLifecycleAction: 'blockSignIn' },
  "PATCH /identityGovernance/entitlementManagement/subjects(objectId='{objectId}')": { subjectLifecycle: 'notGoverned' },
  'POST /identityGovernance/entitlementManagement/connectedOrganizations': { displayName: 'Hardening organization', state: 'proposed' },
  'PATCH /identityGovernance/entitlementManagement/connectedOrganizations/{connectedOrganization-id}': { description: 'changed' },
};
export const keyOf = (op: Op) => `${op.method} ${op.template}`;
