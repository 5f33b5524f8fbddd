import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { createClient } from '@entitlement-kit/sdk';
import type { ApprovalInbox } from '../approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../manage-team/manage-team.ts';
import { EntitlementProvider } from './entitlement-provider.ts';
import '../index.ts';

// A token that never comes holds every call, so nothing here depends on a server.
const holdToken = () => new Promise<string>(() => {});

describe('<entitlement-provider>', () => {
  it('builds a client from base-url and getAccessToken and gives it to the widgets inside', async () => {
    const el = await fixture<EntitlementProvider>(html`<entitlement-provider base-url="http://127.0.0.1:9/v1.0" .getAccessToken=${holdToken}>
      <section><approval-inbox></approval-inbox></section>
    </entitlement-provider>`);
    const inbox = el.querySelector<ApprovalInbox>('approval-inbox')!;
    await inbox.updateComplete;
    expect(el.activeClient?.baseUrl).to.equal('http://127.0.0.1:9/v1.0');
    expect(inbox.resolvedClient).to.equal(el.activeClient);
  });

  it('has no client until it has both a base URL and a token source', async () => {
    const el = await fixture<EntitlementProvider>(html`<entitlement-provider base-url="http://127.0.0.1:9/v1.0"></entitlement-provider>`);
    expect(el.activeClient).to.equal(undefined);
    el.getAccessToken = holdToken;
    await el.updateComplete;
    expect(el.activeClient).to.not.equal(undefined);
  });

  it('builds a new client when base-url or getAccessToken change, and the widgets follow', async () => {
    const el = await fixture<EntitlementProvider>(html`<entitlement-provider base-url="http://127.0.0.1:9/v1.0" .getAccessToken=${holdToken}>
      <manage-team></manage-team>
    </entitlement-provider>`);
    const team = el.querySelector<ManageTeam>('manage-team')!;
    const first = el.activeClient;
    el.baseUrl = 'http://127.0.0.1:10/v1.0';
    await el.updateComplete;
    await team.updateComplete;
    const second = el.activeClient;
    expect(second).to.not.equal(first);
    expect(second?.baseUrl).to.equal('http://127.0.0.1:10/v1.0');
    expect(team.resolvedClient).to.equal(second);
    el.getAccessToken = () => holdToken();
    await el.updateComplete;
    expect(el.activeClient).to.not.equal(second);
  });

  it('provides a given client as is, and a widget\'s own client wins over the provided one', async () => {
    const provided = createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: holdToken });
    const own = createClient({ baseUrl: 'http://127.0.0.1:11/v1.0', getAccessToken: holdToken });
    const el = await fixture<EntitlementProvider>(html`<entitlement-provider base-url="http://ignored/v1.0" .getAccessToken=${holdToken} .client=${provided}>
      <approval-inbox id="shared"></approval-inbox>
      <approval-inbox id="own" .client=${own}></approval-inbox>
    </entitlement-provider>`);
    const shared = el.querySelector<ApprovalInbox>('#shared')!;
    const ownInbox = el.querySelector<ApprovalInbox>('#own')!;
    await shared.updateComplete;
    expect(el.activeClient).to.equal(provided);
    expect(shared.resolvedClient).to.equal(provided);
    expect(ownInbox.resolvedClient).to.equal(own);
  });

  it('shares one session store (caller, reports) among its widgets', async () => {
    const el = await fixture<EntitlementProvider>(html`<entitlement-provider base-url="http://127.0.0.1:9/v1.0" .getAccessToken=${holdToken}>
      <approval-inbox></approval-inbox>
      <manage-team></manage-team>
      <request-access-pane></request-access-pane>
    </entitlement-provider>`);
    const widgets = [...el.children] as (ApprovalInbox | ManageTeam)[];
    await Promise.all(widgets.map((w) => w.updateComplete));
    const stores = new Set(widgets.map((w) => w.sessionStore));
    expect(stores.size).to.equal(1);
    expect([...stores][0]?.client).to.equal(el.activeClient);
  });

  it('reaches widgets that connected before the provider was defined', async () => {
    const tag = `late-provider-${Date.now()}`;
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<${tag} base-url="http://127.0.0.1:9/v1.0"><approval-inbox></approval-inbox></${tag}>`;
    const inbox = wrapper.querySelector<ApprovalInbox>('approval-inbox')!;
    await inbox.updateComplete;
    expect(inbox.resolvedClient).to.equal(undefined);
    customElements.define(tag, class extends EntitlementProvider {});
    const provider = wrapper.querySelector<EntitlementProvider>(tag)!;
    provider.getAccessToken = holdToken;
    await provider.updateComplete;
    await nextFrame();
    await inbox.updateComplete;
    expect(inbox.resolvedClient).to.not.equal(undefined);
    expect(inbox.resolvedClient).to.equal(provider.activeClient);
  });
});
