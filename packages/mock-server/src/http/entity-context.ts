// Graph writes `@odata.context` on a single entity too, naming the entity set it came from:
// `{versionUrl}/$metadata#identityGovernance/entitlementManagement/accessPackages/$entity`, a contained one through
// its parent's key (`.../accessPackageAssignmentApprovals('id')/stages/$entity`), with the `$select` list when there
// is one (`users(displayName,mail)/$entity`, as user-get.md shows). It is derived from the route's template, so
// every route answering one object (a read, a create, a PUT) gets it without saying so.
import type { Reply } from './reply.ts';
import type { PathParams } from './path-template.ts';

const KEY = /^:([A-Za-z_]\w*)$/;
/** Paths that name one object without a key, and the entity set Graph names for them. */
const SET_OF_SINGLE: Record<string, string> = { me: 'users', manager: 'directoryObjects' };

/** The context fragment after `$metadata#`, without `/$entity`. */
export function entitySetPath(template: string, params: PathParams): string {
  const segments = template.replace(/^\/+/, '').split('/');
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const key = KEY.exec(segment);
    if (key) {
      // A key in the middle addresses the parent (`catalogs('id')`); the last one is the entity itself.
      if (i < segments.length - 1 && out.length) out[out.length - 1] += `('${(params[key[1]] ?? '').replace(/'/g, "''")}')`;
      return;
    }
    // A key written as a function-style segment (`subjects(objectId=':objectId')`) addresses the set before it.
    out.push(segment.includes(':') ? segment.slice(0, segment.indexOf('(')) : segment);
  });
  const last = segments[segments.length - 1];
  return Object.hasOwn(SET_OF_SINGLE, last) ? SET_OF_SINGLE[last] : out.join('/');
}

const isEntityBody = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && !('value' in body) && !('@odata.context' in body);

/** The reply with `@odata.context` first when it carries one entity (200 or 201 with an object body). */
export function withEntityContext(reply: Reply, template: string, params: PathParams, url: URL, versionUrl: string): Reply {
  if ((reply.status !== 200 && reply.status !== 201) || reply.text !== undefined || !isEntityBody(reply.body)) return reply;
  const select = url.searchParams.get('$select')?.replace(/\s+/g, '');
  const context = `${versionUrl}/$metadata#${entitySetPath(template, params)}${select ? `(${select})` : ''}/$entity`;
  return { ...reply, body: { '@odata.context': context, ...reply.body } };
}
