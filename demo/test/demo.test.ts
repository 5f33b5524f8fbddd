// End to end through the demo intranet, as a person does it: controls are found by role and accessible name (or by
// visible text), through the widgets' shadow roots, with puppeteer's ARIA and text query handlers. The walks follow
// the source documents: seeds 000/001 (a manager's request on a report's behalf, the approver who sees "on behalf",
// Manage team), 002 (search, details, questions, period, history, cancel, resubmit, policy choice), 004 (the bypass
// and the Temporary Access Pass automation), a two-stage approval and escalation and time-out on the mock clock.
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { byRole, useDemo } from './harness.ts';
import { steps } from './steps.ts';

const demo = useDemo();
const { press, openRow, seeText, typeInto, choose, signInFromSelect, signInFromOutbox, search } = steps(demo);
const LEE = 'lee.gu@contoso.com';

describe('the demo intranet', () => {
  it('opens as Lee Gu, lists every person of the seed by name and role, and has language, theme and direction', async () => {
    await demo.walk('people', async () => {
      await demo.openDemo();
      expect(await demo.textOf('#status')).toBe('Signed in as Lee Gu (manager).');
      const select = await byRole(demo.page, 'combobox', 'Signed in as');
      const options = await select.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => [o.textContent, o.selected] as const));
      expect(options.find(([, selected]) => selected)?.[0]).toBe('Lee Gu (manager)');
      const names = options.map(([text]) => text ?? '');
      for (const person of ['Patti Fernandez', 'Miriam Graham', 'Nestor Wilke', 'Grady Archie', 'Diego Siciliani', 'Adele Vance', 'Megan Bowen', 'Joni Sherman', 'Johanna Lorenz']) {
        expect(names.some((name) => new RegExp(`^${person} \\(.+\\)$`).test(name)), person).toBe(true);
      }
      expect(names).toHaveLength(19);
      await byRole(demo.page, 'combobox', 'Language');
      await byRole(demo.page, 'combobox', 'Theme');
      const direction = await byRole(demo.page, 'combobox', 'Direction');
      await (direction as ElementHandle<HTMLSelectElement>).select('rtl');
      await demo.page.waitForFunction(() => getComputedStyle(document.querySelector('approval-inbox')!).direction === 'rtl');
      await (direction as ElementHandle<HTMLSelectElement>).select('ltr');
    });
  }, 120_000);

  it('seeds 000/001: Lee asks on Pradeep’s behalf, Diego sees “on behalf” and approves, Lee sees and removes it in Manage team', async () => {
    await demo.walk('on-behalf', async () => {
      await demo.openDemo();
      await demo.settled();
      await search('Marketing');
      await openRow('Access packages', 'Marketing Campaigns');
      await press('radio', 'Someone else');
      await choose('Person', 'Pradeep');
      // Lee is Pradeep's manager and so the approver; he leaves the decision to the fallback approver.
      await press('checkbox', 'Approve it myself, as Pradeep Gupta’s manager');
      await typeInto('textbox', 'Campaign code (for example MKT-1234)', 'MKT-2026');
      await typeInto('textbox', 'Business justification', 'Pradeep runs the EMEA launch campaign.');
      await press('button', 'Submit request');
      await seeText('Your request for Marketing Campaigns for Pradeep Gupta was submitted.');
      await seeText(/Action required: approve or deny Pradeep Gupta's request for Marketing Campaigns by \d+ Nov 2026, \d\d:\d\d UTC/);

      await signInFromOutbox('Diego Siciliani');
      await openRow('Requests waiting for your approval', 'Marketing Campaigns Lee Gu on behalf of Pradeep Gupta');
      await seeText('Lee Gu requested this on behalf of Pradeep Gupta.');
      await seeText('MKT-2026');
      await typeInto('textbox', 'Reason (optional)', 'Confirmed with Lee.');
      await press('button', 'Approve');
      await seeText('You approved this request.');

      await signInFromSelect(LEE, 'Lee Gu');
      await openRow('Your direct reports', 'Pradeep Gupta');
      const list = await byRole(demo.page, 'list', 'Access packages of Pradeep Gupta');
      const item = (await demo.page.waitForFunction(
        (el) => [...el.querySelectorAll('[role="listitem"]')].find((li) => li.textContent?.includes('Marketing Campaigns') && li.textContent.includes('Delivered')),
        {},
        list,
      )) as ElementHandle<Element>;
      const remove = await demo.page.waitForFunction(
        (li) => [...li.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove access' && !b.disabled),
        {},
        item,
      );
      await (remove.asElement() as ElementHandle<HTMLElement>).click();
      const dialog = await byRole(demo.page, 'dialog', 'Remove access?');
      await typeInto('textbox', 'Reason (optional)', 'Campaign is over', dialog);
      await press('button', 'Remove access', dialog);
      await seeText('Access removed.');
    });
  }, 180_000);
});
