// The Graph operations and the /_mock controls, each declared once (method, path template, handler over the
// engine), and a precompiled table that finds one by method and path in a walk down the path's segments (literal
// segments by a map lookup, templated ones such as `:id` or `filterByCurrentUser(on=':on')` by their pattern).
// Both adapters serve this table: the HTTP server looks routes up here directly; the msw adapter makes one
// handler per route.
import type { Reply } from './reply.ts';
import { addParams, compileSegment, decodeSegment, pathSegments, type CompiledSegment, type PathParams } from './path-template.ts';

export interface RouteContext {
  url: URL;
  params: PathParams;
  /** Directory id of the signed-in user. */
  callerId: string;
  /** Parsed JSON body of a POST, PATCH or PUT; undefined when empty. */
  body: unknown;
  /** The version root this request came in under, e.g. `http://127.0.0.1:4010/v1.0` (for `@odata.context`). */
  versionUrl: string;
}

export type ControlContext = Omit<RouteContext, 'callerId' | 'versionUrl'>;

export type Scope = 'graph' | 'control';

export type RouteDef =
  | { scope: 'graph'; method: string; template: string; handle(ctx: RouteContext): Reply | Promise<Reply> }
  | { scope: 'control'; method: string; template: string; handle(ctx: ControlContext): Reply | Promise<Reply> };

/** A Graph route; `template` is relative to the version root, with `:name` params (also inside quotes). */
export const graphRoute = (method: string, template: string, handle: (ctx: RouteContext) => Reply | Promise<Reply>): RouteDef => ({
  scope: 'graph',
  method,
  template,
  handle,
});

/** A `/_mock/...` route at the origin: no token, no faults. */
export const controlRoute = (method: string, template: string, handle: (ctx: ControlContext) => Reply | Promise<Reply>): RouteDef => ({
  scope: 'control',
  method,
  template,
  handle,
});

interface Node {
  literals: Map<string, Node>;
  patterns: { segment: CompiledSegment; node: Node }[];
  routes: Map<string, RouteDef>;
}

const newNode = (): Node => ({ literals: new Map(), patterns: [], routes: new Map() });
const isLiteral = (segment: string) => !segment.includes(':');

export interface RouteMatch {
  route: RouteDef;
  params: PathParams;
}

export interface RouteTable {
  /** `path` is relative to the version root for Graph, the whole path for /_mock; still percent-encoded. */
  find(scope: Scope, method: string, path: string): RouteMatch | undefined;
  /** The first segment of `path` that no route's template continues with; undefined when some route has the whole path. */
  unknownSegment(scope: Scope, path: string): string | undefined;
}

export function compileRouteTable(routes: readonly RouteDef[]): RouteTable {
  const roots: Record<Scope, Node> = { graph: newNode(), control: newNode() };
  for (const route of routes) {
    let node = roots[route.scope];
    for (const segment of route.template.replace(/^\/+/, '').split('/')) {
      if (isLiteral(segment)) {
        const key = segment.toLowerCase();
        let next = node.literals.get(key);
        if (!next) node.literals.set(key, (next = newNode()));
        node = next;
      } else {
        // Same pattern and same param names share a node; `:id` and `:catalogId` at one place do not, so each
        // route gets its params under its own names.
        const compiled = compileSegment(segment);
        let entry = node.patterns.find((p) => p.segment.pattern.source === compiled.pattern.source && p.segment.names.join() === compiled.names.join());
        if (!entry) node.patterns.push((entry = { segment: compiled, node: newNode() }));
        node = entry.node;
      }
    }
    const method = route.method.toUpperCase();
    // The first declaration wins, as in an msw handler list.
    if (!node.routes.has(method)) node.routes.set(method, route);
  }

  function walk(node: Node, segments: string[], i: number, method: string, params: PathParams): RouteDef | undefined {
    if (i === segments.length) return node.routes.get(method);
    const segment = segments[i];
    const literal = node.literals.get(segment.toLowerCase());
    const found = literal && walk(literal, segments, i + 1, method, params);
    if (found) return found;
    for (const { segment: compiled, node: next } of node.patterns) {
      const match = compiled.pattern.exec(segment);
      if (!match) continue;
      const tried: PathParams = { ...params };
      addParams(tried, compiled, match);
      const route = walk(next, segments, i + 1, method, tried);
      if (route) {
        Object.assign(params, tried);
        return route;
      }
    }
    return undefined;
  }

  const decodedSegments = (path: string): string[] | undefined => {
    const segments: string[] = [];
    for (const raw of pathSegments(path)) {
      const decoded = decodeSegment(raw);
      if (decoded === undefined) return undefined;
      segments.push(decoded);
    }
    return segments;
  };

  /** How many leading segments some template matches (any method); the whole length when a route ends there. */
  function known(node: Node, segments: string[], i: number): number {
    if (i === segments.length) return node.routes.size ? i : i - 1;
    const next = [node.literals.get(segments[i].toLowerCase()), ...node.patterns.filter((p) => p.segment.pattern.test(segments[i])).map((p) => p.node)];
    return Math.max(i, ...next.map((child) => (child ? known(child, segments, i + 1) : i)));
  }

  return {
    unknownSegment(scope, path) {
      const segments = decodedSegments(path) ?? pathSegments(path);
      const reached = known(roots[scope], segments, 0);
      return reached >= segments.length ? undefined : segments[reached];
    },
    find(scope, method, path) {
      const segments = decodedSegments(path);
      if (!segments) return undefined;
      const params: PathParams = {};
      const route = walk(roots[scope], segments, 0, method.toUpperCase(), params);
      return route && { route, params };
    },
  };
}
