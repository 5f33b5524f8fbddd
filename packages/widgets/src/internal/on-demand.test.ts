import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html } from 'lit';
import { shared } from '../styles/shared.ts';
import { EkElement } from './ek-element.ts';
import { OnDemand } from './on-demand.ts';

/** A view module whose first read fails (as a chunk request does offline) and whose later reads succeed. */
let reads = 0;
const view = new OnDemand(async () => {
  reads += 1;
  if (reads === 1) throw new TypeError('Failed to fetch dynamically imported module');
  return { renderView: () => html`<p id="view">the view</p>` };
});

class OnDemandProbe extends EkElement {
  static override styles = shared;
  wanted = false;
  protected override needs() {
    return [this.wanted && view];
  }
  override render() {
    return this.wanted ? this.renderOnDemand(view, (m) => m.renderView(), this.renderLoading('Loading…')) : html`<p>closed</p>`;
  }
}
customElements.define('on-demand-probe', OnDemandProbe);

describe('views read on demand', () => {
  it('are not read until shown; a failed read shows the error with a retry that reads again; one read serves every widget', async () => {
    const el = await fixture<OnDemandProbe>(fixtureHtml`<on-demand-probe locale="en"></on-demand-probe>`);
    expect(reads).to.equal(0);

    el.wanted = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(reads).to.equal(1);
    const error = el.shadowRoot!.querySelector('[part=error]')!;
    expect(error.textContent).to.contain('Failed to fetch dynamically imported module');
    expect(el.shadowRoot!.querySelector('#view')).to.equal(null);

    error.querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await el.updateComplete;
    expect(reads).to.equal(2);
    expect(el.shadowRoot!.querySelector('#view')?.textContent).to.equal('the view');

    // A second widget on the page renders the view at once, without another read.
    const other = await fixture<OnDemandProbe>(fixtureHtml`<on-demand-probe locale="en"></on-demand-probe>`);
    other.wanted = true;
    other.requestUpdate();
    await other.updateComplete;
    expect(other.shadowRoot!.querySelector('#view')?.textContent).to.equal('the view');
    expect(reads).to.equal(2);
    expect(view.load()).to.equal(undefined);
  });

  it('shares a read in flight', () => {
    let calls = 0;
    const slow = new OnDemand(() => new Promise<object>((resolve) => setTimeout(() => resolve({ calls: ++calls }), 10)));
    const first = slow.load();
    expect(slow.load()).to.equal(first);
    return first!.then(() => expect(calls).to.equal(1));
  });
});
