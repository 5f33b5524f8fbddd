import { describe, expect, it } from 'vitest';
import { MockGraphError } from '../../src/core/errors.ts';
import { decodeBase64Url, encodeBase64Url } from '../../src/identity/base64url.ts';
import { MOCK_TENANT_ID, TOKEN_LIFETIME_SECONDS, mintToken, readBearerClaims } from '../../src/identity/token.ts';

const withAuthorization = (value?: string) =>
  new Request('http://127.0.0.1/v1.0/me', value === undefined ? {} : { headers: { authorization: value } });
const segment = (value: unknown) => encodeBase64Url(JSON.stringify(value));

function rejection(request: Request): MockGraphError {
  try {
    readBearerClaims(request);
  } catch (error) {
    if (error instanceof MockGraphError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('base64url', () => {
  it('round-trips UTF-8 text without padding or +/', () => {
    const text = 'Zoë ✓ ??>>';
    const encoded = encodeBase64Url(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBase64Url(encoded)).toBe(text);
  });
  it('refuses what is not base64url', () => {
    expect(decodeBase64Url('a+b=')).toBeUndefined();
    expect(decodeBase64Url('abcde')).toBeUndefined();
    expect(decodeBase64Url(encodeBase64Url('x').slice(0, 1))).toBeUndefined();
  });
});

describe('mintToken', () => {
  it('makes a JWT-shaped token with Entra-like claims', () => {
    const token = mintToken({ id: 'u-1', userPrincipalName: 'zoë@example.test', displayName: 'Zoë' }, new Date('2024-01-01T00:00:00Z'));
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(decodeBase64Url(header)!)).toEqual({ alg: 'none', typ: 'JWT' });
    const iat = Date.UTC(2024, 0, 1) / 1000;
    expect(JSON.parse(decodeBase64Url(payload)!)).toEqual({
      oid: 'u-1',
      preferred_username: 'zoë@example.test',
      name: 'Zoë',
      tid: MOCK_TENANT_ID,
      iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
    });
    expect(signature).toBe('mock');
  });
});

describe('readBearerClaims', () => {
  it('reads oid and preferred_username from a minted token, scheme case-insensitive', () => {
    const token = mintToken({ id: 'u-1', userPrincipalName: 'a@example.test' });
    expect(readBearerClaims(withAuthorization(`Bearer ${token}`))).toEqual({ oid: 'u-1', preferred_username: 'a@example.test' });
    expect(readBearerClaims(withAuthorization(`bearer ${token}`))).toEqual({ oid: 'u-1', preferred_username: 'a@example.test' });
  });

  it('accepts a token carrying only one of the claims, and ignores expiry', () => {
    const onlyUpn = `${segment({ alg: 'none' })}.${segment({ preferred_username: 'b@example.test', exp: 1 })}.x`;
    expect(readBearerClaims(withAuthorization(`Bearer ${onlyUpn}`))).toEqual({ preferred_username: 'b@example.test' });
  });

  it.each([
    ['a missing header', undefined, /empty/],
    ['another scheme', 'Basic dXNlcjpwYXNz', /Bearer scheme/],
    ['an empty bearer', 'Bearer ', /Bearer scheme/],
    ['two segments', `Bearer ${segment({})}.${segment({ oid: 'x' })}`, /three dot-separated segments/],
    ['a non-base64url segment', `Bearer ${segment({})}.@@@.sig`, /base64url-encoded JSON objects/],
    ['a segment that is not JSON', `Bearer ${segment({})}.${encodeBase64Url('not json')}.sig`, /base64url-encoded JSON objects/],
    ['a payload that is not an object', `Bearer ${segment({})}.${segment(['oid'])}.sig`, /base64url-encoded JSON objects/],
    ['a payload without either claim', `Bearer ${segment({})}.${segment({ sub: 'x', oid: '' })}.sig`, /neither an oid nor a preferred_username/],
  ])('401 InvalidAuthenticationToken for %s', (_, header, message) => {
    const error = rejection(withAuthorization(header));
    expect(error.status).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.message).toMatch(message);
  });
});
