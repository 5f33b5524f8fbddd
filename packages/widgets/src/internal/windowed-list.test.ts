import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { staticList, type ListSource } from '../controllers/paged-controller.ts';
import { shared } from '../styles/shared.ts';
import { EkElement } from './ek-element.ts';

interface Item {
  id: string;
}

class WindowedListProbe extends EkElement {
  static override styles = shared;
  source: ListSource<Item> = staticList(Array.from({ length: 10_000 }, (_, i) => ({ id: `item-${String(i)}` })));
  override render() {
    return this.renderList(this.source, { label: 'Items', key: (item) => item.id, renderItem: (item) => html`<button type="button" class="row">${item.id}</button>` });
  }
}
customElements.define('windowed-list-probe', WindowedListProbe);

describe('windowed list', () => {
  it('keeps at most 100 rows in the DOM for 10,000 items, with list semantics, and follows the scroll position', async () => {
    const el = await fixture<WindowedListProbe>(fixtureHtml`<windowed-list-probe locale="en"></windowed-list-probe>`);
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role=list]')!;
    const rows = () => [...list.querySelectorAll<HTMLElement>(':scope > [role=listitem]')];
    expect(list.getAttribute('aria-label')).to.equal('Items');
    expect(rows().length).to.be.within(1, 100);
    expect(rows()[0].getAttribute('aria-posinset')).to.equal('1');
    expect(rows()[0].getAttribute('aria-setsize')).to.equal('10000');
    expect(list.scrollHeight).to.be.greaterThan(10_000 * 20);

    // Whatever the scroll position, rows fill the visible part of the scroller.
    const inView = () => {
      const box = list.getBoundingClientRect();
      return rows().some((r) => {
        const rect = r.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom;
      });
    };
    list.scrollTop = list.scrollHeight / 2;
    await waitUntil(() => Number(rows()[0].getAttribute('aria-posinset')) > 3000 && inView(), 'the middle rows never rendered');
    expect(rows().length).to.be.at.most(100);

    list.scrollTop = list.scrollHeight;
    await waitUntil(() => rows().some((r) => r.getAttribute('aria-posinset') === '10000'), 'the last row never rendered');
    expect(rows().length).to.be.at.most(100);
  });

  it('keeps a focused row focused while a scroll moves the window', async () => {
    const el = await fixture<WindowedListProbe>(fixtureHtml`<windowed-list-probe locale="en"></windowed-list-probe>`);
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role=list]')!;
    const button = [...list.querySelectorAll('button')].find((b) => b.textContent === 'item-12')!;
    button.focus();
    list.scrollTop = 1000;
    await waitUntil(() => !list.querySelector('[aria-posinset="1"]'), 'the window never moved');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('item-12');
  });
});
