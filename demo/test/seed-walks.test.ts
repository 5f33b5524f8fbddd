// The source documents' flows on the demo page, each from a fresh page, as the people in them do it: seed 004 (the
// manager's bypass and the Temporary Access Pass automation), seed 002 (search by name and by resource, details,
// policy choice, questions, justification, specific period from Graph's "today", history, cancel with confirmation,
// resubmit), a two-stage approval with both approvers signed in from the outbox, escalation and time-out on the mock
// clock, direct links to a package, and every view at phone widths (also in German and right to left).
import { describe, expect, it } from 'vitest';
import { byRole, useDemo, type Name } from './harness.ts';
import { steps } from './steps.ts';

const demo = useDemo();
const { press, openRow, seeText, pageText, typeInto, choose, signInFromSelect, signInFromOutbox, search, advanceDay } = steps(demo);

const ALEX_ID = '10000000-0000-4000-8000-000000000006';
const CUSTOMER_DATA_EXPORT = '40000000-0000-4000-8000-000000000003';

/** What Graph holds, read as the admin through the page's mock (a check behind the UI, not a step of the person's). */
async function graphAsAdmin<T>(path: string): Promise<T> {
  return demo.page.evaluate(async (graphPath) => {
    const token = await (
      await fetch('/_mock/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: 'admin@contoso.com' }) })
    ).json();
    return (await fetch(`/v1.0${graphPath}`, { headers: { authorization: `Bearer ${token.access_token}` } })).json();
  }, path) as Promise<T>;
}

const checked = async (role: string, name: Name) => (await byRole(demo.page, role, name)).evaluate((el) => (el as HTMLInputElement).checked);
const valueOf = async (role: string, name: string) => (await byRole(demo.page, role, name)).evaluate((el) => (el as HTMLInputElement).value);

describe('the seed flows on the demo page', () => {
  it('seed 004: Lee requests a Temporary Access Pass for Alex, approves it himself, the automation issues the pass and texts Alex', async () => {
    await demo.walk('seed-004', async () => {
      await demo.openDemo();
      await demo.settled();
      await search('Temporary');
      await openRow('Access packages', 'Temporary Access Pass');
      await choose('Person', 'Alex');
      expect(await checked('checkbox', 'Approve it myself, as Alex Wilber’s manager')).toBe(true);
      await press('button', 'Submit request');
      await seeText('You approved it as Alex Wilber’s manager.');
      await seeText(/Text message to Alex Wilber: your Temporary Access Pass is \S+, valid for 60 minutes/);
      await seeText('Contoso Access Automation issued a Temporary Access Pass for Alex Wilber');
      const text = await pageText();
      expect(text).not.toContain("approve or deny Alex Wilber's request for Temporary Access Pass");
      const passes = await graphAsAdmin<{ value: { lifetimeInMinutes: number }[] }>(`/users/${ALEX_ID}/authentication/temporaryAccessPassMethods`);
      expect(passes.value).toHaveLength(1);
      expect(passes.value[0].lifetimeInMinutes).toBe(60);
    });
  }, 120_000);

  it('seed 002: Lynne finds a package by name and by resource, requests it for a period, cancels and resubmits it', async () => {
    await demo.walk('seed-002', async () => {
      await demo.openDemo();
      await signInFromSelect('lynne.robbins@contoso.com', 'Lynne Robbins');
      await search('Budget');
      await byRole(demo.page, 'button', /^Budget Planning/, await byRole(demo.page, 'list', 'Access packages'));
      // "Marketing Hub" is a SharePoint site inside Marketing Campaigns.
      await search('Marketing Hub');
      await openRow('Access packages', 'Marketing Campaigns');
      await seeText(/Resources in this package.*Marketing Hub SharePoint site/);
      await byRole(demo.page, 'group', 'Choose a policy');
      await press('radio', /^Employees, manager approval/);
      await typeInto('textbox', 'Campaign code (for example MKT-1234)', 'MKT-7777');
      await typeInto('textbox', 'What will you work on in this campaign?', 'The spring launch plan');
      await typeInto('textbox', 'Business justification', 'Planning the EMEA launch');
      await press('switch', 'Request for specific period?');
      // "Today" is the mock's (Graph's Date header), 2 Nov 2026, whatever this computer's clock says.
      expect(await valueOf('date', 'Start date')).toBe('2026-11-02');
      await typeInto('date', 'End date', '11162026');
      expect(await valueOf('date', 'End date')).toBe('2026-11-16');
      await press('button', 'Submit request');
      await seeText('Request submitted');

      await press('button', 'View request history');
      await seeText(/Marketing Campaigns Pending approval .*Status Pending approval/);
      await seeText('Nov 2, 2026 to Nov 16, 2026');
      await press('button', 'Cancel request');
      const dialog = await byRole(demo.page, 'dialog', 'Cancel this request?');
      await press('button', 'Cancel request', dialog);
      await seeText(/Marketing Campaigns Canceled/);

      await press('button', 'Resubmit');
      await byRole(demo.page, 'heading', 'Marketing Campaigns');
      expect(await valueOf('textbox', 'Business justification')).toBe('Planning the EMEA launch');
      expect(await checked('radio', /^Employees, manager approval/)).toBe(true);
      await press('button', 'Submit request');
      await seeText('Request submitted');
    });
  }, 180_000);

  it('two stages: Adele asks for Budget Planning, Lee then Patti approve, each signed in from the outbox', async () => {
    await demo.walk('two-stage', async () => {
      await demo.openDemo();
      await signInFromSelect('adele.vance@contoso.com', 'Adele Vance');
      await search('Budget');
      await openRow('Access packages', 'Budget Planning');
      await typeInto('textbox', 'Business justification', 'Forecast for next quarter');
      await press('button', 'Submit request');
      await seeText('Request submitted');

      await signInFromOutbox('Lee Gu');
      await openRow('Requests waiting for your approval', 'Budget Planning For Adele Vance');
      await seeText('Stage 1 of 2');
      await press('button', 'Approve');
      await seeText('You approved this request.');

      await signInFromOutbox('Patti Fernandez');
      await openRow('Requests waiting for your approval', 'Budget Planning For Adele Vance');
      await seeText('Stage 2 of 2');
      await seeText(/Stage 1: approved by Lee Gu/);
      await press('button', 'Approve');
      await seeText('You approved this request.');

      await signInFromSelect('adele.vance@contoso.com', 'Adele Vance');
      await press('tab', 'Request history');
      await seeText(/Budget Planning Delivered/);
    });
  }, 180_000);

  it('the clock: an escalated request is marked, Advance 1 day keeps the approval open, a time-out reads as expired', async () => {
    await demo.walk('clock', async () => {
      await demo.openDemo();
      await signInFromSelect('nestor.wilke@contoso.com', 'Nestor Wilke');
      await openRow('Requests waiting for your approval', 'Production Support On-Call For Johanna Lorenz');
      await seeText('Escalated: the first approvers did not decide in time');
      await advanceDay();
      // Still open after the clock moved.
      await byRole(demo.page, 'heading', 'Production Support On-Call');
      await byRole(demo.page, 'button', 'Approve');
      for (let day = 0; day < 3; day++) await advanceDay();
      await seeText(/timedOut .*Johanna Lorenz/);

      await signInFromSelect('johanna.lorenz@contoso.com', 'Johanna Lorenz');
      await press('tab', 'Request history');
      await seeText(/Production Support On-Call Expired Nov \d+, 2026/);

      // Pradeep's Financial Reporting waited too long for Lee: it went to Miriam as well.
      await signInFromOutbox('Miriam Graham');
      const row = await byRole(demo.page, 'button', /^Financial Reporting For Pradeep Gupta/, await byRole(demo.page, 'list', 'Requests waiting for your approval'));
      expect(await row.evaluate((el) => el.textContent)).toContain('Escalated');
    });
  }, 180_000);

  it('#/access-packages/<id> opens that package, hidden ones too; an unknown one says so', async () => {
    await demo.walk('route', async () => {
      await demo.openDemo();
      await demo.page.evaluate((id) => (location.hash = `#/access-packages/${id}`), CUSTOMER_DATA_EXPORT);
      await byRole(demo.page, 'heading', 'Customer Data Export');
      await demo.page.evaluate(() => (location.hash = '#/access-packages/40000000-0000-4000-8000-999999999999'));
      await byRole(demo.page, 'heading', 'Access package not found');
      await press('button', 'Back to access packages');
      await byRole(demo.page, 'list', 'Access packages');
    });
  }, 120_000);

  it('at 320 and 375 px the page never scrolls sideways, in English, German and right to left', async () => {
    await demo.walk('narrow', async () => {
      const overflow = () => demo.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const check = async (view: string) => {
        for (const width of [320, 375]) {
          await demo.page.setViewport({ width, height: 900 });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(await overflow(), `${view} at ${width}px`).toBeLessThanOrEqual(0);
        }
      };
      await demo.page.setViewport({ width: 375, height: 900 });
      await demo.openDemo();
      await demo.settled();
      await check('the page');
      await search('Marketing');
      await openRow('Access packages', 'Marketing Campaigns');
      await press('radio', 'Someone else');
      await check('the request form');
      await signInFromSelect('nestor.wilke@contoso.com', 'Nestor Wilke');
      await openRow('Requests waiting for your approval', 'Production Support On-Call');
      await check('an opened approval');
      await signInFromSelect('adele.vance@contoso.com', 'Adele Vance');
      await press('tab', 'Request history');
      await press('button', 'Marketing Campaigns');
      await check('an opened history entry');
      const language = await byRole(demo.page, 'combobox', 'Language');
      await language.select('de');
      const direction = await byRole(demo.page, 'combobox', 'Direction');
      await direction.select('rtl');
      await seeText('Anforderungsverlauf');
      await check('history in German, right to left');
      await demo.page.setViewport({ width: 1400, height: 1000 });
    });
  }, 180_000);
});
