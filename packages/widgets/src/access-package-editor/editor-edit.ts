// An existing package through Graph: read it with its roles, policies and incompatibilities; save its basics, its
// resource roles (what was added and what was removed), a policy (POST or PUT), separation of duties and direct
// assignments. No lit.
import type { AccessPackage, AssignmentPolicy, AssignmentRequest, EntitlementClient } from '../internal/sdk.ts';
import type { RoleDraft } from './editor-draft.ts';
import { addResourceToCatalog, catalogResources, policyBody, roleKey, roleScopeBody, type EditorApi } from './editor-graph.ts';
import type { PolicyDraft } from './editor-draft.ts';

const EM = '/identityGovernance/entitlementManagement';

export interface ExistingPackage {
  pkg: AccessPackage;
  catalogId: string;
  catalogName: string;
  roles: RoleDraft[];
  policies: AssignmentPolicy[];
  incompatible: AccessPackage[];
  /** Groups whose members may not get this package. */
  incompatibleGroups: { id: string; name: string }[];
  /** The other packages, to choose incompatible ones from. */
  others: AccessPackage[];
}

const packagePath = (id: string) => ({ path: { 'accessPackage-id': id } });

export async function loadPackage(client: EntitlementClient, id: string, signal?: AbortSignal): Promise<ExistingPackage> {
  // Issued in one tick: one $batch.
  const [pkg, policies, all] = await Promise.all([
    client.raw.GET(`${EM}/accessPackages/{accessPackage-id}`, {
      params: { ...packagePath(id), query: { $expand: ['catalog', 'resourceRoleScopes($expand=role($expand=resource),scope)', 'incompatibleAccessPackages', 'incompatibleGroups'] } },
      signal,
    }),
    client.raw.GET(`${EM}/accessPackages/{accessPackage-id}/assignmentPolicies`, {
      params: { ...packagePath(id), query: { $expand: ['questions', 'customExtensionStageSettings'] } as never },
      signal,
    }),
    client.raw.GET(`${EM}/accessPackages`, { params: { query: { $top: 999 } as never }, signal }),
  ]);
  const data = pkg.data as AccessPackage;
  const roles: RoleDraft[] = (data.resourceRoleScopes ?? []).map((rs) => {
    const resource = rs.role?.resource;
    return {
      originSystem: resource?.originSystem ?? rs.role?.originSystem ?? '',
      originId: resource?.originId ?? '',
      resourceName: resource?.displayName ?? '',
      catalogResourceId: resource?.id ?? undefined,
      roleOriginId: rs.role?.originId ?? '',
      roleName: rs.role?.displayName ?? '',
      roleScopeId: rs.id ?? undefined,
    };
  });
  return {
    pkg: data,
    catalogId: data.catalog?.id ?? '',
    catalogName: data.catalog?.displayName ?? '',
    roles,
    policies: (policies.data as { value?: AssignmentPolicy[] } | undefined)?.value ?? [],
    incompatible: data.incompatibleAccessPackages ?? [],
    incompatibleGroups: (data.incompatibleGroups ?? []).map((g) => ({ id: g.id ?? '', name: g.displayName ?? g.id ?? '' })),
    others: ((all.data as { value?: AccessPackage[] } | undefined)?.value ?? []).filter((p) => p.id !== id),
  };
}

export async function saveBasics(api: EditorApi, id: string, basics: { name: string; description: string }): Promise<void> {
  await api.admin.updateAccessPackage(id, { displayName: basics.name.trim(), description: basics.description });
}

/**
 * Makes the package's roles those of `wanted`: removes the ones no longer listed, brings new resources into the
 * catalog, and adds the new roles. Returns the roles as they now are (with their resourceRoleScope ids).
 */
export async function saveRoles(api: EditorApi, packageId: string, catalogId: string, before: RoleDraft[], wanted: RoleDraft[]): Promise<RoleDraft[]> {
  const { client, admin } = api;
  const keep = new Set(wanted.map(roleKey));
  for (const role of before) {
    if (keep.has(roleKey(role)) || !role.roleScopeId) continue;
    await client.raw.DELETE(`${EM}/accessPackages/{accessPackage-id}/resourceRoleScopes/{accessPackageResourceRoleScope-id}`, {
      params: { path: { 'accessPackage-id': packageId, 'accessPackageResourceRoleScope-id': role.roleScopeId } },
    });
  }
  const added = wanted.filter((r) => !r.roleScopeId);
  if (added.length === 0) return wanted;
  for (const role of added) if (!role.catalogResourceId) await addResourceToCatalog(client, catalogId, role);
  const resources = await catalogResources(client, catalogId);
  const out: RoleDraft[] = [];
  for (const role of wanted) {
    if (role.roleScopeId) {
      out.push(role);
      continue;
    }
    const scope = await admin.addResourceRoleScope(packageId, roleScopeBody(role, resources));
    const resource = resources.find((r) => r.originId === role.originId);
    out.push({ ...role, roleScopeId: scope.id ?? undefined, catalogResourceId: resource?.id ?? undefined });
  }
  return out;
}

/** Creates the policy (no id yet) or replaces it whole (PUT, as Graph updates policies). */
export async function savePolicy(api: EditorApi, packageId: string, policy: PolicyDraft): Promise<AssignmentPolicy> {
  const body = policyBody(policy, packageId);
  return policy.id ? api.admin.replacePolicy(policy.id, body) : api.admin.createPolicy(body);
}

export async function assignDirectly(api: EditorApi, input: { packageId: string; policyId: string; userId: string }): Promise<AssignmentRequest> {
  return api.admin.assign({ accessPackageId: input.packageId, assignmentPolicyId: input.policyId, targetId: input.userId });
}
