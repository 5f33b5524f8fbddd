import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionStore } from './session-store.ts';

export interface SessionHost extends ReactiveControllerHost {
  /** The store for the client the widget currently uses (undefined while it has none). */
  readonly sessionStore: SessionStore | undefined;
}

/**
 * Keeps a widget subscribed to the store of its current client: re-renders it when the caller, their reports or
 * a looked-up policy or user arrive, and moves the subscription when the client changes.
 */
export class SessionController implements ReactiveController {
  private store?: SessionStore;
  private unsubscribe?: () => void;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  get current(): SessionStore | undefined {
    return this.store;
  }

  hostConnected(): void {
    this.store = undefined;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const next = this.host.sessionStore;
    if (next === this.store) return;
    this.unsubscribe?.();
    this.store = next;
    this.unsubscribe = next?.subscribe(() => this.host.requestUpdate());
    next?.ensureSession();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
