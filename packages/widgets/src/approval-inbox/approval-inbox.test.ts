import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@entitlement-kit/sdk';
import { en } from '../i18n/en.ts';
import type { ApprovalInbox } from './approval-inbox.ts';
import '../define/approval-inbox.ts';

const unreachable = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => 't', retries: 0 });
const waiting = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => new Promise<string>(() => {}) });

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const tabs = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];

describe('<approval-inbox>', () => {
  it('has Pending and History tabs, Pending selected, and is accessible without a client', async () => {
    const el = await fixture<ApprovalInbox>(html`<approval-inbox></approval-inbox>`);
    expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal([en.tabPending, en.tabDecided]);
    expect(tabs(el)[0].getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain(en.notConnected);
    await expect(el).to.be.accessible();
  });

  it('marks itself busy while pending approvals load, and is accessible', async () => {
    const el = await fixture<ApprovalInbox>(html`<approval-inbox .client=${waiting()}></approval-inbox>`);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'loading')!.textContent).to.contain(en.loadingApprovals);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with retry; History (decisions seen on this page) needs no load, and is accessible', async () => {
    const el = await fixture<ApprovalInbox>(html`<approval-inbox .client=${unreachable()}></approval-inbox>`);
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    tabs(el)[1].click();
    await el.updateComplete;
    expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'empty')!.textContent).to.contain(en.noDecidedApprovals);
    await expect(el).to.be.accessible();

    tabs(el)[0].click();
    await el.updateComplete;
    part(el, 'retry-button')!.click();
    await el.updateComplete;
    expect(part(el, 'loading')).to.not.equal(null);
    await waitUntil(() => part(el, 'error'), 'no error state after retry');
  });

  it('wraps around the tabs with the arrow keys', async () => {
    const el = await fixture<ApprovalInbox>(html`<approval-inbox></approval-inbox>`);
    const [pending, history] = tabs(el);
    pending.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(history);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(pending);
    expect(pending.getAttribute('aria-selected')).to.equal('true');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<ApprovalInbox>(html`<approval-inbox theme="dark" .client=${unreachable()}></approval-inbox>`);
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(31, 31, 31)');
    await expect(el).to.be.accessible();
  });
});
