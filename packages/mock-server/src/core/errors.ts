// A rule of the mock said no. Carries what Graph's error body needs; the adapters turn it into
// `{ error: { code, message, target?, innerError } }` with `status`. Codes are stable and listed in the README.
export class MockGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
  ) {
    super(message);
    this.name = 'MockGraphError';
  }
}

export const badRequest = (code: string, message: string, target?: string) => new MockGraphError(400, code, message, target);
export const unauthorized = (message = 'Access token is missing or invalid.') =>
  new MockGraphError(401, 'InvalidAuthenticationToken', message);
export const forbidden = (code: string, message: string) => new MockGraphError(403, code, message);
export const notFound = (what: string, id: string) =>
  new MockGraphError(404, 'ResourceNotFound', `${what} '${id}' was not found.`);
export const conflict = (code: string, message: string) => new MockGraphError(409, code, message);

/** Graph's answer when the caller lacks a role or permission. */
export const notPermitted = (message = 'Insufficient privileges to complete the operation.') =>
  forbidden('Authorization_RequestDenied', message);
export const missingProperty = (property: string) =>
  badRequest('MissingProperty', `The property '${property}' is required.`, property);
