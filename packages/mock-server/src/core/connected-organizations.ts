// Connected organizations as administrators manage them (entitlementmanagement-post-connectedorganizations.md,
// connectedorganization-update.md, -delete.md) and their internal and external sponsors, whom the
// internalSponsors / externalSponsors approver sets of policies resolve to.
import { requireAdmin } from './directory.ts';
import { requireGroup } from './directory-admin.ts';
import { badRequest, conflict, missingProperty, notFound } from './errors.ts';
import { own } from './own-keys.ts';
import type { ConnectedOrganizationRecord, PolicyRecord, State } from './state.ts';
import type { AnySubjectSet } from './subject-sets.ts';
import { nowIso, type Tx } from './tx.ts';

type Body = Record<string, unknown>;
export type SponsorKind = 'internalSponsors' | 'externalSponsors';

const UPDATABLE = ['displayName', 'description', 'identitySources', 'state'];
const STATES = ['configured', 'proposed'];
const IDENTITY_SOURCES = [
  '#microsoft.graph.azureActiveDirectoryTenant',
  '#microsoft.graph.crossCloudAzureActiveDirectoryTenant',
  '#microsoft.graph.domainIdentitySource',
  '#microsoft.graph.externalDomainFederation',
  '#microsoft.graph.socialIdentitySource',
];

export function requireOrganization(state: State, id: string): ConnectedOrganizationRecord {
  const org = own(state.connectedOrganizations, id);
  if (!org) throw notFound('connectedOrganization', id);
  return org;
}

/** The writable properties of a body, checked; `id`, dates and sponsors are the service's. */
function fields(body: Body): Partial<ConnectedOrganizationRecord> {
  for (const key of Object.keys(body)) {
    if (!UPDATABLE.includes(key)) throw badRequest('BadRequest', `Property '${key}' cannot be set; settable: ${UPDATABLE.join(', ')}.`, key);
  }
  const out: Partial<ConnectedOrganizationRecord> = {};
  if ('displayName' in body) {
    if (typeof body.displayName !== 'string' || !body.displayName.trim()) throw badRequest('InvalidProperty', 'displayName must be a non-empty string.', 'displayName');
    out.displayName = body.displayName;
  }
  if ('description' in body) {
    if (body.description !== null && typeof body.description !== 'string') throw badRequest('InvalidProperty', 'description must be a string.', 'description');
    out.description = body.description;
  }
  if ('state' in body) {
    if (!STATES.includes(body.state as string)) throw badRequest('InvalidProperty', `state must be one of ${STATES.join(', ')}.`, 'state');
    out.state = body.state as 'configured' | 'proposed';
  }
  if ('identitySources' in body) {
    const sources = body.identitySources;
    if (!Array.isArray(sources) || sources.some((s) => !s || typeof s !== 'object' || !IDENTITY_SOURCES.includes((s as Body)['@odata.type'] as string))) {
      throw badRequest('InvalidProperty', `identitySources must be objects whose @odata.type is one of ${IDENTITY_SOURCES.join(', ')}.`, 'identitySources');
    }
    out.identitySources = structuredClone(sources) as Body[];
  }
  return out;
}

export function createOrganization(tx: Tx, callerId: string, body: Body): ConnectedOrganizationRecord {
  requireAdmin(tx.state, callerId);
  const given = fields(body);
  if (!given.displayName) throw missingProperty('displayName');
  const now = nowIso(tx);
  const org: ConnectedOrganizationRecord = {
    id: tx.newId(),
    displayName: given.displayName,
    description: given.description ?? null,
    identitySources: given.identitySources ?? [],
    state: given.state ?? 'configured',
    createdDateTime: now,
    modifiedDateTime: now,
    internalSponsorIds: [],
    externalSponsorIds: [],
  };
  tx.state.connectedOrganizations[org.id] = org;
  return org;
}

export function updateOrganization(tx: Tx, callerId: string, id: string, body: Body): ConnectedOrganizationRecord {
  requireAdmin(tx.state, callerId);
  const org = requireOrganization(tx.state, id);
  Object.assign(org, fields(body), { modifiedDateTime: nowIso(tx) });
  return org;
}

/** Every subject set of a policy: its targets, on-behalf requestors and each stage's approvers. */
function subjectSetsOf(policy: PolicyRecord): AnySubjectSet[] {
  const { specificAllowedTargets, requestorSettings, requestApprovalSettings } = policy.data;
  const stages = requestApprovalSettings?.stages ?? [];
  return [
    ...(specificAllowedTargets ?? []),
    ...(requestorSettings?.onBehalfRequestors ?? []),
    ...stages.flatMap((s) => [...(s.primaryApprovers ?? []), ...(s.fallbackPrimaryApprovers ?? []), ...(s.escalationApprovers ?? []), ...(s.fallbackEscalationApprovers ?? [])]),
  ] as AnySubjectSet[];
}

/** Policies whose subject sets name the organization. */
const usedByPolicies = (state: State, id: string): string[] =>
  Object.keys(state.policies).filter((policyId) => subjectSetsOf(state.policies[policyId]).some((set) => set.connectedOrganizationId === id));

/** Refused while a policy still names it; its guests then belong to no organization. */
export function deleteOrganization(tx: Tx, callerId: string, id: string): void {
  requireAdmin(tx.state, callerId);
  requireOrganization(tx.state, id);
  const policies = usedByPolicies(tx.state, id);
  if (policies.length) throw conflict('ConnectedOrganizationInUse', `Policies still name this connected organization: ${policies.join(', ')}.`);
  delete tx.state.connectedOrganizations[id];
  for (const [userId, orgId] of Object.entries(tx.state.guestOrganizations)) if (orgId === id) delete tx.state.guestOrganizations[userId];
}

const idsOf = (org: ConnectedOrganizationRecord, kind: SponsorKind) => (kind === 'internalSponsors' ? org.internalSponsorIds : org.externalSponsorIds);

export function sponsorIds(state: State, callerId: string, id: string, kind: SponsorKind): string[] {
  requireAdmin(state, callerId);
  return idsOf(requireOrganization(state, id), kind);
}

/** A user or a group, named by its `@odata.id`. */
export function addSponsor(tx: Tx, callerId: string, id: string, kind: SponsorKind, sponsorId: string): void {
  requireAdmin(tx.state, callerId);
  const org = requireOrganization(tx.state, id);
  if (!own(tx.state.users, sponsorId)) requireGroup(tx.state, sponsorId);
  const ids = idsOf(org, kind);
  if (ids.includes(sponsorId)) throw badRequest('ReferenceAlreadyExists', 'One or more added object references already exist.');
  ids.push(sponsorId);
}

export function removeSponsor(tx: Tx, callerId: string, id: string, kind: SponsorKind, sponsorId: string): void {
  requireAdmin(tx.state, callerId);
  const org = requireOrganization(tx.state, id);
  const ids = idsOf(org, kind);
  if (!ids.includes(sponsorId)) throw notFound(kind === 'internalSponsors' ? 'internal sponsor' : 'external sponsor', sponsorId);
  if (kind === 'internalSponsors') org.internalSponsorIds = ids.filter((s) => s !== sponsorId);
  else org.externalSponsorIds = ids.filter((s) => s !== sponsorId);
}
