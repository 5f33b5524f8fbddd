// Extending access (issue 16): one's own without approval (Sales Pipeline) and with approval (Marketing Campaigns:
// the manager sees an extension with the old and new end dates and approves), the policy's bounds at the field,
// a failed send that keeps what was typed, the action unavailable with its reason, and a manager extending a
// report's access from <manage-team>.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/my-access.ts';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../../src/manage-team/manage-team.ts';
import type { MyAccess } from '../../src/my-access/my-access.ts';
import { clientFor, engine, idOf, requestsFor, resetMock } from './support/mock.ts';
import { activate, dayFromToday, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, textContent, typeDate, typeInto } from './support/ui.ts';
import { replaceText } from './support/editor.ts';
import { asPerson } from './support/widgets.ts';

const medium = (date: Date | string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(date));
const dayOf = (yyyyMmDd: string) => {
  const [y, m, d] = yyyyMmDd.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

/** The new end date field once the form has loaded (a date field has no ARIA role of its own to find it by). */
async function dateField(dialog: HTMLElement): Promise<HTMLInputElement> {
  await waitUntil(() => !!(dialog.querySelector('input[type=date]') as HTMLInputElement | null)?.value, 'the date is filled in');
  const date = dialog.querySelector('input[type=date]') as HTMLInputElement;
  expect(date.labels?.[0]?.textContent?.trim()).to.match(/^New end date/);
  return date;
}

async function activeRow(root: Element, list: string, packageName: string): Promise<HTMLElement> {
  await findByRole(root, 'list', { name: list });
  let row: HTMLElement | undefined;
  await waitUntil(() => {
    row = queryAllByRole(root, 'listitem').find((r) => textContent(r).startsWith(packageName));
    return !!row && queryAllByRole(row, 'button', { name: 'Extend' }).length > 0;
  }, `a row for ${packageName} with Extend`);
  return row as HTMLElement;
}

describe('extending access', () => {
  beforeEach(() => resetMock());

  it('Adele extends Sales Pipeline to the latest day its policy allows, without approval; the new end date shows', async () => {
    const mine = await asPerson<MyAccess>('adele', html`<my-access></my-access>`);
    const row = await activeRow(mine, 'Your active access packages', 'Sales Pipeline');
    const extend = getByRole(row, 'button', { name: 'Extend' });
    await activate(extend);
    const dialog = await findByRole(mine, 'dialog', { name: 'Extend your access to Sales Pipeline' });
    const date = await dateField(dialog);
    // The policy gives 180 days from now; the field offers that day, which is its latest.
    expect(date.value).to.equal(dayFromToday(180));
    expect(date.max).to.equal(dayFromToday(180));
    // The earlier answer is shown (the region question is not editable in an update).
    expect(textContent(dialog)).to.contain('Which sales region do you work in? EMEA');
    await expect(mine).to.be.accessible();
    await activate(getByRole(dialog, 'button', { name: 'Extend access' }));
    await findText(dialog, `Access extended until ${medium(dayOf(dayFromToday(180)))}.`);
    await activate(getByRole(dialog, 'button', { name: 'Close' }));
    // The list is read again after the dialog closes.
    await waitUntil(
      () => queryAllByRole(mine, 'listitem').some((r) => textContent(r).startsWith('Sales Pipeline') && textContent(r).includes(`Until ${medium(dayOf(dayFromToday(180)))}`)),
      'the row shows the new end date',
    );
    const [update] = (await requestsFor('Sales Pipeline', 'adele')).filter((r) => r.requestType === 'userUpdate');
    expect(update.state).to.equal('delivered');
  });

  it('a date past the policy limit is refused at the field; a failed send keeps the date and justification', async () => {
    const m = await resetMock();
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    const row = await activeRow(mine, 'Your active access packages', 'Marketing Campaigns');
    await activate(getByRole(row, 'button', { name: 'Extend' }));
    const dialog = await findByRole(mine, 'dialog', { name: 'Extend your access to Marketing Campaigns' });
    const date = await dateField(dialog);
    date.value = '';
    await typeDate(date, dayFromToday(45));
    await activate(getByRole(dialog, 'button', { name: 'Request extension' }));
    await findText(dialog, `The end date can be ${medium(dayOf(dayFromToday(30)))} at the latest.`);
    await findText(dialog, 'Enter a business justification.');
    expect(deepActiveElement()).to.equal(date);

    date.value = '';
    await typeDate(date, dayFromToday(28));
    await typeInto(getByRole(dialog, 'textbox', { name: /Business justification/ }), 'Campaign runs longer');
    m.faults.configure({ failRate: 1 });
    await activate(getByRole(dialog, 'button', { name: 'Request extension' }));
    await findText(dialog, 'The extension was not requested.');
    m.faults.clear();
    expect(date.value).to.equal(dayFromToday(28));
    expect((getByRole(dialog, 'textbox', { name: /Business justification/ }) as HTMLTextAreaElement).value).to.equal('Campaign runs longer');
    expect((await requestsFor('Marketing Campaigns', 'alex')).filter((r) => r.requestType === 'userUpdate')).to.have.length(0);
  });

  it('Alex asks to extend Marketing Campaigns; Lee sees an extension with the old and new end dates and approves; the new end shows', async () => {
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    const row = await activeRow(mine, 'Your active access packages', 'Marketing Campaigns');
    const oldEnd = /Until (\w+ \d+, \d{4})/.exec(textContent(row))?.[1];
    await activate(getByRole(row, 'button', { name: 'Extend' }));
    const dialog = await findByRole(mine, 'dialog', { name: 'Extend your access to Marketing Campaigns' });
    await findText(dialog, 'An approver decides on the extension before the new end date applies.');
    // The editable question comes back with the earlier answer; the campaign code (not editable) is shown as given.
    const plan = getByRole(dialog, 'textbox', { name: /What will you work on/ }) as HTMLTextAreaElement;
    expect(plan.value).to.equal('Launch e-mails and the landing page.');
    expect(textContent(dialog)).to.contain('MKT-2041');
    await replaceText(plan, 'Spring follow-up');
    await typeInto(getByRole(dialog, 'textbox', { name: /Business justification/ }), 'Campaign runs longer');
    await activate(getByRole(dialog, 'button', { name: 'Request extension' }));
    await findText(dialog, 'Extension requested. It waits for approval; the new end date applies once it is approved.');
    await activate(getByRole(dialog, 'button', { name: 'Close' }));

    const lee = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
    await activate(await findByRole(lee, 'button', { name: /^Marketing Campaigns For Alex Wilber/ }));
    await findText(lee, 'Extension: Alex Wilber already has this access and asks to keep it longer.');
    const facts = textContent(lee);
    const newEnd = medium(dayOf(dayFromToday(30)));
    expect(facts).to.contain(`Access ends now ${oldEnd}`);
    expect(facts).to.contain(`New end date asked for ${newEnd}`);
    await expect(lee).to.be.accessible();
    await activate(await findByRole(lee, 'button', { name: 'Approve' }));
    await findText(lee, 'You approved this request.');
    const [update] = (await requestsFor('Marketing Campaigns', 'alex')).filter((r) => r.requestType === 'userUpdate');
    expect(update.answers?.map((a) => (a as { value?: string }).value)).to.include('Spring follow-up');

    const again = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    const updated = await activeRow(again, 'Your active access packages', 'Marketing Campaigns');
    expect(textContent(updated)).to.contain(`Until ${newEnd}`);
  });

  it('Extend is unavailable, with the reason, where the policy does not allow it', async () => {
    const mine = await asPerson<MyAccess>('grady', html`<my-access></my-access>`);
    const row = await activeRow(mine, 'Your active access packages', 'Build Agents Admin');
    expect(getByRole(row, 'button', { name: 'Extend' }).hasAttribute('disabled')).to.equal(true);
    expect(textContent(row)).to.contain('It has no end date, so there is nothing to extend.');
  });

  it('Lee extends Pradeep’s Sales Pipeline from Manage team', async () => {
    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    await activate(await findByRole(team, 'button', { name: /^Pradeep Gupta/ }));
    const row = await activeRow(team, 'Access packages of Pradeep Gupta', 'Sales Pipeline');
    await activate(getByRole(row, 'button', { name: 'Extend' }));
    const dialog = await findByRole(team, 'dialog', { name: 'Extend Pradeep Gupta’s access to Sales Pipeline' });
    await dateField(dialog);
    await expect(team).to.be.accessible();
    await activate(getByRole(dialog, 'button', { name: 'Extend access' }));
    await findText(dialog, `Access extended until ${medium(dayOf(dayFromToday(180)))}.`);
    const [update] = (await requestsFor('Sales Pipeline', 'pradeep')).filter((r) => r.requestType === 'userUpdate');
    expect(update.state).to.equal('delivered');
  });
});

describe('the expiry reminder link', () => {
  beforeEach(() => resetMock());

  it('the 14-day reminder names the assignment, and the form opens for it (extend-assignment-id)', async () => {
    const e = await engine();
    const alex = await idOf('alex');
    const [asg] = (await (await clientFor('alex')).listMyAssignments().toArray()).filter((a) => a.accessPackage?.displayName === 'Marketing Campaigns');
    const mine = await asPerson<MyAccess>('alex', html`<my-access></my-access>`);
    await findByRole(mine, 'list', { name: 'Your active access packages' });
    // As the demo's route sets it when the reminder's link is followed.
    mine.setAttribute('extend-assignment-id', asg.id ?? '');
    const dialog = await findByRole(mine, 'dialog', { name: 'Extend your access to Marketing Campaigns' });
    await dateField(dialog);
    await activate(getByRole(dialog, 'button', { name: 'Cancel' }));
    // Marketing Campaigns ends in 21 days: 8 days on, the 14-day reminder goes out and names it.
    e.advance('P8D');
    const reminder = e.outbox().find((m) => m.kind === 'expiring' && m.to.includes(alex) && m.subject.includes('Marketing Campaigns'));
    expect(reminder?.assignmentId).to.equal(asg.id);
  });

  it('for an assignment the policy does not let its holder extend, says why instead of a form', async () => {
    const [asg] = (await (await clientFor('grady')).listMyAssignments().toArray()).filter((a) => a.accessPackage?.displayName === 'Build Agents Admin');
    const mine = await asPerson<MyAccess>('grady', html`<my-access extend-assignment-id=${asg.id ?? ''}></my-access>`);
    const dialog = await findByRole(mine, 'dialog', { name: 'Extend your access to Build Agents Admin' });
    await findText(dialog, 'It has no end date, so there is nothing to extend.');
    expect(dialog.querySelector('form')).to.equal(null);
  });
});
