// Our spec must be a faithful slice of Microsoft's Graph metadata: every path+method, every schema and every
// property exists in the reference with the same type. Only entries carrying `x-ek-graph-docs` (documented on
// Microsoft Learn, missing from the metadata) may be absent from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Schema = Record<string, any>;
const load = (rel: string) => parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const ours = load('../openapi.yaml');
const reference = load('../../../reference/graph-entitlement-subset.yaml');
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Own properties of a schema, including those of its inline allOf parts (not of referenced base types). */
function ownProperties(schema: Schema): Record<string, Schema> {
  return Object.assign({}, schema.properties, ...(schema.allOf ?? []).map((p: Schema) => p.properties ?? {}));
}

/** The shape that matters for conformance: type, format, $ref targets, items, enum; descriptions are free. */
function typeOf(schema: Schema | undefined): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) return { ref: schema.$ref };
  const out: Record<string, unknown> = {};
  for (const key of ['type', 'format', 'nullable', 'enum']) if (key in schema) out[key] = schema[key];
  if (schema.items) out.items = typeOf(schema.items);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (schema[key]) out[key] = schema[key].map(typeOf);
  return out;
}

describe('openapi.yaml conforms to the Graph v1.0 reference', () => {
  it('has the flows of DESIGN section 3', () => {
    const em = '/identityGovernance/entitlementManagement';
    for (const path of [
      '/me',
      '/me/directReports',
      '/users/{user-id}/manager',
      `${em}/accessPackages/filterByCurrentUser(on='{on}')`,
      `${em}/accessPackages/{accessPackage-id}/getApplicablePolicyRequirements`,
      `${em}/accessPackages/{accessPackage-id}/resourceRoleScopes`,
      `${em}/accessPackages/{accessPackage-id}/incompatibleAccessPackages`,
      `${em}/assignmentPolicies/{accessPackageAssignmentPolicy-id}`,
      `${em}/assignmentRequests`,
      `${em}/assignmentRequests/{accessPackageAssignmentRequest-id}/cancel`,
      `${em}/assignmentRequests/{accessPackageAssignmentRequest-id}/resume`,
      `${em}/assignmentRequests/filterByCurrentUser(on='{on}')`,
      `${em}/assignmentRequests/$count`,
      `${em}/assignments/filterByCurrentUser(on='{on}')`,
      `${em}/accessPackageAssignmentApprovals/{approval-id}/stages/{approvalStage-id}`,
      `${em}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions`,
      '/users/{user-id}/authentication/temporaryAccessPassMethods',
      `${em}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions/{customCalloutExtension-id}`,
      `${em}/accessPackages/{accessPackage-id}/accessPackagesIncompatibleWith`,
      `${em}/accessPackages/$count`,
      `${em}/assignments/$count`,
      `${em}/resourceRequests`,
    ]) {
      expect(ours.paths, path).toHaveProperty([path]);
    }
  });

  it('every path and method exists in the reference, or names the Microsoft Learn page that documents it', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries<Schema>(ours.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        // An operation Microsoft Learn documents for v1.0 but the metadata lacks must say where it is documented.
        if (!reference.paths[path]?.[method]) {
          if (!item[method]['x-ek-graph-docs']) missing.push(`${method.toUpperCase()} ${path}`);
        }
        else expect(item[method].operationId).toBe(reference.paths[path][method].operationId);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every schema exists in the reference, with the same properties and types', () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries<Schema>(ours.components.schemas)) {
      const ref = reference.components.schemas[name];
      if (!ref) {
        if (!schema['x-ek-graph-docs']) problems.push(`schema ${name} is not in Graph and names no documentation`);
        continue;
      }
      const refProps = ownProperties(ref);
      for (const [prop, def] of Object.entries(ownProperties(schema))) {
        if (!(prop in refProps)) {
          if (!def['x-ek-graph-docs']) problems.push(`${name}.${prop} is not in Graph and names no documentation`);
          continue;
        }
        if (JSON.stringify(typeOf(def)) !== JSON.stringify(typeOf(refProps[prop]))) {
          problems.push(`${name}.${prop}: ${JSON.stringify(typeOf(def))} != Graph ${JSON.stringify(typeOf(refProps[prop]))}`);
        }
      }
      for (const prop of Object.keys(refProps)) {
        if (!(prop in ownProperties(schema))) problems.push(`${name}.${prop} from Graph is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documented additions name Microsoft Learn pages', () => {
    const text = JSON.stringify(ours);
    const urls = [...text.matchAll(/"x-ek-graph-docs":"([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\/.*view=graph-rest-1\.0$/);
    const assignment = ownProperties(ours.components.schemas['microsoft.graph.accessPackageAssignment']);
    for (const prop of ['targetId', 'assignmentPolicyId', 'accessPackageId']) expect(assignment).toHaveProperty([prop]);
  });
});
