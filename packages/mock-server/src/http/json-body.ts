// Request bodies are JSON or nothing; malformed JSON is the client's 400, in Graph's own words.
import { badRequest } from '../core/errors.ts';

/** The parsed body, or undefined when there is none. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
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
