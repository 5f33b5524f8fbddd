// What a person trips over in the seed flows (issue 13), each checked through the UI as they meet it: the manager's
// bypass, a request dialog fixed to one report, status words, an existing request or access said up front, a link to
// an unknown package, "today" from Graph, the approval's stage line and escalation mark, plural forms.
import { expect, html, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../../src/manage-team/manage-team.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { engine, GRAPH_BASE, idOf, mock, packageId, requestsFor, resetMock } from './support/mock.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, queryByRole, textContent, typeInto } from './support/ui.ts';
import { asPerson, ignoreResizeObserverLoop } from './support/widgets.ts';

async function openPackage(pane: RequestAccessPane, name: string): Promise<void> {
  await typeInto(await findByRole(pane, 'searchbox', { name: 'Search access packages' }), name);
  await activate(await findByRole(pane, 'button', { name: new RegExp(`^${name}`) }));
  await findByRole(pane, 'heading', { name });
}

describe('what a person sees in the seed flows', () => {
  let stopIgnoring: () => void;
  beforeEach(async () => {
    stopIgnoring = ignoreResizeObserverLoop();
    await resetMock();
  });
  afterEach(() => stopIgnoring());

  it('seed 004: a manager who is the only approver approves it himself (bypass), and the result says so', async () => {
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
    await openPackage(pane, 'Temporary Access Pass');
    // On-behalf only: the person is chosen straight away.
    await typeInto(await findByRole(pane, 'combobox', { name: 'Person' }), 'Alex');
    const bypass = (await findByRole(pane, 'checkbox', { name: 'Approve it myself, as Alex Wilber’s manager' })) as HTMLInputElement;
    expect(bypass.checked).to.equal(true);
    await expect(pane).to.be.accessible();
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    await findByRole(pane, 'heading', { name: 'Request submitted' });
    await findText(pane, 'You approved it as Alex Wilber’s manager.');
    await findText(pane, /Status: Delivered/);

    const [request] = await requestsFor('Temporary Access Pass', 'alex');
    expect(request.state).to.equal('delivered');
    // Nobody else was asked: no email to the fallback approver.
    expect((await engine()).outbox().filter((m) => m.requestId === request.id && m.kind === 'approverAsked')).to.deep.equal([]);
  });

  it('seed 000: the request dialog of Manage team lists only what may be requested for that report, never for "Myself"', async () => {
    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    await activate(await findByRole(team, 'button', { name: /^Lynne Robbins/ }));
    await activate(await findByRole(team, 'button', { name: 'Request access for Lynne Robbins' }));
    const dialog = await findByRole(team, 'dialog', { name: 'Request access for Lynne Robbins' });
    await findByRole(dialog, 'button', { name: /^Marketing Campaigns/ });
    const listed = queryAllByRole(dialog, 'button').map(textContent);
    // Budget Planning and Customer Data Export do not allow requests on someone's behalf.
    expect(listed.some((name) => name.startsWith('Budget Planning'))).to.equal(false);
    expect(listed.some((name) => name.startsWith('Customer Data Export'))).to.equal(false);
    expect(listed.some((name) => name.startsWith('Sales Pipeline'))).to.equal(true);
    await activate(getByRole(dialog, 'button', { name: /^Marketing Campaigns/ }));
    await findByRole(dialog, 'textbox', { name: 'Business justification' });
    expect(queryByRole(dialog, 'radio', { name: 'Myself' })).to.equal(null);
    expect((getByRole(dialog, 'combobox', { name: 'Person' }) as HTMLSelectElement).value).to.equal(await idOf('lynne'));
    await expect(team).to.be.accessible();
  });

  it('seed 002: a request or access that already exists is said before the form, with a link to the request', async () => {
    // Adele's Marketing Campaigns request waits for Lee; she holds Sales Pipeline.
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    await openPackage(pane, 'Marketing Campaigns');
    await findText(pane, /You already have an open request for this access package: Pending approval, submitted/);
    expect(queryByRole(pane, 'button', { name: 'Submit request' })).to.equal(null);
    expect(queryByRole(pane, 'textbox', { name: 'Business justification' })).to.equal(null);
    await expect(pane).to.be.accessible();
    await activate(getByRole(pane, 'button', { name: 'View the request' }));
    expect(deepActiveElement()).to.equal(getByRole(pane, 'tab', { name: 'Request history' }));
    const opened = await findByRole(pane, 'button', { name: 'Marketing Campaigns' });
    await waitUntil(() => opened.getAttribute('aria-expanded') === 'true', 'the request is not the one opened');

    const again = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    await openPackage(again, 'Sales Pipeline');
    await findText(again, 'You already have this access package.');
    expect(queryByRole(again, 'button', { name: 'Submit request' })).to.equal(null);
  });

  it('a refusal that trying again cannot change shows no "Try again"', async () => {
    // Lee cannot see Adele's own open request for Marketing Campaigns, so only Graph's 409 tells him.
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
    await openPackage(pane, 'Marketing Campaigns');
    await activate(await findByRole(pane, 'radio', { name: 'Someone else' }));
    await typeInto(await findByRole(pane, 'combobox', { name: 'Person' }), 'Adele');
    await typeInto(await findByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' }), 'MKT-1111');
    await typeInto(getByRole(pane, 'textbox', { name: 'Business justification' }), 'Spring launch');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    const alert = await findByRole(pane, 'alert');
    expect(textContent(alert)).to.contain('The request was not submitted.').and.to.contain('already an open request');
    expect(queryAllByRole(pane, 'button', { name: 'Try again' })).to.have.length(0);
  });

  it('statuses read as words: a time-out is "Expired" with its date, not a denial', async () => {
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    await openPackage(pane, 'Budget Planning');
    await typeInto(await findByRole(pane, 'textbox', { name: 'Business justification' }), 'Forecast');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    await findByRole(pane, 'heading', { name: 'Request submitted' });
    await activate(getByRole(pane, 'button', { name: 'View request history' }));
    await findText(pane, /Status Pending approval/);
    expect(textContent(pane)).not.to.contain('PendingApproval');

    // Nobody decides: the first stage times out.
    (await engine()).advance('P30D');
    const [timedOut] = await requestsFor('Budget Planning', 'adele');
    expect(timedOut.status).to.equal('TimedOut');
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(timedOut.completedDateTime!));
    const fresh = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    getByRole(fresh, 'tab', { name: 'Request history' }).click();
    const row = async () => {
      await findByRole(fresh, 'list', { name: 'Your requests' });
      return queryAllByRole(fresh, 'listitem').find((li) => textContent(li).startsWith('Budget Planning'))!;
    };
    expect(textContent(await row())).to.contain(`Expired ${day}`).and.not.to.contain('Denied');
    await activate(getByRole(await row(), 'button', { name: 'Budget Planning' }));
    await findText(fresh, `Expired on ${day}: no approver decided in time`);
    expect(textContent(fresh)).not.to.contain('TimedOut');
  });

  it('a link to an unknown package says it was not found, with the way back and no retry', async () => {
    const pane = await asPerson<RequestAccessPane>(
      'adele',
      html`<request-access-pane package-id="40000000-0000-4000-8000-999999999999"></request-access-pane>`,
    );
    await findByRole(pane, 'heading', { name: 'Access package not found' });
    expect(textContent(pane)).not.to.contain('Loading the access package');
    expect(queryAllByRole(pane, 'button', { name: 'Try again' })).to.have.length(0);
    await expect(pane).to.be.accessible();
    await activate(getByRole(pane, 'button', { name: 'Back to access packages' }));
    await findByRole(pane, 'list', { name: 'Access packages' });
  });

  it('a hidden package opens from its link', async () => {
    const id = await packageId('Customer Data Export');
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane package-id=${id}></request-access-pane>`);
    await findByRole(pane, 'heading', { name: 'Customer Data Export' });
    await findByRole(pane, 'textbox', { name: 'Business justification' });
  });

  it('"today" is Graph’s day (its Date header), not the computer’s', async () => {
    (await engine()).advance('P10D');
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    await openPackage(pane, 'Budget Planning');
    await activate(await findByRole(pane, 'switch', { name: 'Request for specific period?' }));
    const start = (await findByRole(pane, 'date', { name: 'Start date' })) as HTMLInputElement;
    const serverDay = new Date((await engine()).now());
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(start.value).to.equal(`${serverDay.getFullYear()}-${pad(serverDay.getMonth() + 1)}-${pad(serverDay.getDate())}`);
    expect(start.min).to.equal(start.value);
  });

  it('the stage line does not repeat itself; an escalated request is marked for its approvers', async () => {
    const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
    await activate(await findByRole(inbox, 'button', { name: /^Budget Planning|^Marketing Campaigns For Adele Vance/ }));
    await findText(inbox, 'Stage 1 of 1');
    expect(textContent(inbox)).not.to.match(/Stage 1 of 1 · Stage 1/);

    // Johanna's Production Support On-Call has escalated to Nestor.
    const nestor = await asPerson<ApprovalInbox>('nestor', html`<approval-inbox></approval-inbox>`);
    const row = await findByRole(nestor, 'button', { name: /^Production Support On-Call For Johanna Lorenz/ });
    expect(textContent(row)).to.contain('Escalated');
    await activate(row);
    await findText(nestor, 'Escalated: the first approvers did not decide in time');
    await expect(nestor).to.be.accessible();
  });

  it('seed 001: after "Remove access" the row shows the removal’s own state at once and follows it to the end', async () => {
    // Graph may answer a removal before it is processed: the first answer says "submitted" (the mock's own says
    // delivered at once), so the row has something to follow.
    const m = await mock();
    m.worker.use(
      http.post(
        `${GRAPH_BASE}/identityGovernance/entitlementManagement/assignmentRequests`,
        async ({ request }) => {
          const body = (await request.clone().json()) as { requestType?: string };
          if (body.requestType !== 'userRemove') return undefined;
          const real = await getResponse(m.handlers, request);
          const created = (await real!.json()) as Record<string, unknown>;
          return HttpResponse.json({ ...created, state: 'submitted', status: 'Accepted' }, { status: 201 });
        },
        { once: true },
      ),
    );
    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    await activate(await findByRole(team, 'button', { name: /^Pradeep Gupta/ }));
    await findByRole(team, 'list', { name: 'Access packages of Pradeep Gupta' });
    const row = () => queryAllByRole(team, 'listitem').find((li) => textContent(li).startsWith('Sales Pipeline'))!;
    const remove = await findByRole(row(), 'button', { name: 'Remove access' });
    await waitUntil(() => !remove.hasAttribute('disabled'));
    await activate(remove);
    const dialog = await findByRole(team, 'dialog', { name: 'Remove access?' });
    await activate(getByRole(dialog, 'button', { name: 'Remove access' }));
    await findText(row(), 'Removal requested (Submitted).');
    expect(textContent(row())).not.to.contain('Delivered');
    await findText(row(), 'Access removed.');
  });

  it('counts follow the language’s plural rules', async () => {
    const lee = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    await findText(lee, '4 of 4 people');
    const johanna = await asPerson<ManageTeam>('johanna', html`<manage-team></manage-team>`);
    await findText(johanna, '1 of 1 person');
    const german = await asPerson<ManageTeam>('johanna', html`<manage-team></manage-team>`, { locale: 'de' });
    await findText(german, '1 von 1 Person');
  });
});
