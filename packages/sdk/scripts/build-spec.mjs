// Builds packages/sdk/openapi.yaml: the slice of Microsoft's Graph v1.0 metadata (reference/graph-entitlement-subset.yaml)
// that the kit's flows use. Paths and schemas are copied verbatim, so a rename cannot creep in by hand; the only
// edits are the documented gaps of the CSDL (ADDITIONS) and the relaxation of `@odata.type` (see below).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = new URL('../../../', import.meta.url);
export const referencePath = fileURLToPath(new URL('reference/graph-entitlement-subset.yaml', root));

// Paths the flows of DESIGN section 3 need; everything else in the reference is left out.
const EXCLUDED_PATHS = [
  // Only the documented form with both package ids (accesspackageassignment-additionalaccess.md) is served.
  /\/additionalAccess\(\)$/,
];

const CREATE_REQUEST_DOC =
  'https://learn.microsoft.com/graph/api/entitlementmanagement-post-assignmentrequests?view=graph-rest-1.0';
const LIST_RESOURCE_REQUESTS_DOC =
  'https://learn.microsoft.com/graph/api/entitlementmanagement-list-resourcerequests?view=graph-rest-1.0';
const UPDATE_REQUEST_EXTENSION_DOC =
  'https://learn.microsoft.com/graph/api/accesspackageassignmentrequestworkflowextension-update?view=graph-rest-1.0';
const PARAMETERS_DOC =
  'https://learn.microsoft.com/graph/api/resources/accesspackageassignmentrequestparameters?view=graph-rest-1.0';

const CONNECTED_ORGANIZATION_DOCS = {
  post: 'https://learn.microsoft.com/graph/api/entitlementmanagement-post-connectedorganizations?view=graph-rest-1.0',
  patch: 'https://learn.microsoft.com/graph/api/connectedorganization-update?view=graph-rest-1.0',
  delete: 'https://learn.microsoft.com/graph/api/connectedorganization-delete?view=graph-rest-1.0',
};
const CONNECTED_ORGANIZATION = { $ref: '#/components/schemas/microsoft.graph.connectedOrganization' };
const errorResponses = { '4XX': { $ref: '#/components/responses/error' }, '5XX': { $ref: '#/components/responses/error' } };
const jsonBody = (schema, description) => ({ description, content: { 'application/json': { schema } }, required: true });

// Connected organizations' create, update and delete: documented on Microsoft Learn for v1.0, while the metadata
// snapshot keeps only their GETs.
const CONNECTED_ORGANIZATION_OPERATIONS = {
  '/identityGovernance/entitlementManagement/connectedOrganizations': {
    post: {
      tags: ['identityGovernance.entitlementManagement'],
      summary: 'Create connectedOrganization',
      operationId: 'identityGovernance.entitlementManagement.CreateConnectedOrganizations',
      requestBody: jsonBody(CONNECTED_ORGANIZATION, 'New entity'),
      responses: { 201: { description: 'Created entity', content: { 'application/json': { schema: CONNECTED_ORGANIZATION } } }, ...errorResponses },
      'x-ek-graph-docs': CONNECTED_ORGANIZATION_DOCS.post,
    },
  },
  '/identityGovernance/entitlementManagement/connectedOrganizations/{connectedOrganization-id}': {
    patch: {
      tags: ['identityGovernance.entitlementManagement'],
      summary: 'Update connectedOrganization',
      description: 'Answers 202 Accepted with the updated connectedOrganization (connectedorganization-update.md).',
      operationId: 'identityGovernance.entitlementManagement.UpdateConnectedOrganizations',
      requestBody: jsonBody(CONNECTED_ORGANIZATION, 'New property values'),
      responses: { 202: { description: 'Accepted', content: { 'application/json': { schema: CONNECTED_ORGANIZATION } } }, ...errorResponses },
      'x-ek-graph-docs': CONNECTED_ORGANIZATION_DOCS.patch,
    },
    delete: {
      tags: ['identityGovernance.entitlementManagement'],
      summary: 'Delete connectedOrganization',
      operationId: 'identityGovernance.entitlementManagement.DeleteConnectedOrganizations',
      responses: { 204: { description: 'Success' }, ...errorResponses },
      'x-ek-graph-docs': CONNECTED_ORGANIZATION_DOCS.delete,
    },
  },
};
// The reference pages answer reprocess with 202 Accepted (accesspackageassignmentrequest-reprocess.md,
// accesspackageassignment-reprocess.md) where the metadata lists only 204: both are declared.
const ADDED_RESPONSES = [
  [/\/reprocess$/, 'post', '202', { description: 'Accepted', 'x-ek-graph-docs': 'https://learn.microsoft.com/graph/api/accesspackageassignmentrequest-reprocess?view=graph-rest-1.0' }],
];

// Documented by Microsoft Learn but absent from the metadata snapshot. Each carries `x-ek-graph-docs`, which the
// conformance test requires for anything not found in the reference.
const ADDITIONS = {
  // Operations Microsoft Learn documents that the metadata lacks: merged into the path item the reference has.
  operations: {
    ...CONNECTED_ORGANIZATION_OPERATIONS,
    '/identityGovernance/entitlementManagement/resourceRequests': {
      get: {
        tags: ['identityGovernance.entitlementManagement'],
        summary: 'List accessPackageResourceRequests',
        description: 'Retrieve a list of accessPackageResourceRequest objects.',
        externalDocs: { description: 'Find more info here', url: LIST_RESOURCE_REQUESTS_DOC },
        operationId: 'identityGovernance.entitlementManagement.ListResourceRequests',
        'x-ek-graph-docs': LIST_RESOURCE_REQUESTS_DOC,
        parameters: ['top', 'skip', 'filter', 'count'].map((name) => ({ $ref: `#/components/parameters/${name}` })).concat(
          ['$select', '$expand'].map((name) => ({ name, in: 'query', style: 'form', explode: false, schema: { uniqueItems: true, type: 'array', items: { type: 'string' } } })),
        ),
        responses: {
          '2XX': {
            description: 'Retrieved collection',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.accessPackageResourceRequestCollectionResponse' } } },
          },
          '4XX': { $ref: '#/components/responses/error' },
          '5XX': { $ref: '#/components/responses/error' },
        },
        'x-ms-pageable': { nextLinkName: '@odata.nextLink', operationName: 'listMore' },
      },
    },
    // The docs pages show PUT (the metadata and Graph's OpenAPI have PATCH): the same body, 200 with the object.
    '/identityGovernance/entitlementManagement/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions/{customCalloutExtension-id}': {
      put: {
        tags: ['identityGovernance.entitlementManagement'],
        summary: 'Update accessPackageAssignmentRequestWorkflowExtension (PUT, as documented)',
        externalDocs: { description: 'Find more info here', url: UPDATE_REQUEST_EXTENSION_DOC },
        operationId: 'identityGovernance.entitlementManagement.catalogs.ReplaceCustomWorkflowExtensions',
        'x-ek-graph-docs': UPDATE_REQUEST_EXTENSION_DOC,
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.customCalloutExtension' } } },
          required: true,
        },
        responses: {
          '2XX': { description: 'Success', content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.customCalloutExtension' } } } },
          '4XX': { $ref: '#/components/responses/error' },
          '5XX': { $ref: '#/components/responses/error' },
        },
      },
    },
  },
  schemas: {
    'microsoft.graph.accessPackageResourceRequestCollectionResponse': {
      title: 'Collection of accessPackageResourceRequest',
      type: 'object',
      'x-ek-graph-docs': LIST_RESOURCE_REQUESTS_DOC,
      allOf: [
        { $ref: '#/components/schemas/BaseCollectionPaginationCountResponse' },
        { type: 'object', properties: { value: { type: 'array', items: { $ref: '#/components/schemas/microsoft.graph.accessPackageResourceRequest' } } } },
      ],
    },
    'microsoft.graph.accessPackageAssignmentRequestParameters': {
      title: 'accessPackageAssignmentRequestParameters',
      type: 'object',
      description: 'Additional parameters supplied when creating an accessPackageAssignmentRequest.',
      'x-ek-graph-docs': PARAMETERS_DOC,
      properties: {
        bypassApproval: {
          type: 'boolean',
          nullable: true,
          description: 'When true, bypasses the approval requirement configured on the access package policy for this request.',
          'x-ek-graph-docs': PARAMETERS_DOC,
        },
        '@odata.type': { type: 'string' },
      },
    },
  },
  properties: {
    'microsoft.graph.accessPackageAssignment': {
      targetId: {
        type: 'string',
        nullable: true,
        description: 'The ID of the subject (user) the assignment is for. Sent in the assignment of a userAdd/adminAdd request.',
        'x-ek-graph-docs': CREATE_REQUEST_DOC,
      },
      assignmentPolicyId: {
        type: 'string',
        nullable: true,
        description: 'The ID of the policy the assignment is requested under. Sent in the assignment of a userAdd/adminAdd request.',
        'x-ek-graph-docs': CREATE_REQUEST_DOC,
      },
      accessPackageId: {
        type: 'string',
        nullable: true,
        description: 'The ID of the access package. Sent in the assignment of a userAdd/adminAdd request.',
        'x-ek-graph-docs': CREATE_REQUEST_DOC,
      },
    },
    'microsoft.graph.accessPackageAssignmentRequest': {
      parameters: {
        anyOf: [
          { $ref: '#/components/schemas/microsoft.graph.accessPackageAssignmentRequestParameters' },
          { type: 'object', nullable: true },
        ],
        description: 'Request-processing parameters such as bypassApproval.',
        'x-ek-graph-docs': PARAMETERS_DOC,
      },
    },
  },
};

/** The text of openapi.yaml as the reference and the rules above make it. */
export function buildSpecText() {
const reference = parse(readFileSync(referencePath, 'utf8'));
const spec = {
  openapi: reference.openapi,
  info: {
    title: 'Entitlement Kit: Microsoft Graph v1.0 entitlement management subset',
    description:
      'Generated by packages/sdk/scripts/build-spec.mjs from reference/graph-entitlement-subset.yaml (Microsoft Graph v1.0 ' +
      'metadata). Paths and schemas are copied unchanged except: additions marked x-ek-graph-docs (documented on Microsoft ' +
      'Learn, missing from the metadata) and `@odata.type` no longer required (Graph omits it for the declared type).',
    version: reference.info.version,
  },
  servers: reference.servers,
  paths: {},
  components: { schemas: {}, responses: {}, parameters: {}, requestBodies: {}, securitySchemes: reference.components.securitySchemes },
};
if (reference.security) spec.security = reference.security;

for (const [path, item] of Object.entries(reference.paths)) {
  if (EXCLUDED_PATHS.some((re) => re.test(path))) continue;
  spec.paths[path] = ADDITIONS.operations[path] ? { ...item, ...ADDITIONS.operations[path] } : item;
}
for (const [re, method, status, response] of ADDED_RESPONSES) {
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!re.test(path) || !item[method]) continue;
    spec.paths[path] = { ...item, [method]: { ...item[method], responses: { [status]: response, ...item[method].responses } } };
  }
}

// Copy every component reachable from the kept paths, following $ref transitively.
const pending = [spec.paths];
const seen = new Set();
const visit = (node) => {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    // discriminator mappings name subtypes by reference too: keep them so the unions stay whole
    if (key === 'mapping') {
      visit(Object.values(value).map(($ref) => ({ $ref })));
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
      if (seen.has(value)) continue;
      seen.add(value);
      const [, , section, name] = value.split('/');
      const target = reference.components[section]?.[name] ?? ADDITIONS.schemas[name];
      if (!target) throw new Error(`unresolved ${value}`);
      spec.components[section][name] = target;
      pending.push(target);
    } else visit(value);
  }
};
for (const [name, extra] of Object.entries(ADDITIONS.properties)) {
  const schema = reference.components.schemas[name];
  const own = schema.allOf ? schema.allOf.find((s) => s.properties) : schema;
  own.properties = { ...own.properties, ...extra };
}
while (pending.length) visit(pending.pop());

// Graph's responses omit @odata.type for the declared type (graph/NOTES.md); requiring it would force every request
// body written with the SDK to carry it.
for (const schema of Object.values(spec.components.schemas)) {
  for (const part of [schema, ...(schema.allOf ?? [])]) {
    if (Array.isArray(part.required)) {
      part.required = part.required.filter((r) => r !== '@odata.type');
      if (!part.required.length) delete part.required;
    }
  }
}
// The discriminators on the two root types (entity, directoryObject) map every entity type, which makes
// openapi-typescript demand an "@odata.type" literal in every body (a request, a policy, a user). Entities are
// addressed by path, never polymorphically, so those two mappings go; polymorphic families (subjectSet,
// accessPackageQuestion, customCalloutExtension, ...) keep theirs, where the type tag is real information.
for (const name of ['microsoft.graph.entity', 'microsoft.graph.directoryObject']) {
  for (const part of [spec.components.schemas[name], ...(spec.components.schemas[name].allOf ?? [])]) delete part.discriminator;
}
for (const section of Object.keys(spec.components)) {
  spec.components[section] = Object.fromEntries(Object.entries(spec.components[section]).sort(([a], [b]) => a.localeCompare(b)));
}

return (
  '# Generated by packages/sdk/scripts/build-spec.mjs from reference/graph-entitlement-subset.yaml; do not edit by hand.\n' +
  stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false })
);
}
