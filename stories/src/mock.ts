// The real mock Graph (the engine and msw handlers of @entitlement-kit/mock-server) for every story: one engine,
// reset to the story's seed before each story, and tokens minted for the persona the toolbar (or the story) picks.
import { HttpHandler, HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createMockGraph, mintToken } from '@entitlement-kit/mock-server';

let worker: SetupWorker | undefined;

export const mock = createMockGraph({
  // $batch sub-requests go through the worker's current handlers, so a story's overrides reach batched calls too.
  batchHandlers: () => (worker?.listHandlers() ?? []).filter((h): h is HttpHandler => h instanceof HttpHandler),
});

export function useWorker(started: SetupWorker): void {
  worker = started;
}

/** Who signs in, by role (packages/mock-server/docs/seed-and-codes.md). */
export const PERSONAS = {
  employee: { upn: 'adele.vance@contoso.com', title: 'Employee: Adele Vance' },
  manager: { upn: 'lee.gu@contoso.com', title: 'Manager: Lee Gu (four reports, three approvals waiting)' },
  approver: { upn: 'patti.fernandez@contoso.com', title: 'Approver: Patti Fernandez (Finance Approvers)' },
  admin: { upn: 'admin@contoso.com', title: 'Admin: admin@contoso.com' },
} as const;

export type Persona = keyof typeof PERSONAS;

export type Seed = 'contoso' | 'empty';

/** A token for the persona, as Entra would issue one (the mock reads `oid` / `preferred_username`). */
export function tokenFor(persona: Persona): string {
  const upn = PERSONAS[persona]?.upn ?? PERSONAS.employee.upn;
  const user = mock.engine.findPrincipal(upn);
  if (!user) throw new Error(`The mock's current seed has no ${upn}; choose another persona for this seed.`);
  return mintToken({ id: user.id, userPrincipalName: upn, displayName: user.displayName ?? undefined });
}

/** Graph under the page's own origin and path (the worker answers `* /v1.0`), so sub-path hosting works. */
export const baseUrl = (): string => new URL('./v1.0', document.baseURI).href;

/** Every Graph call (single or $batch) never answers: the loading state stays. */
export const neverRespond = http.all('*/v1.0/*', () => new Promise<never>(() => {}));

/** Every Graph call (single or $batch) answers 500 with a Graph error body: the error state. */
export const serverError = http.all('*/v1.0/*', () =>
  HttpResponse.json(
    {
      error: {
        code: 'InternalServerError',
        message: 'The story asked the mock for a server error.',
        innerError: { 'request-id': '00000000-0000-4000-8000-5708e5500000', date: new Date().toISOString() },
      },
    },
    { status: 500 },
  ),
);
