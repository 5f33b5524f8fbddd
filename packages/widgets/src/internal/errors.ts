/** Graph failures carry an HTTP status (GraphError); network failures do not. */
export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The Graph error code (e.g. `ResourceNotFound`), when there is one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The request id Graph's support asks for, when the failure came from Graph. */
export function errorRequestId(error: unknown): string | undefined {
  const id = (error as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' && id ? id : undefined;
}

export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
