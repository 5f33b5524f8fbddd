import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.ts';
import { toError } from '../internal/errors.ts';

export type MutationResult<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface MutationOptions {
  /** Named in `widget-error`. */
  operation: string;
  /** Failures the widget handles as an outcome rather than an error (a 409 "decided elsewhere"). */
  expected?: (error: Error) => boolean;
}

/**
 * Changes sent to Graph (submit, cancel, decide, remove), keyed by what they act on so each row tracks its own.
 * A failure is kept until the next attempt, and the host keeps its form as typed: the caller decides what to clear,
 * and only after success. Mutations are not aborted on disconnect: a POST that left cannot be taken back.
 */
export class MutationController implements ReactiveController {
  private readonly pending = new Set<string>();
  private readonly errors = new Map<string, Error>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MutationOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  isPending(key = ''): boolean {
    return this.pending.has(key);
  }

  get anyPending(): boolean {
    return this.pending.size > 0;
  }

  errorFor(key = ''): Error | undefined {
    return this.errors.get(key);
  }

  clear(key = ''): void {
    this.errors.delete(key);
    this.host.requestUpdate();
  }

  async run<R>(key: string, action: () => Promise<R>): Promise<MutationResult<R>> {
    if (this.pending.has(key)) return { ok: false, error: new Error('Already in progress.') };
    this.pending.add(key);
    this.errors.delete(key);
    this.host.requestUpdate();
    try {
      return { ok: true, value: await action() };
    } catch (caught) {
      const error = toError(caught);
      if (!this.options.expected?.(error)) {
        this.errors.set(key, error);
        emit(this.host, 'widget-error', { error, operation: this.options.operation });
      }
      return { ok: false, error };
    } finally {
      this.pending.delete(key);
      this.host.requestUpdate();
    }
  }
}
