// Flow 4: a two-stage request approved by both approvers. Adele Vance asks for Budget Planning; her manager
// Lee Gu approves stage 1, then the finance director Patti Fernandez, who sees Lee's decision, approves stage 2.
import { expect, html } from '@open-wc/testing';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { requestsFor, resetMock } from './support/mock.ts';
import { activate, findByRole, findText, getByRole, queryAllByRole, textContent, typeInto } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

async function approveInInbox(inbox: ApprovalInbox, rowName: RegExp, stage: string, reason: string) {
  await activate(await findByRole(inbox, 'button', { name: rowName }));
  await findText(inbox, stage);
  await typeInto(await findByRole(inbox, 'textbox', { name: 'Reason (optional)' }), reason);
  await activate(getByRole(inbox, 'button', { name: 'Approve' }));
  await findText(inbox, 'You approved this request.');
}

describe('flow 4: a two-stage request approved by both approvers', () => {
  beforeEach(() => resetMock());

  it('Adele requests Budget Planning; Lee approves stage 1, Patti approves stage 2, and Adele sees it delivered', async () => {
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`);
    await typeInto(await findByRole(pane, 'searchbox', { name: 'Search access packages' }), 'Budget');
    await activate(await findByRole(pane, 'button', { name: /^Budget Planning/ }));
    await typeInto(await findByRole(pane, 'textbox', { name: 'Business justification' }), 'Forecast for next quarter');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    await findByRole(pane, 'heading', { name: 'Request submitted' });

    const lee = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
    await approveInInbox(lee, /^Budget Planning For Adele Vance/, 'Stage 1 of 2', 'Fits the plan');
    expect((await requestsFor('Budget Planning', 'adele'))[0].state).to.equal('pendingApproval');

    const patti = await asPerson<ApprovalInbox>('patti', html`<approval-inbox></approval-inbox>`);
    await activate(await findByRole(patti, 'button', { name: /^Budget Planning For Adele Vance/ }));
    await findText(patti, 'Stage 2 of 2');
    const earlier = await findByRole(patti, 'heading', { name: 'Earlier decisions' });
    expect(earlier).to.exist;
    const decisions = queryAllByRole(patti, 'listitem').map(textContent).filter((t) => t.startsWith('Stage 1'));
    expect(decisions).to.have.length(1);
    expect(decisions[0]).to.match(/^Stage 1: approved by Lee Gu, .* “Fits the plan”$/);
    await expect(patti).to.be.accessible();
    await approveInInbox(patti, /^Budget Planning For Adele Vance/, 'Stage 2 of 2', 'Approved for Q1');

    const [request] = await requestsFor('Budget Planning', 'adele');
    expect(request.state).to.equal('delivered');

    // Adele's history shows the request delivered.
    getByRole(pane, 'tab', { name: 'Request history' }).click();
    await findText(pane, /Budget Planning Delivered/);
  });
});
