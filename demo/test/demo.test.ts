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
  it('has an Administration area for the admin: a package created there is requestable by Adele without a reload', async () => {
    await demo.walk('admin', async () => {
      await demo.openDemo();
      // A mark on this document: it must still be there at the end, so nothing reloaded the page.
      await demo.page.evaluate(() => ((window as unknown as { adminFlowMark: boolean }).adminFlowMark = true));
      await demo.signInAs('admin@contoso.com', 'Contoso Admin');
      expect(await demo.textOf('#admin-heading')).toBe('Administration');
      await demo.fill('access-package-editor >>> #name', 'Demo Onboarding Kit');
      await demo.click('access-package-editor >>> input[name="catalog-mode"][value="new"]');
      await demo.fill('access-package-editor >>> #new-catalog-name', 'Demo Catalog');
      await demo.click('access-package-editor >>> button[part~="next-button"]');
      await demo.click('access-package-editor >>> button[part~="next-button"]');
      await demo.fill('access-package-editor >>> #policy-name', 'All employees');
      for (let step = 0; step < 4; step++) await demo.click('access-package-editor >>> button[part~="next-button"]');
      await demo.click('access-package-editor >>> button[part~="create-button"]');
      await demo.page.waitForSelector('#events li[data-event="package-created"]');
      expect(await demo.textOf('access-package-editor >>> [part~="result"]')).toContain('Demo Onboarding Kit is ready in the catalog Demo Catalog.');

      // Adele Vance, same page, same in-page mock: the new package is in her catalogue and she requests it.
      await signInFromSelect('adele.vance@contoso.com', 'Adele Vance');
      expect(await demo.page.$eval('#administration', (el) => (el as HTMLElement).hidden)).toBe(true);
      await search('Onboarding');
      await openRow('Access packages', 'Demo Onboarding Kit');
      await press('button', 'Submit request');
      await seeText('Your request for Demo Onboarding Kit for you was submitted.');
      expect(await demo.page.evaluate(() => (window as unknown as { adminFlowMark?: boolean }).adminFlowMark)).toBe(true);
      await demo.settled();
    });
  }, 120_000);
});
