import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A native modal <dialog> with managed focus. showModal() moves focus in (to the [autofocus] control), makes the
 * page behind inert and closes on Escape; this controller returns focus to the control that opened it, which the
 * platform does not do reliably across shadow roots.
 */
export class DialogController implements ReactiveController {
  private trigger?: HTMLElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly dialog: () => HTMLDialogElement | null | undefined,
    private readonly onClosed?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.dialog()?.close();
  }

  get isOpen(): boolean {
    return this.dialog()?.open === true;
  }

  /** Opens after the next render, so the dialog can show content that render is about to add. */
  async open(trigger?: EventTarget | null): Promise<void> {
    this.trigger = trigger instanceof HTMLElement ? trigger : undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
  }

  close(): void {
    this.dialog()?.close();
  }

  /** Bind to the dialog's `close` event (Escape, a form with method="dialog", or close()). */
  readonly handleClose = (): void => {
    const trigger = this.trigger;
    this.trigger = undefined;
    this.onClosed?.();
    if (trigger?.isConnected) trigger.focus();
  };
}
