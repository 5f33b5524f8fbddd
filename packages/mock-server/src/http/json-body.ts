// Request bodies are JSON or nothing. Before any rule sees one: it must be declared `application/json` (a
// cross-site "simple" POST can only send text/plain, form or multipart bodies, so this also keeps a web page from
// driving a developer's mock without a CORS preflight), it must parse, it must nest no deeper than MAX_JSON_DEPTH
// (every later step walks it recursively), and no key may be named like a member of Object.prototype (`__proto__`,
// `constructor`, ...): Graph has no such property, and code that copies or indexes by keys must never meet one.
import { badRequest, MockGraphError } from '../core/errors.ts';
import { isPrototypeMemberName } from '../core/own-keys.ts';

/** The default of .NET's System.Text.Json and Json.NET (Graph's own stack): deeper payloads are refused. */
export const MAX_JSON_DEPTH = 64;

const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

const unsupportedMediaType = (contentType: string | null) =>
  new MockGraphError(
    415,
    'UnsupportedMediaType',
    `A JSON body needs Content-Type: application/json${contentType ? `, not '${contentType.slice(0, 100)}'` : ''}.`,
  );

/** The parsed body, or undefined when there is none. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  const contentType = request.headers.get('content-type');
  if (!contentType || !JSON_MEDIA_TYPE.test(contentType)) throw unsupportedMediaType(contentType);
  return parseJsonText(text);
}

/** JSON text -> value, with the depth and key rules above; 400 in Graph's words otherwise. */
export function parseJsonText(text: string): unknown {
  checkDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  checkKeys(value);
  return value;
}

/** One pass over the text, before parsing builds anything: how deep do `[` and `{` go outside strings? */
function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw badRequest('BadRequest', `The JSON payload nests deeper than ${MAX_JSON_DEPTH} levels.`);
      }
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
}

function checkKeys(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) checkKeys(item);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isPrototypeMemberName(key)) {
      throw badRequest('BadRequest', `The property '${key}' does not exist on any Graph type and is not accepted in a request body.`, key);
    }
    checkKeys(item);
  }
}

/** A body that must be a JSON object (`{}` when absent and `optional`); 400 otherwise. */
export function jsonObject(body: unknown, what = 'The request body', optional = false): Record<string, any> {
  if (body === undefined && optional) return {};
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('BadRequest', `${what} must be a JSON object.`);
  }
  return body as Record<string, any>;
}
