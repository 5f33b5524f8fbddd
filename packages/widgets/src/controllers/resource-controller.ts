import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.ts';
import { isAbortError, toError } from '../internal/errors.ts';
import type { LoadStatus } from './session-store.ts';
import { sameArgs } from './args.ts';

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** The inputs; undefined while they are incomplete (no client yet, nothing selected). */
  args: () => A | undefined;
  load: (args: A, signal: AbortSignal) => Promise<T>;
  /** Named in `widget-error` when loading fails. */
  operation: string;
}

/**
 * One value read from Graph for the host's current inputs. Reads again when the inputs change, aborting the
 * read in flight, so a late answer for an earlier selection never overwrites the current one.
 */
export class ResourceController<T, A extends readonly unknown[]> implements ReactiveController {
  status: LoadStatus = 'idle';
  value?: T;
  error?: Error;

  private args?: A;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ResourceOptions<T, A>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (sameArgs(args, this.args)) return;
    this.args = args;
    this.value = undefined;
    void this.run();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // Read again when the element comes back.
    this.args = undefined;
    this.status = 'idle';
  }

  hostConnected(): void {
    if (this.status === 'idle') this.host.requestUpdate();
  }

  reload(): void {
    void this.run();
  }

  /** Replaces the value after a change the host made itself (a decision, a removal). */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  private async run(): Promise<void> {
    this.abort?.abort();
    const args = this.args;
    if (!args) {
      this.status = 'idle';
      this.error = undefined;
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.options.load(args, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'ready';
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return;
      this.error = toError(error);
      this.status = 'error';
      emit(this.host, 'widget-error', { error: this.error, operation: this.options.operation });
    }
    this.host.requestUpdate();
  }
}
