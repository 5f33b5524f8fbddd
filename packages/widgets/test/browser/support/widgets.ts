// Mounting the kit's widgets for a persona, the way a host page does.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/index.ts';
import type { EntitlementProvider } from '../../../src/entitlement-provider/entitlement-provider.ts';
import { GRAPH_BASE, tokenFor, type Person } from './mock.ts';

/**
 * `<entitlement-provider base-url=… .getAccessToken=…>` around `content`, signed in as `person`; resolves to the
 * first element of `content` (the widget under test).
 */
export async function asPerson<T extends Element>(person: Person, content: TemplateResult, options: { locale?: string } = {}): Promise<T> {
  const token = await tokenFor(person);
  const provider = await fixture<EntitlementProvider>(
    html`<entitlement-provider base-url=${GRAPH_BASE} locale=${options.locale ?? 'en'} .getAccessToken=${() => token}>${content}</entitlement-provider>`,
  );
  const widget = provider.firstElementChild as T | null;
  if (!widget) throw new Error('nothing inside the provider');
  await (widget as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return widget;
}

/** A benign "ResizeObserver loop" error would fail a mocha test (TOOLCHAIN.md). */
export function ignoreResizeObserverLoop(): () => void {
  const stop = (event: ErrorEvent) => {
    if (event.message?.includes('ResizeObserver loop')) event.stopImmediatePropagation();
  };
  window.addEventListener('error', stop, true);
  return () => window.removeEventListener('error', stop, true);
}
