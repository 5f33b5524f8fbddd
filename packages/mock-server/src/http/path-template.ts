// Route matching done here rather than by msw's path-to-regexp, which reads the `(`, `)`, `'` and `:` of Graph
// function segments such as `filterByCurrentUser(on='target')` as pattern syntax. Matching is per path segment
// after percent-decoding (so `%27` and `'` both match), case-insensitive on literals like Graph's own routing.

export type PathParams = Record<string, string>;
export type PathMatcher = (path: string) => PathParams | undefined;

const PARAM = /:([A-Za-z_]\w*)/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CompiledSegment {
  pattern: RegExp;
  names: string[];
  quoted: boolean[];
}

export function compileSegment(segment: string): CompiledSegment {
  const names: string[] = [];
  const quoted: boolean[] = [];
  let source = '';
  let last = 0;
  for (const match of segment.matchAll(PARAM)) {
    const index = match.index ?? 0;
    source += escapeRegExp(segment.slice(last, index));
    const inQuotes = segment[index - 1] === "'" && segment[index + match[0].length] === "'";
    // Inside quotes a value may hold '' (an escaped quote); a bare key never holds parentheses, which keeps
    // `assignments/:id` from swallowing `assignments/filterByCurrentUser(on='target')`.
    source += inQuotes ? "((?:[^']|'')+)" : '([^()]+)';
    names.push(match[1]);
    quoted.push(inQuotes);
    last = index + match[0].length;
  }
  source += escapeRegExp(segment.slice(last));
  return { pattern: new RegExp(`^${source}$`, 'i'), names, quoted };
}

export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Fills in the params a segment matched (a quoted value's '' back to '). */
export function addParams(params: PathParams, segment: CompiledSegment, match: RegExpExecArray): void {
  segment.names.forEach((name, n) => {
    const value = match[n + 1];
    params[name] = segment.quoted[n] ? value.replace(/''/g, "'") : value;
  });
}

/** A matcher for a Graph template such as `/users/:id/manager` or `/accessPackages/filterByCurrentUser(on=':on')`. */
/**
 * The raw segments of a request path, for both adapters alike. Graph takes a trailing slash
 * (`.../connectedOrganizations/` in Microsoft's own create example), so one is dropped.
 */
export const pathSegments = (path: string): string[] => path.replace(/^\/+/, '').replace(/(.)\/$/, '$1').split('/');

export function compilePathTemplate(template: string): PathMatcher {
  const segments = template.replace(/^\/+/, '').split('/').map(compileSegment);
  return (path) => {
    const actual = pathSegments(path);
    if (actual.length !== segments.length) return undefined;
    const params: PathParams = {};
    for (let i = 0; i < segments.length; i++) {
      const decoded = decodeSegment(actual[i]);
      const match = decoded === undefined ? null : segments[i].pattern.exec(decoded);
      if (!match) return undefined;
      addParams(params, segments[i], match);
    }
    return params;
  };
}

/**
 * Where a mock is mounted: an absolute URL such as `http://127.0.0.1:4010/v1.0` (that origin only), or a path
 * such as `/v1.0`, optionally written with a leading `*` as msw patterns are (any origin).
 */
export interface MountPoint {
  rest(url: URL): string | undefined;
  versionUrl(url: URL): string;
  matchesOrigin(url: URL): boolean;
}

export function parseMountPoint(baseUrl: string): MountPoint {
  let origin: string | undefined;
  let path: string;
  if (baseUrl.startsWith('*')) path = baseUrl.slice(1);
  else if (baseUrl.startsWith('/')) path = baseUrl;
  else {
    const url = new URL(baseUrl);
    origin = url.origin;
    path = url.pathname;
  }
  path = path.replace(/\/+$/, '');
  const lowerPath = path.toLowerCase();
  const matchesOrigin = (url: URL) => origin === undefined || url.origin === origin;
  return {
    matchesOrigin,
    rest(url) {
      if (!matchesOrigin(url)) return undefined;
      const pathname = url.pathname;
      if (!pathname.toLowerCase().startsWith(lowerPath)) return undefined;
      const rest = pathname.slice(path.length);
      return rest === '' || rest.startsWith('/') ? rest : undefined;
    },
    versionUrl: (url) => `${url.origin}${path}`,
  };
}
