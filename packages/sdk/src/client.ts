// createClient: one transport, one typed layer, and the verbs of each resource module over them. The admin set-up
// verbs are not among them: no widget page needs them, so they live behind `@entitlement-kit/sdk/admin` (createAdmin)
// and cost a page nothing unless it imports them.
import { approvalVerbs } from './approvals.ts';
import { assignmentVerbs } from './assignments.ts';
import { bindContext, createContext } from './context.ts';
import { extensionVerbs } from './extensions.ts';
import { packageVerbs } from './packages.ts';
import { requestVerbs } from './requests.ts';
import { createServerClock } from './server-clock.ts';
import { createTransport } from './transport.ts';
import { userVerbs } from './users.ts';
import type { ClientOptions, EntitlementClient } from './api.ts';

export function createClient(options: ClientOptions): EntitlementClient {
  const baseUrl = serviceRoot(options.baseUrl);
  // Late-bound, so a fetch patched after creation (MSW, test doubles) is the one used.
  const clock = createServerClock(options.fetch ?? ((request) => globalThis.fetch(request)));
  const ctx = createContext(baseUrl, createTransport({ ...options, baseUrl, fetch: clock.send }));
  return bindContext(ctx, {
    baseUrl,
    raw: ctx.raw,
    serverNow: clock.now,
    ...userVerbs(ctx),
    ...packageVerbs(ctx),
    ...requestVerbs(ctx),
    ...approvalVerbs(ctx),
    ...assignmentVerbs(ctx),
    ...extensionVerbs(ctx),
  });
}

/**
 * The absolute service root without a trailing slash, in the form Request URLs take (so sub-request URLs and
 * @odata.nextLink compare with it). A relative base resolves against the page in a browser.
 */
function serviceRoot(baseUrl: string): string {
  return new URL(baseUrl, globalThis.location?.href).href.replace(/\/+$/, '');
}
