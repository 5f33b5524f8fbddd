// Administration beyond packages and policies: entitlementManagementSettings, accessPackageSubjects' lifecycle,
// connected organizations and their sponsors. Part of `createAdmin(client)`.
import { EM } from './context.ts';
import { listQuery } from './odata.ts';
import type { AdminVerbs } from './api.ts';
import type { Context } from './context.ts';
import type { components } from './generated/graph.ts';
import type { ConnectedOrganization, Group, User } from './models.ts';

type RefBody = components['schemas']['ReferenceCreate'];
type GovernanceVerbs = Pick<
  AdminVerbs,
  | 'getSettings'
  | 'updateSettings'
  | 'getSubject'
  | 'updateSubject'
  | 'createConnectedOrganization'
  | 'updateConnectedOrganization'
  | 'deleteConnectedOrganization'
  | 'listSponsors'
  | 'addSponsor'
  | 'removeSponsor'
>;

export function governanceVerbs(ctx: Context): GovernanceVerbs {
  const orgPath = (id: string) => ({ path: { 'connectedOrganization-id': id } });
  // Graph's DELETE .../{directoryObject-id}/$ref for either kind of sponsor.
  const sponsorPaths = {
    internalSponsors: `${EM}/connectedOrganizations/{connectedOrganization-id}/internalSponsors/{directoryObject-id}/$ref`,
    externalSponsors: `${EM}/connectedOrganizations/{connectedOrganization-id}/externalSponsors/{directoryObject-id}/$ref`,
  } as const;

  return {
    getSettings: (options = {}) => ctx.entity(ctx.raw.GET(`${EM}/settings`, { signal: options.abortSignal })),
    async updateSettings(body, options = {}) {
      await ctx.raw.PATCH(`${EM}/settings`, { body, signal: options.abortSignal });
    },

    getSubject: (objectId, options = {}) =>
      ctx.entity(ctx.raw.GET(`${EM}/subjects(objectId='{objectId}')`, { params: { path: { objectId } }, signal: options.abortSignal })),
    async updateSubject(objectId, subjectLifecycle, options = {}) {
      await ctx.raw.PATCH(`${EM}/subjects(objectId='{objectId}')`, {
        params: { path: { objectId } },
        body: { subjectLifecycle },
        signal: options.abortSignal,
      });
    },

    createConnectedOrganization: (body, options = {}) =>
      ctx.entity(ctx.raw.POST(`${EM}/connectedOrganizations`, { body, signal: options.abortSignal })),
    /** Graph answers 202 Accepted with the organization. */
    updateConnectedOrganization: (id, body, options = {}) =>
      ctx.entity(
        ctx.raw.PATCH(`${EM}/connectedOrganizations/{connectedOrganization-id}`, { params: orgPath(id), body, signal: options.abortSignal }),
      ) as Promise<ConnectedOrganization>,
    async deleteConnectedOrganization(id, options = {}) {
      await ctx.raw.DELETE(`${EM}/connectedOrganizations/{connectedOrganization-id}`, { params: orgPath(id), signal: options.abortSignal });
    },

    listSponsors: (id, kind, options = {}) =>
      ctx.list(
        async (init) =>
          // Sponsors are directoryObjects: users and groups, each naming its @odata.type.
          (await ctx.raw.GET(`${EM}/connectedOrganizations/{connectedOrganization-id}/${kind}`, {
            ...init,
            params: { ...orgPath(id), query: listQuery(options) },
          })) as { data?: { value?: (User | Group)[]; '@odata.nextLink'?: string; '@odata.count'?: number } },
        options,
      ),
    async addSponsor(id, kind, sponsor, options = {}) {
      const ref = { '@odata.id': `${ctx.baseUrl}/${sponsor.type === 'group' ? 'groups' : 'users'}/${encodeURIComponent(sponsor.id)}` };
      await ctx.raw.POST(`${EM}/connectedOrganizations/{connectedOrganization-id}/${kind}/$ref`, {
        params: orgPath(id),
        body: ref as unknown as RefBody,
        signal: options.abortSignal,
      });
    },
    async removeSponsor(id, kind, sponsorId, options = {}) {
      await ctx.raw.DELETE(sponsorPaths[kind], {
        params: { path: { 'connectedOrganization-id': id, 'directoryObject-id': sponsorId } },
        signal: options.abortSignal,
      });
    },
  };
}
