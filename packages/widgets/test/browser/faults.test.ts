// Failures through the real mock: a submit that fails keeps the form as typed and a retry sends it once (with a
// one-off 500, and under the mock's own fault injector); a decision that another approver made first shows as that
// decision, not as an error.
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { clientFor, engine, GRAPH_BASE, idOf, requestsFor, resetMock } from './support/mock.ts';
import { fillMarketingForLynne, leeForLynne } from './support/flows.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, queryByRole, textContent, typeInto, type RoleOptions } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe('faults', () => {
  beforeEach(() => resetMock());

  it('a failed submit keeps everything typed; the retry succeeds and exactly one request exists', async () => {
    const { worker } = await resetMock();
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
    await fillMarketingForLynne(pane);

    let posts = 0;
    worker.use(
      http.post(
        `${GRAPH_BASE}/identityGovernance/entitlementManagement/assignmentRequests`,
        () => {
          posts++;
          return HttpResponse.json({ error: { code: 'InternalServerError', message: 'x' } }, { status: 500 });
        },
        { once: true },
      ),
    );
    const failed = oneEvent(pane, 'widget-error');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    expect((await failed).detail.operation).to.equal('requestAccess');
    const alert = await findByRole(pane, 'alert');
    expect(textContent(alert)).to.contain('The request was not submitted.').and.to.contain('The service had a problem.');
    const retry = getByRole(alert, 'button', { name: 'Try again' });
    expect(deepActiveElement()).to.equal(retry);
    expect(posts).to.equal(1);
    expect(await requestsFor('Marketing Campaigns', 'lynne')).to.have.length(0);

    // Everything as typed.
    expect((getByRole(pane, 'radio', { name: 'Someone else' }) as HTMLInputElement).checked).to.equal(true);
    expect(value(getByRole(pane, 'combobox', { name: 'Person' }))).to.equal(await idOf('lynne'));
    expect(value(getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' }))).to.equal(leeForLynne.code);
    expect(value(getByRole(pane, 'textbox', { name: 'What will you work on in this campaign?' }))).to.equal(leeForLynne.plan);
    expect(value(getByRole(pane, 'textbox', { name: 'Business justification' }))).to.equal(leeForLynne.justification);
    await expect(pane).to.be.accessible();

    const submitted = oneEvent(pane, 'request-submitted');
    await activate(retry);
    const request = (await submitted).detail;
    await findByRole(pane, 'heading', { name: 'Request submitted' });
    const stored = await requestsFor('Marketing Campaigns', 'lynne');
    expect(stored.map((r) => r.id)).to.deep.equal([request.id]);
    expect(stored[0].justification).to.equal(leeForLynne.justification);
  });

  it('under the fault injector (20% 503/504, every 5th call 429) the pane loads, a failed submit keeps what was typed, and one request is created', async function () {
    this.timeout(90_000);
    const m = await resetMock();
    const flaky = { failRate: 0.2, throttleEvery: 5, retryAfterSeconds: 1 };
    m.faults.configure(flaky);
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);

    // The way to the form as a user takes it under faults: the SDK retries the reads it may (GETs); a POST it never
    // sends twice (getApplicablePolicyRequirements included) shows an error, and the user presses "Try again".
    const shown = async (role: string, options: RoleOptions) => {
      let found: HTMLElement | null = null;
      await waitUntil(
        () => {
          found = queryByRole(pane, role, options);
          if (!found) queryAllByRole(pane, 'button', { name: 'Try again' })[0]?.click();
          return found;
        },
        `no ${role} ${String(options.name)}: ${textContent(pane)}`,
        { timeout: 60_000, interval: 100 },
      );
      return found! as HTMLElement;
    };
    await typeInto(await shown('searchbox', { name: 'Search access packages' }), 'Marketing');
    await activate(await shown('button', { name: /^Marketing Campaigns/ }));
    await activate(await shown('radio', { name: 'Someone else' }));
    await typeInto(await shown('combobox', { name: 'Person' }), 'Lynne');
    await findText(pane, 'Policy: Employees, manager approval');
    await typeInto(getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' }), leeForLynne.code);
    await typeInto(getByRole(pane, 'textbox', { name: 'What will you work on in this campaign?' }), leeForLynne.plan);
    await typeInto(getByRole(pane, 'textbox', { name: 'Business justification' }), leeForLynne.justification);

    const typed = () => ({
      target: value(getByRole(pane, 'combobox', { name: 'Person' })),
      code: value(getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' })),
      plan: value(getByRole(pane, 'textbox', { name: 'What will you work on in this campaign?' })),
      justification: value(getByRole(pane, 'textbox', { name: 'Business justification' })),
    });
    const asTyped = { target: await idOf('lynne'), code: leeForLynne.code, plan: leeForLynne.plan, justification: leeForLynne.justification };

    // The first submit meets a fault for certain; later ones the 20% and the throttling, until one goes through.
    m.faults.configure({ ...flaky, failRate: 1 });
    let failures = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const outcome = Promise.race([oneEvent(pane, 'request-submitted').then(() => 'submitted'), oneEvent(pane, 'widget-error').then(() => 'failed')]);
      const retry = queryAllByRole(pane, 'button', { name: 'Try again' })[0];
      await activate(retry ?? getByRole(pane, 'button', { name: 'Submit request' }));
      if ((await outcome) === 'submitted') break;
      failures++;
      await findByRole(pane, 'alert');
      expect(typed()).to.deep.equal(asTyped);
      m.faults.configure(flaky);
    }
    await findByRole(pane, 'heading', { name: 'Request submitted' });
    m.faults.clear();
    expect(failures).to.be.greaterThan(0);
    expect(await requestsFor('Marketing Campaigns', 'lynne')).to.have.length(1);
  });

  it('when another approver decides first, the inbox shows their decision instead of an error', async () => {
    // Alex's Financial Reporting waits at stage 2 for any of the Finance Approvers (Patti, Lidia, Christie).
    const [request] = await requestsFor('Financial Reporting', 'alex');
    const inbox = await asPerson<ApprovalInbox>('patti', html`<approval-inbox></approval-inbox>`);
    await activate(await findByRole(inbox, 'button', { name: /^Financial Reporting For Alex Wilber/ }));
    await findText(inbox, 'Stage 2 of 3');
    await typeInto(await findByRole(inbox, 'textbox', { name: 'Reason (optional)' }), 'Looks fine');

    // Meanwhile Lidia approves the same stage.
    const e = await engine();
    const stage = e.getApproval(await idOf('lidia'), request.id!).stages!.find((s) => s.status === 'InProgress')!;
    await (await clientFor('lidia')).decide(request.id!, stage.id!, { reviewResult: 'Approve', justification: 'Numbers checked' });

    const errors: unknown[] = [];
    inbox.addEventListener('widget-error', (event) => errors.push(event.detail));
    await activate(getByRole(inbox, 'button', { name: 'Approve' }));
    await findText(inbox, /Another approver decided first: approved by Lidia Holloway/);
    expect(textContent(inbox)).to.contain('Numbers checked');
    expect(queryAllByRole(inbox, 'alert')).to.have.length(0);
    expect(errors).to.deep.equal([]);
    expect(queryAllByRole(inbox, 'button', { name: 'Approve' })).to.have.length(0);
    expect(textContent(deepActiveElement()!)).to.match(/^Another approver decided first/);
    await expect(inbox).to.be.accessible();

    // Lidia's decision stands: the request moved on to stage 3.
    const stages = e.getApproval(await idOf('admin'), request.id!).stages!;
    expect(stages.find((s) => s.id === stage.id)?.reviewedBy?.displayName).to.equal('Lidia Holloway');

    // History lists it as decided elsewhere.
    await activate(getByRole(inbox, 'tab', { name: 'History' }));
    await findByRole(inbox, 'button', { name: /^Financial Reporting For Alex Wilber.*Another approver decided this request first\./ });
  });
});
