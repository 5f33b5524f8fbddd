// Flow 3: the employee Adele Vance requests Budget Planning for a specific period, finds it in her request
// history, cancels it, and resubmits it with the same justification and period.
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { requestsFor, resetMock } from './support/mock.ts';
import {
  activate,
  dayFromToday,
  deepActiveElement,
  findByRole,
  findText,
  getByRole,
  queryAllByRole,
  textContent,
  typeDate,
  typeInto,
} from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

const localDay = (iso: string | null | undefined) => {
  const d = new Date(iso ?? '');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

describe('flow 3: an employee requests for a specific period, cancels and resubmits', () => {
  beforeEach(() => resetMock());

  it('Adele requests Budget Planning from next week for two weeks, cancels it in history, and resubmits it', async () => {
    const start = dayFromToday(7);
    const end = dayFromToday(21);
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);

    await typeInto(await findByRole(pane, 'searchbox', { name: 'Search access packages' }), 'Budget');
    await activate(await findByRole(pane, 'button', { name: /^Budget Planning/ }));
    const justification = await findByRole(pane, 'textbox', { name: 'Business justification' });
    await typeInto(justification, 'Q1 planning for the sales region');
    const period = getByRole(pane, 'switch', { name: 'Request for specific period?' });
    await activate(period);
    expect((period as HTMLInputElement).checked).to.equal(true);
    await typeDate((await findByRole(pane, 'date', { name: 'Start date' })) as HTMLInputElement, start);
    await typeDate(getByRole(pane, 'date', { name: 'End date' }) as HTMLInputElement, end);
    expect((getByRole(pane, 'date', { name: 'Start date' }) as HTMLInputElement).value).to.equal(start);
    expect((getByRole(pane, 'date', { name: 'End date' }) as HTMLInputElement).value).to.equal(end);
    await expect(pane).to.be.accessible();

    const submitted = oneEvent(pane, 'request-submitted');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    const first = (await submitted).detail;
    await findByRole(pane, 'heading', { name: 'Request submitted' });
    const [stored] = await requestsFor('Budget Planning', 'adele');
    expect(stored.id).to.equal(first.id);
    expect(stored.state).to.equal('pendingApproval');
    expect(localDay(stored.schedule?.startDateTime)).to.equal(start);
    expect(localDay(stored.schedule?.expiration?.endDateTime)).to.equal(end);

    // Request history: the request, pending, with its period.
    await activate(getByRole(pane, 'button', { name: 'View request history' }));
    expect(deepActiveElement()).to.equal(getByRole(pane, 'tab', { name: 'Request history' }));
    const disclosure = await findByRole(pane, 'button', { name: 'Budget Planning' });
    const row = () => queryAllByRole(pane, 'listitem').find((li) => textContent(li).startsWith('Budget Planning'))!;
    expect(textContent(row())).to.contain('Pending approval');
    // The request just submitted is the one shown opened.
    expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
    const format = (day: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00`));
    expect(textContent(row())).to.contain(`${format(start)} to ${format(end)}`);
    await expect(pane).to.be.accessible();

    // Cancel asks first; keeping the request changes nothing and focus returns to the button.
    const cancel = getByRole(row(), 'button', { name: 'Cancel request' });
    await activate(cancel);
    let dialog = await findByRole(pane, 'dialog', { name: 'Cancel this request?' });
    expect(deepActiveElement()).to.equal(getByRole(dialog, 'button', { name: 'Keep the request' }));
    await expect(pane).to.be.accessible();
    await activate(getByRole(dialog, 'button', { name: 'Keep the request' }));
    await waitUntil(() => queryAllByRole(pane, 'dialog').length === 0);
    await waitUntil(() => deepActiveElement() === cancel, 'focus did not return to Cancel request');
    expect((await requestsFor('Budget Planning', 'adele'))[0].state).to.equal('pendingApproval');
    await activate(cancel);
    dialog = await findByRole(pane, 'dialog', { name: 'Cancel this request?' });
    const canceled = oneEvent(pane, 'request-canceled');
    await activate(getByRole(dialog, 'button', { name: 'Cancel request' }));
    expect((await canceled).detail.state).to.equal('canceled');
    await waitUntil(() => queryAllByRole(pane, 'dialog').length === 0);
    await findText(row(), 'Canceled');
    expect((await requestsFor('Budget Planning', 'adele'))[0].state).to.equal('canceled');

    // Resubmit: the form comes back with the justification and the period as they were.
    await activate(await findByRole(row(), 'button', { name: 'Resubmit' }));
    await findByRole(pane, 'heading', { name: 'Budget Planning' });
    expect(((await findByRole(pane, 'textbox', { name: 'Business justification' })) as HTMLTextAreaElement).value).to.equal('Q1 planning for the sales region');
    expect((getByRole(pane, 'switch', { name: 'Request for specific period?' }) as HTMLInputElement).checked).to.equal(true);
    expect((getByRole(pane, 'date', { name: 'Start date' }) as HTMLInputElement).value).to.equal(start);
    expect((getByRole(pane, 'date', { name: 'End date' }) as HTMLInputElement).value).to.equal(end);
    const resubmitted = oneEvent(pane, 'request-submitted');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    const second = (await resubmitted).detail;
    await findByRole(pane, 'heading', { name: 'Request submitted' });

    const all = await requestsFor('Budget Planning', 'adele');
    expect(all.map((r) => r.state).sort()).to.deep.equal(['canceled', 'pendingApproval']);
    const again = all.find((r) => r.id === second.id)!;
    expect(again.justification).to.equal('Q1 planning for the sales region');
    expect(localDay(again.schedule?.startDateTime)).to.equal(start);
    expect(localDay(again.schedule?.expiration?.endDateTime)).to.equal(end);

    // Both are in the history: the canceled one and the new pending one. The canceled one no longer offers a
    // resubmit (the new request is open, so a second would be refused).
    await activate(getByRole(pane, 'button', { name: 'View request history' }));
    await findText(pane, /Budget Planning Pending approval.*Budget Planning Canceled/);
    expect(queryAllByRole(pane, 'button', { name: 'Resubmit' })).to.have.length(0);
  });
});
