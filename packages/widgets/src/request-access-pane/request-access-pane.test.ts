import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@entitlement-kit/sdk';
import { en } from '../i18n/en.ts';
import type { RequestAccessPane } from './request-access-pane.ts';
import '../define/request-access-pane.ts';

const unreachable = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => 't', retries: 0 });
// A token that never comes holds every call: the widget stays in its loading state.
const waiting = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => new Promise<string>(() => {}) });

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const tabs = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];

describe('<request-access-pane>', () => {
  it('without a client says how to connect it, and is accessible', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane></request-access-pane>`);
    expect(el.shadowRoot!.textContent).to.contain(en.notConnected);
    await expect(el).to.be.accessible();
  });

  it('marks itself busy while the catalogue loads, and is accessible', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane .client=${waiting()}></request-access-pane>`);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'loading')!.textContent).to.contain(en.loadingPackages);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load as an alert with a retry that loads again', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane .client=${unreachable()}></request-access-pane>`);
    await waitUntil(() => part(el, 'error'), 'no error state');
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain(en.errorNetwork);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    const retried = oneEvent(el, 'widget-error');
    part(el, 'retry-button')!.click();
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    await retried;
    await waitUntil(() => part(el, 'error'), 'no error state after retry');
  });

  it('opens a deep-linked package directly and offers the way back when it cannot load', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane package-id="p-hidden" .client=${unreachable()}></request-access-pane>`);
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(part(el, 'back-button')!.textContent).to.contain(en.backToPackages);
    expect(part(el, 'search')).to.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'back-button')!.click();
    await el.updateComplete;
    expect(part(el, 'search')).to.not.equal(null);
  });

  it('moves between tabs with the arrow keys, Home and End, with one tab stop', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane></request-access-pane>`);
    const [catalog, history] = tabs(el);
    expect(catalog.tabIndex).to.equal(0);
    expect(history.tabIndex).to.equal(-1);
    catalog.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(history.getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(history);
    expect(el.shadowRoot!.getElementById(history.getAttribute('aria-controls')!)!.hidden).to.equal(false);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(catalog);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(history);
  });

  it('shows a visible focus outline on keyboard focus', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane></request-access-pane>`);
    const [catalog] = tabs(el);
    catalog.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('mirrors in right-to-left pages: tab order, logical borders and arrow keys', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><request-access-pane .client=${unreachable()}></request-access-pane></div>`);
    const el = wrapper.querySelector<RequestAccessPane>('request-access-pane')!;
    await waitUntil(() => part(el, 'error'), 'no error state');
    const [catalog, history] = tabs(el);
    expect(catalog.getBoundingClientRect().left).to.be.greaterThan(history.getBoundingClientRect().left);
    const error = getComputedStyle(part(el, 'error')!);
    expect(error.borderRightWidth).to.equal('4px');
    expect(error.borderLeftWidth).to.equal('0px');
    catalog.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(history.getAttribute('aria-selected')).to.equal('true');
  });

  it('switches palette with the theme attribute', async () => {
    const el = await fixture<RequestAccessPane>(html`<request-access-pane theme="light"></request-access-pane>`);
    const base = part(el, 'base')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(31, 31, 31)');
    expect(getComputedStyle(base).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('takes --ek-* custom properties from the page without leaking styles out', async () => {
    const wrapper = await fixture(html`<div style="--ek-color-surface: rgb(1, 2, 3)">
      <button id="outside">outside</button>
      <request-access-pane theme="light"></request-access-pane>
    </div>`);
    const el = wrapper.querySelector('request-access-pane')!;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    // The kit's button rule (min-block-size 2.25rem) stays inside the shadow root.
    expect(getComputedStyle(wrapper.querySelector('#outside')!).minHeight).to.not.equal('36px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('button')!).minHeight).to.equal('36px');
  });
});
