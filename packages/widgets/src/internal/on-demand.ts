import { toError } from './errors.ts';

/**
 * Code a view reads the first time it is shown (a form, a tab, a dialog), once for every widget on the page. A widget
 * names the ones its next update needs in `needs()`; the update waits for them, and a failed read is tried again on
 * the next update (the view shows the error with a retry meanwhile).
 */
export class OnDemand<M> {
  module?: M;
  /** Why the last read failed. */
  error?: Error;
  private reading?: Promise<unknown>;

  constructor(private readonly read: () => Promise<M>) {}

  /** The read in flight; undefined once the module is here. */
  load(): Promise<unknown> | undefined {
    return this.module
      ? undefined
      : (this.reading ??= this.read().then(
          (module) => {
            this.module = module;
            this.error = undefined;
          },
          (error: unknown) => {
            this.reading = undefined;
            this.error = toError(error);
          },
        ));
  }
}
