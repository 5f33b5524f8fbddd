// JWT-shaped bearer tokens like Entra access tokens, minus the signature: the mock trusts what it minted and says
// so in its README. Mapping the claims to a directory user is the domain's job.
import { unauthorized } from '../core/errors.ts';
import { parseJsonText } from '../http/json-body.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';

/** Fixed tenant id of the mock directory (Entra tokens always carry `tid`). */
export const MOCK_TENANT_ID = '9f5c6d2e-0b7a-4c1e-8d3f-1a2b3c4d5e6f';
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenUser {
  id: string;
  userPrincipalName?: string;
  displayName?: string;
}

export interface BearerClaims {
  oid?: string;
  preferred_username?: string;
}

export function mintToken(user: TokenUser, issuedAt: Date = new Date()): string {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const header = { alg: 'none', typ: 'JWT' };
  const payload = {
    oid: user.id,
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    tid: MOCK_TENANT_ID,
    iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
  };
  return [JSON.stringify(header), JSON.stringify(payload)].map(encodeBase64Url).join('.') + '.mock';
}

// `exp` is deliberately not checked: tests move the mock clock by days, and a token minted at the start of a
// scenario must keep working for it.
export function readBearerClaims(request: { headers: { get(name: string): string | null } }): BearerClaims {
  const header = request.headers.get('authorization');
  if (!header) throw unauthorized('Access token is empty.');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized('The Authorization header must use the Bearer scheme.');
  const known = readTokens.get(match[1]);
  if (known) return { ...known };
  const claims = parseClaims(match[1]);
  // A client sends the same token on every call: parsing it once per token, not per request, is a read's
  // largest fixed cost after the body. Bounded, so a client minting a token per call cannot grow it for ever.
  if (readTokens.size >= READ_TOKENS_KEPT) readTokens.clear();
  readTokens.set(match[1], claims);
  return { ...claims };
}

const READ_TOKENS_KEPT = 1024;
const readTokens = new Map<string, Readonly<BearerClaims>>();

function parseClaims(token: string): BearerClaims {
  const segments = token.split('.');
  if (segments.length !== 3) throw unauthorized('The access token is not a JWT (three dot-separated segments).');
  const [header64, payload64] = segments;
  const tokenHeader = parseJsonObject(header64);
  const payload = parseJsonObject(payload64);
  if (!tokenHeader || !payload) throw unauthorized('The access token segments are not base64url-encoded JSON objects.');
  const claims: BearerClaims = {};
  if (typeof payload.oid === 'string' && payload.oid) claims.oid = payload.oid;
  if (typeof payload.preferred_username === 'string' && payload.preferred_username) {
    claims.preferred_username = payload.preferred_username;
  }
  if (!claims.oid && !claims.preferred_username) {
    throw unauthorized('The access token carries neither an oid nor a preferred_username claim.');
  }
  return claims;
}

function parseJsonObject(segment: string): Record<string, unknown> | undefined {
  const text = decodeBase64Url(segment);
  if (text === undefined) return undefined;
  try {
    // The body reader's rules (depth, no prototype-named keys) hold for token segments too.
    const value: unknown = parseJsonText(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
