// @entitlement-kit/sdk/admin: set-up an Identity Governance Administrator does (catalogs, packages, resources,
// policies, users and managers, direct assignments), over the transport of a client from createClient():
//   const admin = createAdmin(graph); await admin.createCatalog({ displayName: 'Sales' });
// A separate entry so that pages which only request and approve access never load it.
import { contextOf } from './context-of.ts';
import { EM } from './context.ts';
import { governanceVerbs } from './admin-governance.ts';
import { listQuery } from './odata.ts';
import { updateBody } from './assignment-updates.ts';
import type { AdminVerbs, EntitlementClient } from './api.ts';
import type { Context } from './context.ts';
import type { components } from './generated/graph.ts';
import type { User } from './models.ts';

// The generator renders `additionalProperties: { type: object }` as an index signature that `@odata.id` itself
// contradicts, and marks `@odata.type` required on user (a derived type): Graph needs neither shape, so these
// bodies are asserted to the generated types rather than reshaped on the wire.
type RefBody = components['schemas']['ReferenceCreate'];

export type { AdminVerbs } from './api.ts';

export function createAdmin(client: EntitlementClient): AdminVerbs {
  return adminVerbs(contextOf(client));
}

function adminVerbs(ctx: Context): AdminVerbs {
  // $ref bodies name the target by its absolute URL under the same service root.
  const packageRef = (id: string) => ({ '@odata.id': `${ctx.baseUrl}${EM}/accessPackages/${encodeURIComponent(id)}` });
  const groupRef = (id: string) => ({ '@odata.id': `${ctx.baseUrl}/groups/${encodeURIComponent(id)}` });
  const userRef = (id: string) => ({ '@odata.id': `${ctx.baseUrl}/users/${encodeURIComponent(id)}` });
  const packagePath = (id: string) => ({ path: { 'accessPackage-id': id } });
  const catalogPath = (id: string) => ({ path: { 'accessPackageCatalog-id': id } });
  const policyPath = (id: string) => ({ path: { 'accessPackageAssignmentPolicy-id': id } });
  const userPath = (id: string) => ({ path: { 'user-id': id } });
  const extensionPath = (catalogId: string, id: string) => ({ path: { 'accessPackageCatalog-id': catalogId, 'customCalloutExtension-id': id } });

  return {
    ...governanceVerbs(ctx),
    createCatalog: (body, options = {}) => ctx.entity(ctx.raw.POST(`${EM}/catalogs`, { body, signal: options.abortSignal })),
    async updateCatalog(id, body, options = {}) {
      await ctx.raw.PATCH(`${EM}/catalogs/{accessPackageCatalog-id}`, { params: catalogPath(id), body, signal: options.abortSignal });
    },
    async deleteCatalog(id, options = {}) {
      await ctx.raw.DELETE(`${EM}/catalogs/{accessPackageCatalog-id}`, { params: catalogPath(id), signal: options.abortSignal });
    },

    createAccessPackage: (body, options = {}) =>
      ctx.entity(ctx.raw.POST(`${EM}/accessPackages`, { body, signal: options.abortSignal })),
    async updateAccessPackage(id, body, options = {}) {
      await ctx.raw.PATCH(`${EM}/accessPackages/{accessPackage-id}`, { params: packagePath(id), body, signal: options.abortSignal });
    },
    async deleteAccessPackage(id, options = {}) {
      await ctx.raw.DELETE(`${EM}/accessPackages/{accessPackage-id}`, { params: packagePath(id), signal: options.abortSignal });
    },
    addResourceRoleScope: (accessPackageId, body, options = {}) =>
      ctx.entity(
        ctx.raw.POST(`${EM}/accessPackages/{accessPackage-id}/resourceRoleScopes`, {
          params: packagePath(accessPackageId),
          body,
          signal: options.abortSignal,
        }),
      ),
    async addIncompatiblePackage(accessPackageId, incompatibleId, options = {}) {
      await ctx.raw.POST(`${EM}/accessPackages/{accessPackage-id}/incompatibleAccessPackages/$ref`, {
        params: packagePath(accessPackageId),
        body: packageRef(incompatibleId) as unknown as RefBody,
        signal: options.abortSignal,
      });
    },
    async removeIncompatiblePackage(accessPackageId, incompatibleId, options = {}) {
      await ctx.raw.DELETE(`${EM}/accessPackages/{accessPackage-id}/incompatibleAccessPackages/{accessPackage-id1}/$ref`, {
        params: { path: { 'accessPackage-id': accessPackageId, 'accessPackage-id1': incompatibleId } },
        signal: options.abortSignal,
      });
    },
    listIncompatibleGroups: (accessPackageId, options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/accessPackages/{accessPackage-id}/incompatibleGroups`, {
            ...init,
            params: { ...packagePath(accessPackageId), query: listQuery(options) },
          }),
        options,
      ),
    async addIncompatibleGroup(accessPackageId, groupId, options = {}) {
      await ctx.raw.POST(`${EM}/accessPackages/{accessPackage-id}/incompatibleGroups/$ref`, {
        params: packagePath(accessPackageId),
        body: groupRef(groupId) as unknown as RefBody,
        signal: options.abortSignal,
      });
    },
    async removeIncompatibleGroup(accessPackageId, groupId, options = {}) {
      await ctx.raw.DELETE(`${EM}/accessPackages/{accessPackage-id}/incompatibleGroups/{group-id}/$ref`, {
        params: { path: { 'accessPackage-id': accessPackageId, 'group-id': groupId } },
        signal: options.abortSignal,
      });
    },
    listConnectedOrganizations: (options = {}) =>
      ctx.list((init) => ctx.raw.GET(`${EM}/connectedOrganizations`, { ...init, params: { query: listQuery(options) } }), options),
    getConnectedOrganization: (id, options = {}) =>
      ctx.entity(
        ctx.raw.GET(`${EM}/connectedOrganizations/{connectedOrganization-id}`, {
          params: { path: { 'connectedOrganization-id': id } },
          signal: options.abortSignal,
        }),
      ),

    listPolicies: (options = {}) =>
      ctx.list((init) => ctx.raw.GET(`${EM}/assignmentPolicies`, { ...init, params: { query: listQuery(options) } }), options),
    createPolicy: (body, options = {}) =>
      ctx.entity(ctx.raw.POST(`${EM}/assignmentPolicies`, { body, signal: options.abortSignal })),
    replacePolicy: (id, body, options = {}) =>
      ctx.entity(
        ctx.raw.PUT(`${EM}/assignmentPolicies/{accessPackageAssignmentPolicy-id}`, { params: policyPath(id), body, signal: options.abortSignal }),
      ),
    async deletePolicy(id, options = {}) {
      await ctx.raw.DELETE(`${EM}/assignmentPolicies/{accessPackageAssignmentPolicy-id}`, {
        params: policyPath(id),
        signal: options.abortSignal,
      });
    },

    createCustomExtension: (catalogId, body, options = {}) =>
      ctx.entity(
        ctx.raw.POST(`${EM}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions`, {
          params: catalogPath(catalogId),
          body,
          signal: options.abortSignal,
        }),
      ),

    getCustomExtension: (catalogId, id, options = {}) =>
      ctx.entity(ctx.raw.GET(`${EM}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions/{customCalloutExtension-id}`, { params: extensionPath(catalogId, id), signal: options.abortSignal })),
    async updateCustomExtension(catalogId, id, body, options = {}) {
      await ctx.raw.PATCH(`${EM}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions/{customCalloutExtension-id}`, {
        params: extensionPath(catalogId, id),
        body,
        signal: options.abortSignal,
      });
    },
    async deleteCustomExtension(catalogId, id, options = {}) {
      await ctx.raw.DELETE(`${EM}/catalogs/{accessPackageCatalog-id}/customWorkflowExtensions/{customCalloutExtension-id}`, {
        params: extensionPath(catalogId, id),
        signal: options.abortSignal,
      });
    },
    listPackagesIncompatibleWith: (accessPackageId, options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/accessPackages/{accessPackage-id}/accessPackagesIncompatibleWith`, {
            ...init,
            params: { ...packagePath(accessPackageId), query: listQuery(options) },
          }),
        options,
      ),
    listResourceRequests: (options = {}) =>
      ctx.list((init) => ctx.raw.GET(`${EM}/resourceRequests`, { ...init, params: { query: listQuery(options, { $expand: options.expand }) } }), options),

    createUser: (body, options = {}) => ctx.entity(ctx.raw.POST('/users', { body: body as User, signal: options.abortSignal })),
    async updateUser(id, body, options = {}) {
      await ctx.raw.PATCH('/users/{user-id}', { params: userPath(id), body: body as User, signal: options.abortSignal });
    },
    async deleteUser(id, options = {}) {
      await ctx.raw.DELETE('/users/{user-id}', { params: userPath(id), signal: options.abortSignal });
    },
    async setManager(userId, managerId, options = {}) {
      await ctx.raw.PUT('/users/{user-id}/manager/$ref', { params: userPath(userId), body: userRef(managerId), signal: options.abortSignal });
    },
    async removeManager(userId, options = {}) {
      await ctx.raw.DELETE('/users/{user-id}/manager/$ref', { params: userPath(userId), signal: options.abortSignal });
    },

    assign: (input, options = {}) =>
      ctx.entity(
        ctx.raw.POST(`${EM}/assignmentRequests`, {
          body: {
            requestType: 'adminAdd',
            assignment: { targetId: input.targetId, accessPackageId: input.accessPackageId, assignmentPolicyId: input.assignmentPolicyId },
            ...(input.schedule === undefined ? {} : { schedule: input.schedule }),
            ...(input.justification === undefined ? {} : { justification: input.justification }),
          },
          signal: options.abortSignal,
        }),
      ),
    unassign: (assignmentId, options = {}) =>
      ctx.entity(
        ctx.raw.POST(`${EM}/assignmentRequests`, {
          body: { requestType: 'adminRemove', assignment: { id: assignmentId } },
          signal: options.abortSignal,
        }),
      ),
    updateAssignment: (assignmentId, input = {}) =>
      ctx.entity(ctx.raw.POST(`${EM}/assignmentRequests`, { body: updateBody('adminUpdate', assignmentId, input), signal: input.abortSignal })),
    async reprocessRequest(requestId, options = {}) {
      await ctx.raw.POST(`${EM}/assignmentRequests/{accessPackageAssignmentRequest-id}/reprocess`, {
        params: { path: { 'accessPackageAssignmentRequest-id': requestId } },
        signal: options.abortSignal,
      });
    },
    async reprocessAssignment(assignmentId, options = {}) {
      await ctx.raw.POST(`${EM}/assignments/{accessPackageAssignment-id}/reprocess`, {
        params: { path: { 'accessPackageAssignment-id': assignmentId } },
        signal: options.abortSignal,
      });
    },
    listAdditionalAccess: (accessPackageId, incompatibleAccessPackageId, options = {}) =>
      ctx.list(
        (init) =>
          ctx.raw.GET(`${EM}/assignments/additionalAccess(accessPackageId='{accessPackageId}',incompatibleAccessPackageId='{incompatibleAccessPackageId}')`, {
            ...init,
            params: {
              path: { accessPackageId, incompatibleAccessPackageId },
              query: listQuery(options, options.expand ? { $expand: options.expand } : {}),
            },
          }),
        options,
      ),
  };
}
