export { decodeBase64Url, encodeBase64Url } from './base64url.ts';
export { MOCK_TENANT_ID, TOKEN_LIFETIME_SECONDS, mintToken, readBearerClaims } from './token.ts';
export type { BearerClaims, TokenUser } from './token.ts';
