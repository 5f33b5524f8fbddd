// `$skiptoken` values are opaque to clients; inside they carry the offset of the next page.
import { decodeBase64Url, encodeBase64Url } from '../identity/base64url.ts';
import { badRequest } from '../core/errors.ts';
import { QueryErrorCode } from './query-errors.ts';

// Every page of a list read again asks for the same few tokens: each is made once (a handful of offsets, cleared
// past a bound).
const made = new Map<number, string>();

export function encodeSkipToken(offset: number): string {
  let token = made.get(offset);
  if (token === undefined) {
    if (made.size >= 1024) made.clear();
    made.set(offset, (token = encodeBase64Url(JSON.stringify({ offset }))));
  }
  return token;
}

export function decodeSkipToken(token: string): number {
  const text = decodeBase64Url(token);
  let offset: unknown;
  try {
    offset = text === undefined ? undefined : (JSON.parse(text) as { offset?: unknown }).offset;
  } catch {
    offset = undefined;
  }
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw badRequest(QueryErrorCode.invalidSkipToken, 'The $skiptoken is not one this service issued; follow @odata.nextLink as given.', '$skiptoken');
  }
  return offset;
}
