// Steps a person takes on the demo page, shared by the demo's walks: controls by role and accessible name (see
// byRole), text as read through the widgets' shadow roots.
import type { ElementHandle } from 'puppeteer-core';
import { byRole, type Demo, type Name } from './harness.ts';

export function steps(demo: Demo) {
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

  return { press, openRow, pageText, seeText, typeInto, choose, signInFromSelect, signInFromOutbox, search, advanceDay, resetDemo };
}
