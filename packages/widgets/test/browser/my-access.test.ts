// <my-access> (issue 16): an employee's active access with its end date, removing their own (where the policy lets
// them; otherwise the action is unavailable with the reason), an expired package requested again with the earlier
// answers, and its loading, empty, error, German, right-to-left and narrow states.
import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/my-access.ts';
import type { MyAccess } from '../../src/my-access/my-access.ts';
import { engine, requestsFor, resetMock } from './support/mock.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, queryByRole, textContent, typeInto } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

const rowOf = async (root: MyAccess, list: string, packageName: string) => {
  const rows = queryAllByRole(await findByRole(root, 'list', { name: list }), 'listitem');
  const row = rows.find((r) => textContent(r).startsWith(packageName));
  if (!row) throw new Error(`no row for ${packageName} in ${rows.map(textContent).join(' | ')}`);
  return row;
};

describe('my access', () => {
  beforeEach(() => resetMock());

  it('Alex sees Marketing Campaigns active until its end date, with its policy, and removes it after confirming', async () => {
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    const row = await rowOf(mine, 'Your active access packages', 'Marketing Campaigns');
    const end = new Date(Date.now() + 21 * 24 * 3600 * 1000);
    expect(textContent(row)).to.contain('Delivered');
    expect(textContent(row)).to.contain(`Until ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(end)}`);
    expect(textContent(row)).to.contain('Policy: Employees, manager approval');
    expect(textContent(row)).not.to.contain('Expires soon');
    await waitUntil(() => textContent(row).includes('Resources: Marketing Campaign Contributors ('), 'the resources appear');
    expect(textContent(row)).to.contain('Marketing Hub (');
    await expect(mine).to.be.accessible();

    const remove = getByRole(row, 'button', { name: 'Remove my access' });
    await activate(remove);
    const dialog = await findByRole(mine, 'dialog', { name: 'Remove your access?' });
    // The safe choice has focus first; keeping the access closes the dialog and gives focus back.
    await waitUntil(() => deepActiveElement() === getByRole(dialog, 'button', { name: 'Keep my access' }));
    await activate(getByRole(dialog, 'button', { name: 'Keep my access' }));
    await waitUntil(() => deepActiveElement() === remove);
    await activate(remove);
    await typeInto(await findByRole(mine, 'textbox', { name: 'Reason (optional)' }), 'Campaign is over');
    await activate(getByRole(await findByRole(mine, 'dialog', { name: 'Remove your access?' }), 'button', { name: 'Remove my access' }));
    await findText(mine, /Access removed\.|Removal requested/);
    const [removal] = (await requestsFor('Marketing Campaigns', 'alex')).filter((r) => r.requestType === 'userRemove');
    expect(removal.justification).to.equal('Campaign is over');
  });

  it('Grady cannot remove access his policy does not let him remove, and is told why', async () => {
    const mine = await asPerson<MyAccess>('grady', html`<my-access></my-access>`);
    const row = await rowOf(mine, 'Your active access packages', 'Build Agents Admin');
    const remove = getByRole(row, 'button', { name: 'Remove my access' });
    expect(remove.hasAttribute('disabled')).to.equal(true);
    expect(textContent(row)).to.contain('The policy of this access package does not let you remove it yourself.');
    expect(textContent(row)).to.contain('No end date');
  });

  it('marks access that ends within 14 days', async () => {
    (await engine()).advance('P10D');
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    expect(textContent(await rowOf(mine, 'Your active access packages', 'Marketing Campaigns'))).to.contain('Expires soon');
  });

  it('an expired package is requested again with the earlier answers and justification', async () => {
    (await engine()).advance('P22D');
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    await findText(mine, 'You have no active access packages.');
    await activate(getByRole(mine, 'tab', { name: 'Expired' }));
    const row = await rowOf(mine, 'Your expired access packages', 'Marketing Campaigns');
    expect(textContent(row)).to.match(/Ended \w+ \d+, \d{4}/);
    await activate(getByRole(row, 'button', { name: 'Request again' }));
    const dialog = await findByRole(mine, 'dialog', { name: 'Request Marketing Campaigns again' });
    const code = (await findByRole(dialog, 'textbox', { name: /Campaign code/ })) as HTMLInputElement;
    expect(code.value).to.equal('MKT-2041');
    const justification = getByRole(dialog, 'textbox', { name: 'Business justification' }) as HTMLTextAreaElement;
    expect(justification.value).to.equal('Helping with the winter campaign.');
    await activate(getByRole(dialog, 'button', { name: 'Submit request' }));
    await findByRole(dialog, 'heading', { name: 'Request submitted' });
    const [again] = await requestsFor('Marketing Campaigns', 'alex');
    expect(again.state).to.not.equal('delivered');
    expect(again.justification).to.equal('Helping with the winter campaign.');
  });

  it('shows loading, then an empty list, and an error with a retry that reads again', async () => {
    const m = await resetMock();
    const mine = await asPerson<MyAccess>('megan', html`<my-access></my-access>`);
    await findText(mine, 'You have no active access packages.');
    await activate(getByRole(mine, 'tab', { name: 'Expired' }));
    await findText(mine, 'None of your access packages has expired.');

    m.faults.configure({ failRate: 1 });
    const failing = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    const alert = await findByRole(failing, 'alert');
    expect(textContent(alert)).to.contain('Could not load.');
    m.faults.clear();
    await activate(getByRole(alert, 'button', { name: 'Try again' }));
    await rowOf(failing, 'Your active access packages', 'Marketing Campaigns');
  });

  it('reads in German, right to left, at 320 px without sideways scrolling', async () => {
    document.documentElement.dir = 'rtl';
    try {
      await setViewport({ width: 320, height: 800 });
      const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`, { locale: 'de' });
      const row = await rowOf(mine, 'Ihre aktiven Zugriffspakete', 'Marketing Campaigns');
      expect(textContent(row)).to.contain('Richtlinie: Employees, manager approval');
      expect(queryByRole(row, 'button', { name: 'Meinen Zugriff entfernen' })).to.exist;
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      await expect(mine).to.be.accessible();
    } finally {
      document.documentElement.dir = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('my access: suggestions', () => {
  beforeEach(() => resetMock());

  it('Adele sees packages people she works with have, with the reason in words, and opens one to request it', async () => {
    const mine = await asPerson<MyAccess>('adele', html`<my-access></my-access>`);
    await activate(getByRole(mine, 'tab', { name: 'Suggested' }));
    const list = await findByRole(mine, 'list', { name: 'Access packages suggested for you' });
    // A row holds the package, its reasons (a list of their own) and its button.
    const rows = queryAllByRole(list, 'listitem').filter((r) => queryAllByRole(r, 'button').length > 0);
    const texts = rows.map(textContent);
    const row = rows[texts.findIndex((t) => /people you work with have this|1 person you work with has this/.test(t))];
    expect(row, texts.join(' | ')).to.exist;
    await expect(mine).to.be.accessible();
    const open = queryAllByRole(row, 'button')[0];
    const name = textContent(open).replace(/^Request /, '');
    await activate(open);
    const dialog = await findByRole(mine, 'dialog', { name: `Request ${name}` });
    await findByRole(dialog, 'heading', { name });
    await activate(getByRole(dialog, 'button', { name: 'Close' }));
    await waitUntil(() => deepActiveElement() === open);
  });

  it('Alex, whose Marketing Campaigns ended, is told he had it once, on the day it started', async () => {
    (await engine()).advance('P22D');
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`, { locale: 'de' });
    await activate(getByRole(mine, 'tab', { name: 'Vorgeschlagen' }));
    const list = await findByRole(mine, 'list', { name: 'Für Sie vorgeschlagene Zugriffspakete' });
    const row = queryAllByRole(list, 'listitem').find((r) => textContent(r).startsWith('Marketing Campaigns'));
    expect(row, textContent(list)).to.exist;
    expect(textContent(row as HTMLElement)).to.match(/Sie hatten dies einmal, am \d+\.\d+\.\d{4}/);
  });
});
