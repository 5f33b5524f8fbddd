// axe-core on every widget in each of its main states, against the real mock: loading, empty, error, list,
// details or form, and dialog; and names with markup in them render as text, never as markup.
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../../src/manage-team/manage-team.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { engine, idOf, resetMock } from './support/mock.ts';
import { activate, allElements, deepActiveElement, findByRole, findText, getByRole, press, queryAllByRole, textContent, typeInto } from './support/ui.ts';
import { asPerson, ignoreResizeObserverLoop } from './support/widgets.ts';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const serverError = () => HttpResponse.json({ error: { code: 'InternalServerError', message: 'x' } }, { status: 500 });

/** Every Graph call answers slowly, so the loading state stays long enough to be checked. */
async function slowService() {
  const { faults } = await resetMock();
  faults.configure({ latencyMs: 4000 });
}

/** A Graph path (matched anywhere in the URL) answers 500 from now on. */
async function failing(path: RegExp) {
  const { worker } = await resetMock();
  worker.use(http.get(path, serverError));
}

describe('accessibility of every state', () => {
  let stopIgnoring: () => void;
  beforeEach(async () => {
    stopIgnoring = ignoreResizeObserverLoop();
    await resetMock();
  });
  afterEach(async () => {
    stopIgnoring();
    (await resetMock()).faults.clear();
  });

  describe('<request-access-pane>', () => {
    it('loading', async () => {
      await slowService();
      const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
      expect(textContent(part(pane, 'loading')!)).to.equal('Loading access packages…');
      await expect(pane).to.be.accessible();
    });

    it('empty (no package matches the search)', async () => {
      const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
      await findByRole(pane, 'list', { name: 'Access packages' });
      await typeInto(getByRole(pane, 'searchbox', { name: 'Search access packages' }), 'zzz-nothing');
      await findText(pane, 'No access packages match “zzz-nothing”.');
      await expect(pane).to.be.accessible();
    });

    it('error', async () => {
      await failing(/accessPackages\/filterByCurrentUser/);
      const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
      const alert = await findByRole(pane, 'alert');
      expect(textContent(alert)).to.contain('Could not load.');
      await expect(pane).to.be.accessible();
    });

    it('list, form, result and history', async () => {
      const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
      await findByRole(pane, 'list', { name: 'Access packages' });
      await expect(pane).to.be.accessible();

      await activate(await findByRole(pane, 'button', { name: /^Marketing Campaigns/ }));
      await findByRole(pane, 'table', { name: 'Resources in this package' });
      await findByRole(pane, 'group', { name: 'Choose a policy' });
      await expect(pane).to.be.accessible();

      // Invalid fields (a wrong campaign code, no justification) are marked and described.
      await typeInto(getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' }), 'nope');
      await activate(getByRole(pane, 'button', { name: 'Submit request' }));
      const code = getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' });
      await waitUntil(() => code.getAttribute('aria-invalid') === 'true');
      await expect(pane).to.be.accessible();

      getByRole(pane, 'tab', { name: 'Request history' }).click();
      await findByRole(pane, 'list', { name: 'Your requests' });
      await expect(pane).to.be.accessible();
    });
  });

  describe('<approval-inbox>', () => {
    it('loading', async () => {
      await slowService();
      const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
      expect(textContent(part(inbox, 'loading')!)).to.equal('Loading requests…');
      await expect(inbox).to.be.accessible();
    });

    it('empty (nothing waits for Adele; History is empty too)', async () => {
      const inbox = await asPerson<ApprovalInbox>('adele', html`<approval-inbox></approval-inbox>`);
      await findText(inbox, 'No requests are waiting for your approval.');
      await expect(inbox).to.be.accessible();
      getByRole(inbox, 'tab', { name: 'History' }).click();
      await findText(inbox, 'You have not decided any requests on this page yet.');
      await expect(inbox).to.be.accessible();
    });

    it('error', async () => {
      await failing(/assignmentRequests\/filterByCurrentUser/);
      const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
      await findByRole(inbox, 'alert');
      await expect(inbox).to.be.accessible();
    });

    it('list and details with the decision form', async () => {
      const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
      await findByRole(inbox, 'list', { name: 'Requests waiting for your approval' });
      await expect(inbox).to.be.accessible();
      await activate(await findByRole(inbox, 'button', { name: /^Financial Reporting For Pradeep Gupta/ }));
      await findByRole(inbox, 'button', { name: 'Approve' });
      await findText(inbox, 'Stage 1 of 3');
      await expect(inbox).to.be.accessible();
    });
  });

  describe('<manage-team>', () => {
    it('loading', async () => {
      await slowService();
      const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
      expect(textContent(part(team, 'loading')!)).to.equal('Loading your team…');
      await expect(team).to.be.accessible();
    });

    it('empty (Adele has no reports)', async () => {
      const team = await asPerson<ManageTeam>('adele', html`<manage-team></manage-team>`);
      await findText(team, 'You have no direct reports.');
      await expect(team).to.be.accessible();
    });

    it('error', async () => {
      await failing(/\/me\/directReports/);
      const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
      await findByRole(team, 'alert');
      await expect(team).to.be.accessible();
    });

    it('list, details, the remove dialog and the request dialog', async () => {
      const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
      await findByRole(team, 'list', { name: 'Your direct reports' });
      await expect(team).to.be.accessible();

      await activate(getByRole(team, 'button', { name: /^Pradeep Gupta/ }));
      await findByRole(team, 'list', { name: 'Access packages of Pradeep Gupta' });
      await findByRole(team, 'button', { name: 'Remove access' });
      await expect(team).to.be.accessible();

      const remove = getByRole(team, 'button', { name: 'Remove access' });
      await activate(remove);
      const dialog = await findByRole(team, 'dialog', { name: 'Remove access?' });
      await expect(team).to.be.accessible();
      await activate(getByRole(dialog, 'button', { name: 'Cancel' }));
      await waitUntil(() => queryAllByRole(team, 'dialog').length === 0);
      // Focus comes back with the close event (a task later); the next key press must not race it.
      await waitUntil(() => deepActiveElement() === remove, 'focus did not return to Remove access');

      const opener = getByRole(team, 'button', { name: 'Request access for Pradeep Gupta' });
      await activate(opener);
      const requestDialog = await findByRole(team, 'dialog', { name: 'Request access for Pradeep Gupta' });
      await findByRole(requestDialog, 'list', { name: 'Access packages' });
      await expect(team).to.be.accessible();
      // Escape closes it, and focus goes back to the button that opened it.
      await press('Escape');
      await waitUntil(() => queryAllByRole(team, 'dialog').length === 0);
      await waitUntil(() => deepActiveElement() === opener, 'focus did not return to the opener');
    });
  });

  it('in German: strings from the catalogue, localized question texts from Graph, durations in words', async () => {
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`, { locale: 'de' });
    await typeInto(await findByRole(pane, 'searchbox', { name: 'Zugriffspakete durchsuchen' }), 'Marketing');
    await activate(await findByRole(pane, 'button', { name: /^Marketing Campaigns/ }));
    await findByRole(pane, 'textbox', { name: 'Kampagnencode (zum Beispiel MKT-1234)' });
    getByRole(pane, 'textbox', { name: 'Geschäftliche Begründung' });
    getByRole(pane, 'button', { name: 'Anforderung senden' });
    await expect(pane).to.be.accessible();

    const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`, { locale: 'de' });
    await activate(await findByRole(inbox, 'button', { name: /^Marketing Campaigns Für Adele Vance/ }));
    await findText(inbox, 'Für 30 Tage');
    await findByRole(inbox, 'button', { name: 'Genehmigen' });
    await expect(inbox).to.be.accessible();
  });

  it('a display name with markup renders as text and never runs', async () => {
    const payload = '<img src=x onerror="window.__ekInjected = (window.__ekInjected ?? 0) + 1">';
    const w = window as unknown as { __ekInjected?: number };
    delete w.__ekInjected;
    const e = await engine();
    e.updateUser(await idOf('admin'), await idOf('adele'), { displayName: payload });

    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
    await activate(await findByRole(team, 'button', { name: new RegExp(`^${payload.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }));
    await findByRole(team, 'heading', { name: `Access for ${payload}` });
    // Adele's own pending Marketing Campaigns request names her in Lee's inbox.
    await activate(await findByRole(inbox, 'button', { name: /^Marketing Campaigns For <img src=x/ }));
    await findText(inbox, `Requested by ${payload}`);

    const images = [team, inbox].flatMap((el) => allElements(el)).filter((el) => el.localName === 'img');
    expect(images).to.have.length(0);
    // The same text parsed as HTML does run (proves the payload is live), and only that copy runs.
    const control = document.createElement('div');
    control.innerHTML = payload;
    await waitUntil(() => w.__ekInjected === 1, 'the control copy never ran', { timeout: 10000 });
    expect(w.__ekInjected).to.equal(1);
  });
});
