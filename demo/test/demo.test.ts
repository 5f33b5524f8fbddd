// End to end through the demo intranet, as a person does it: controls are found by role and accessible name (or by
// visible text), through the widgets' shadow roots, with puppeteer's ARIA and text query handlers. The walks follow
// the source documents: seeds 000/001 (a manager's request on a report's behalf, the approver who sees "on behalf",
// Manage team), 002 (search, details, questions, period, history, cancel, resubmit, policy choice), 004 (the bypass
// and the Temporary Access Pass automation), a two-stage approval and escalation and time-out on the mock clock.
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { byRole, useDemo, type Name } from './harness.ts';

const demo = useDemo();
const LEE = 'lee.gu@contoso.com';

/** Clicks the control with this role and name (inside `within`), as a pointer user does. */
async function press(role: string, name: Name, within?: ElementHandle<Element>): Promise<void> {
  await (await byRole(demo.page, role, name, within)).click();
}

/** A list row: the button whose text starts with `text`, inside the list named `list`. */
async function openRow(list: string, text: string): Promise<void> {
  await press('button', new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), await byRole(demo.page, 'list', list));
}

async function pageText(): Promise<string> {
  return demo.page.evaluate(() => {
    // A host's shadow content, then its own children (a provider slots the widgets it holds).
    const read = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : `${node instanceof Element && node.shadowRoot ? read(node.shadowRoot) : ''} ${[...node.childNodes].map(read).join(' ')}`;
    return read(document.body).replace(/\s+/g, ' ');
  });
}

/** Waits until the page's text (shadow roots included) has `text`. */
async function seeText(text: string | RegExp): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await pageText();
    if (typeof text === 'string' ? now.includes(text) : text.test(now)) return;
    if (Date.now() > deadline) throw new Error(`Never saw ${String(text)}. The page says: ${now.slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Types into a field by role and name with real key presses. */
async function typeInto(role: string, name: Name, text: string, within?: ElementHandle<Element>): Promise<void> {
  const field = await byRole(demo.page, role, name, within);
  await field.focus();
  await demo.page.keyboard.type(text);
}

/** Picks an option of a closed select by typing its start, as a keyboard user does. */
async function choose(comboboxName: string, typed: string): Promise<void> {
  await typeInto('combobox', comboboxName, typed);
}

async function signInFromSelect(upn: string, name: string): Promise<void> {
  await demo.signInAs(upn, name);
}

async function signInFromOutbox(name: string): Promise<void> {
  await demo.settled();
  await press('button', `Sign in as ${name}`);
  await demo.page.waitForFunction(
    (expected) => document.documentElement.dataset.demo === 'ready' && document.getElementById('status')?.textContent?.startsWith(`Signed in as ${expected}`),
    {},
    name,
  );
  await demo.settled();
}

async function search(text: string): Promise<void> {
  const box = await byRole(demo.page, 'searchbox', 'Search access packages');
  await box.click({ count: 3 });
  await demo.page.keyboard.press('Backspace');
  await box.type(text);
  // Graph is asked once the typing pauses; then the list is the search's.
  await new Promise((resolve) => setTimeout(resolve, 600));
  await demo.settled();
}

async function advanceDay(): Promise<void> {
  await demo.settled();
  await press('button', 'Advance 1 day');
  await demo.page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Moved the mock clock on by one day'));
  await demo.settled();
}

async function resetDemo(): Promise<void> {
  await demo.settled();
  await press('button', 'Reset demo');
  await demo.page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('The demo is back at the contoso seed'));
  await demo.settled();
}

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
    expect(demo.problems).toEqual([]);
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
    expect(demo.problems).toEqual([]);
  }, 180_000);
});
