// Graph answers a user with its default properties (user-get.md: "By default, only a limited set of properties are
// returned"); any other property only when `$select` names it. The engine keeps users whole (filters and rules read
// every property), so the answer is trimmed here, after $filter, $orderby and $select have run: top-level users
// unless the request has a `$select`, expanded users (a manager chain, direct reports) unless their `$expand` node
// has one.
import type { Reply } from '../http/reply.ts';
import type { RouteContext } from '../http/route-table.ts';
import { parseExpand } from '../odata/expand-parser.ts';
import type { ExpandItem } from '../odata/query-types.ts';

export const USER_DEFAULT_PROPERTIES: readonly string[] = [
  'id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation',
  'preferredLanguage', 'surname', 'userPrincipalName',
];

type Json = Record<string, unknown>;
const USER_TYPE = '#microsoft.graph.user';
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

function shape(item: unknown, selected: boolean, expand: readonly ExpandItem[], declaredUser: boolean): unknown {
  if (!isObject(item)) return item;
  const type = item['@odata.type'];
  const user = type === USER_TYPE || (declaredUser && type === undefined);
  const nodes = new Map(expand.map((node) => [node.property, node]));
  const out: Json = {};
  for (const [key, value] of Object.entries(item)) {
    const node = nodes.get(key);
    if (node) {
      const inner = (entry: unknown) => shape(entry, !!node.select, node.expand ?? [], false);
      out[key] = Array.isArray(value) ? value.map(inner) : inner(value);
    } else if (!user || selected || key.startsWith('@') || USER_DEFAULT_PROPERTIES.includes(key)) out[key] = value;
  }
  return out;
}

/**
 * The reply with its users trimmed to Graph's defaults. `declaredUser`: the route's items are users without their
 * own `@odata.type` (it is the declared type); directoryObject lists name each item's type.
 */
export function withUserDefaults(ctx: RouteContext, reply: Reply, declaredUser: boolean): Reply {
  const body = reply.body;
  if (!isObject(body)) return reply;
  const selected = ctx.url.searchParams.has('$select');
  const expandText = ctx.url.searchParams.get('$expand');
  // Already parsed and checked by the route; parsed again here only for the nested $select of each node.
  const expand = expandText === null ? [] : parseExpand(expandText, 'checked-later');
  const one = (item: unknown) => shape(item, selected, expand, declaredUser);
  const shaped = Array.isArray(body.value) ? { ...body, value: body.value.map(one) } : one(body);
  return { ...reply, body: shaped };
}
