// What every resource module is given: the typed client, the base URL, and the two shapes Graph answers in
// (one entity, or a paged collection).
import { GraphError } from './errors.ts';
import { pagedList, type CollectionBody } from './paging.ts';
import type { CallOptions, PagedList, RawClient } from './api.ts';
import { createRaw } from './raw.ts';
import { parseBody, type Send } from './transport.ts';

/** Paths as openapi.yaml spells them, under entitlementManagement. */
export const EM = '/identityGovernance/entitlementManagement';

/** What a typed call is given besides its params: the caller's signal and any extra headers. */
export interface CallInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface Context {
  readonly baseUrl: string;
  readonly raw: RawClient;
  /** A collection: the first page from a typed call, the next ones from @odata.nextLink with the same headers. */
  list<T>(
    first: (init: CallInit) => Promise<{ data?: CollectionBody<T> }>,
    options?: CallOptions & { headers?: Record<string, string> },
  ): PagedList<T>;
  /** The body of a call that must answer with one (a 200/201 with an entity). */
  entity<T>(call: Promise<{ data?: T; response: Response }>): Promise<T>;
}

// The context behind each client, for modules outside createClient (the admin verbs) to build on the same transport;
// read with contextOf (./context-of.ts, a module of its own so that it loads with those modules, not with every page).
export const contexts = new WeakMap<object, Context>();

export function bindContext<T extends object>(ctx: Context, client: T): T {
  contexts.set(client, ctx);
  return client;
}

export function createContext(baseUrl: string, send: Send): Context {
  // Every raw call goes through send(), so it throws GraphError instead of returning `{ error }`.
  const raw = createRaw(baseUrl, send);

  async function follow<T>(nextLink: string, init: CallInit): Promise<CollectionBody<T>> {
    const request = new Request(nextLink, init);
    const response = await send(request);
    return parseBody(response, await response.text(), request) as CollectionBody<T>;
  }

  return {
    baseUrl,
    raw,
    list(first, options = {}) {
      const init: CallInit = { signal: options.abortSignal, headers: options.headers };
      return pagedList(async (nextLink) => (nextLink ? follow(nextLink, init) : ((await first(init)).data ?? {})));
    },
    async entity(call) {
      const { data, response } = await call;
      if (data === undefined) {
        throw new GraphError({
          status: response.status,
          code: 'emptyResponse',
          message: `Graph answered ${String(response.status)} without the expected body.`,
          requestId: response.headers.get('request-id') ?? undefined,
          url: response.url || undefined,
        });
      }
      return data;
    },
  };
}
