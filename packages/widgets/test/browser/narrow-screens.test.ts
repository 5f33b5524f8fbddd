// Every view of every widget at phone widths (320 and 375 CSS px): nothing sticks out sideways, so the page never
// scrolls horizontally, and values (e-mail addresses, long names) wrap at sensible points instead of one letter per
// line. Also in German (longer words) and right to left.
import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../../src/manage-team/manage-team.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { fillMarketingForLynne } from './support/flows.ts';
import { resetMock } from './support/mock.ts';
import { activate, allElements, deepActiveElement, findByRole, findText, getByRole, queryAllByRole } from './support/ui.ts';
import { asPerson, ignoreResizeObserverLoop } from './support/widgets.ts';

const WIDTHS = [320, 375];

/** What sticks out of the viewport, or is squeezed so narrow that text breaks letter by letter. */
function layoutProblems(root: Element): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - width}px`);
  for (const el of allElements(root)) {
    if (!(el as HTMLElement).checkVisibility?.() || el.closest('.visually-hidden')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    const label = `<${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (box.right > width + 0.5 || box.left < -0.5) problems.push(`${label} spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
    // A box holding text that is narrower than a few characters breaks words letter by letter.
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 3);
    if (ownText && box.width < 48) problems.push(`${label} is only ${Math.round(box.width)}px wide`);
  }
  return problems;
}

async function checkAtEveryWidth(root: Element, view: string): Promise<void> {
  for (const width of WIDTHS) {
    await setViewport({ width, height: 800 });
    // Layout after a viewport change (and content read on demand) can settle a few frames late on a loaded machine:
    // look again for up to 2 s, so only a layout that stays broken fails.
    let problems: string[] = [];
    for (const end = performance.now() + 2000; ; ) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      problems = layoutProblems(root);
      if (problems.length === 0 || performance.now() > end) break;
    }
    expect(problems, `${view} at ${width}px`).to.deep.equal([]);
  }
}

describe('narrow screens: no horizontal overflow in any view', () => {
  let stopIgnoring: () => void;
  before(() => {
    document.body.style.margin = '0';
  });
  beforeEach(async () => {
    stopIgnoring = ignoreResizeObserverLoop();
    await resetMock();
    await setViewport({ width: 375, height: 800 });
  });
  afterEach(async () => {
    stopIgnoring();
    document.documentElement.removeAttribute('dir');
    await setViewport({ width: 800, height: 600 });
  });

  for (const variant of [
    { name: 'English', locale: 'en', dir: 'ltr' },
    { name: 'German, right to left', locale: 'de', dir: 'rtl' },
  ]) {
    describe(variant.name, () => {
      beforeEach(() => document.documentElement.setAttribute('dir', variant.dir));
      const t = (en: string, de: string) => (variant.locale === 'de' ? de : en);

      it('<request-access-pane>: list, package and form, result, history with details', async () => {
        const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`, { locale: variant.locale });
        await findByRole(pane, 'list', { name: t('Access packages', 'Zugriffspakete') });
        await checkAtEveryWidth(pane, 'package list');
        if (variant.locale === 'en') {
          await fillMarketingForLynne(pane);
          await checkAtEveryWidth(pane, 'package and filled form');
          await activate(getByRole(pane, 'button', { name: 'Submit request' }));
          await findByRole(pane, 'heading', { name: 'Request submitted' });
          await checkAtEveryWidth(pane, 'result');
        }
        getByRole(pane, 'tab', { name: t('Request history', 'Anforderungsverlauf') }).click();
        await findByRole(pane, 'list', { name: t('Your requests', 'Ihre Anforderungen') });
        // One request is open at a time: each in turn.
        const disclosures = () => queryAllByRole(pane, 'button').filter((b) => b.hasAttribute('aria-expanded'));
        for (let i = 0; i < disclosures().length; i++) {
          const disclosure = disclosures()[i];
          disclosure.click();
          await waitUntil(() => disclosure.getAttribute('aria-expanded') === 'true');
          await checkAtEveryWidth(pane, `history with "${disclosure.textContent?.trim()}" opened`);
        }
      });

      it('<approval-inbox>: list, an opened request, the decision form, history', async () => {
        const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`, { locale: variant.locale });
        await findByRole(inbox, 'list', { name: t('Requests waiting for your approval', 'Anforderungen, die auf Ihre Genehmigung warten') });
        await checkAtEveryWidth(inbox, 'pending list');
        await activate(await findByRole(inbox, 'button', { name: /^Partner Portal/ }));
        await findByRole(inbox, 'button', { name: t('Approve', 'Genehmigen') });
        await checkAtEveryWidth(inbox, 'opened request');
        await activate(getByRole(inbox, 'button', { name: t('Approve', 'Genehmigen') }));
        await findText(inbox, t('You approved this request.', 'Sie haben diese Anforderung genehmigt.'));
        getByRole(inbox, 'tab', { name: t('History', 'Verlauf') }).click();
        await activate(await findByRole(inbox, 'button', { name: /^Partner Portal/ }));
        await checkAtEveryWidth(inbox, 'history with the decided request opened');
      });

      it('<manage-team>: reports, a report’s access, the remove dialog, the request dialog', async () => {
        const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`, { locale: variant.locale });
        await findByRole(team, 'list', { name: t('Your direct reports', 'Ihre direkten Mitarbeiter') });
        await checkAtEveryWidth(team, 'reports');
        await activate(getByRole(team, 'button', { name: /^Pradeep Gupta/ }));
        const remove = await findByRole(team, 'button', { name: t('Remove access', 'Zugriff entfernen') });
        await waitUntil(() => !remove.hasAttribute('disabled'));
        await checkAtEveryWidth(team, 'a report’s access');
        await activate(remove);
        await findByRole(team, 'dialog', { name: t('Remove access?', 'Zugriff entfernen?') });
        await checkAtEveryWidth(team, 'remove dialog');
        getByRole(team, 'button', { name: t('Cancel', 'Abbrechen') }).click();
        await waitUntil(() => queryAllByRole(team, 'dialog').length === 0);
        // The dialog's close event (a task after close()) returns focus to "Remove access": wait for it, or the Enter
        // meant for the next button lands there and opens the remove dialog again.
        await waitUntil(() => deepActiveElement() === remove, 'focus returns to Remove access');
        await activate(getByRole(team, 'button', { name: /^(Request access for Pradeep Gupta|Zugriff für Pradeep Gupta anfordern)$/ }));
        const dialog = await findByRole(team, 'dialog', { name: /Pradeep Gupta/ });
        await activate(await findByRole(dialog, 'button', { name: /^Marketing Campaigns/ }));
        await findByRole(dialog, 'textbox', { name: t('Business justification', 'Geschäftliche Begründung') });
        await checkAtEveryWidth(team, 'request dialog with the form');
      });
    });
  }
});
