import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient } from '@entitlement-kit/sdk';
import { en } from '../i18n/en.ts';
import type { ManageTeam } from './manage-team.ts';
import '../define/manage-team.ts';

const unreachable = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => 't', retries: 0 });
const waiting = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => new Promise<string>(() => {}) });

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<manage-team>', () => {
  it('is accessible without a client', async () => {
    const el = await fixture<ManageTeam>(html`<manage-team></manage-team>`);
    expect(el.shadowRoot!.textContent).to.contain(en.teamHeading).and.contain(en.notConnected);
    await expect(el).to.be.accessible();
  });

  it('marks itself busy while the team loads, and is accessible', async () => {
    const el = await fixture<ManageTeam>(html`<manage-team .client=${waiting()}></manage-team>`);
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'loading')!.textContent).to.contain(en.loadingTeam);
    await expect(el).to.be.accessible();
  });

  it('shows a failed team load with a retry that reads the reports again', async () => {
    const el = await fixture<ManageTeam>(html`<manage-team .client=${unreachable()}></manage-team>`);
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    const reported = oneEvent(el, 'widget-error');
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'loading') || part(el, 'error'), 'nothing after retry');
    expect((await reported).detail.operation).to.equal('listDirectReports');
    await waitUntil(() => part(el, 'error'), 'no error state after retry');
  });

  it('lays out right to left', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><manage-team .client=${unreachable()}></manage-team></div>`);
    const el = wrapper.querySelector<ManageTeam>('manage-team')!;
    await waitUntil(() => part(el, 'error'), 'no error state');
    const base = part(el, 'base')!;
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(getComputedStyle(part(el, 'error')!).borderRightWidth).to.equal('4px');
    const heading = el.shadowRoot!.querySelector('h2')!.getBoundingClientRect();
    expect(base.getBoundingClientRect().right - heading.right).to.be.lessThan(base.getBoundingClientRect().width / 4);
  });
});
