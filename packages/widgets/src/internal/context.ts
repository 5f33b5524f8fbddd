// The community context protocol (webcomponents-cg "context" proposal), the part the kit uses: what @lit/context
// does here, in a few lines. The events are the protocol's own ('context-request' with context, contextTarget,
// callback and subscribe; 'context-provider' when a provider connects), so providers and consumers of other copies
// of the kit, or of @lit/context itself, still answer and ask across copies.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A context key; the type parameter is the value's type. */
export type Context<T> = symbol & { readonly __context__?: T };
export const createContext = <T>(key: symbol) => key as Context<T>;

type Callback<T> = (value: T, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;

class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe?: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

class ContextProviderEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

type RequestEvent<T> = ContextRequestEvent<T>;
const targetOf = (event: Event & { contextTarget?: Element }) => event.contextTarget ?? (event.composedPath()[0] as Element);

/** Asks for `context` while `host` is connected and hands every value the nearest provider sends to `set`. */
export function consume<T>(host: Host, context: Context<T>, set: (value: T) => void): void {
  let unsubscribe: (() => void) | undefined;
  // Held here for as long as the host lives: a ContextRoot keeps pending callbacks only weakly.
  const callback: Callback<T> = (value, next) => {
    // A different provider answered (one nearer, or after a move): leave the previous one.
    if (unsubscribe && unsubscribe !== next) unsubscribe();
    unsubscribe = next;
    set(value);
    host.requestUpdate();
  };
  host.addController({
    hostConnected: () => host.dispatchEvent(new ContextRequestEvent(context, host, callback, true)),
    hostDisconnected: () => {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}

/** Answers requests for `context` from below `host` with get(); call the returned function when the value changed. */
export function provide<T>(host: Host, context: Context<T>, get: () => T): () => void {
  const subscriptions = new Map<Callback<T>, { consumer: Element; unsubscribe: () => void }>();
  host.addEventListener('context-request', (event) => {
    const request = event as RequestEvent<T>;
    const consumer = targetOf(request);
    if (request.context !== context || consumer === host) return;
    event.stopPropagation();
    if (!request.subscribe) return request.callback(get());
    let entry = subscriptions.get(request.callback);
    if (!entry) subscriptions.set(request.callback, (entry = { consumer, unsubscribe: () => subscriptions.delete(request.callback) }));
    request.callback(get(), entry.unsubscribe);
  });
  // A provider connected below this one: the consumers under it ask again, so the nearer provider answers them.
  host.addEventListener('context-provider', (event) => {
    const child = event as ContextProviderEvent<T>;
    if (child.context !== context || targetOf(child) === host) return;
    for (const [callback, { consumer }] of subscriptions) consumer.dispatchEvent(new ContextRequestEvent(context, consumer, callback, true));
    event.stopPropagation();
  });
  const controller: ReactiveController = { hostConnected: () => host.dispatchEvent(new ContextProviderEvent(context, host)) };
  host.addController(controller);
  return () => {
    for (const [callback, { unsubscribe }] of subscriptions) callback(get(), unsubscribe);
  };
}

/**
 * Keeps the subscribing requests nobody answered and asks again for them when a provider of that context connects,
 * so a provider defined after its widgets still reaches them. Callbacks and elements are held weakly.
 */
export function attachContextRoot(root: Element): void {
  const pending = new Map<unknown, { element: WeakRef<Element>; callback: WeakRef<Callback<unknown>> }[]>();
  root.addEventListener('context-request', (event) => {
    const request = event as RequestEvent<unknown>;
    if (request.subscribe !== true) return;
    const element = targetOf(request);
    const list = pending.get(request.context) ?? [];
    if (list.some((p) => p.element.deref() === element && p.callback.deref() === request.callback)) return;
    list.push({ element: new WeakRef(element), callback: new WeakRef(request.callback) });
    pending.set(request.context, list);
  });
  root.addEventListener('context-provider', (event) => {
    const { context } = event as ContextProviderEvent<unknown>;
    const list = pending.get(context);
    if (!list) return;
    pending.delete(context);
    for (const p of list) {
      const element = p.element.deref();
      const callback = p.callback.deref();
      if (element && callback) element.dispatchEvent(new ContextRequestEvent(context as Context<unknown>, element, callback, true));
    }
  });
}
