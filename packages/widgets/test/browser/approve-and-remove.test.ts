// Flow 2: Lee Gu's request for Lynne Robbins waits for the fallback approver Diego Siciliani (Lee is the target's
// manager but also the requestor, so he cannot approve it). Diego approves it in <approval-inbox>; Lee then sees
// the new assignment in <manage-team> and removes it.
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ApprovalInbox } from '../../src/approval-inbox/approval-inbox.ts';
import type { ManageTeam } from '../../src/manage-team/manage-team.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { fillMarketingForLynne, leeForLynne } from './support/flows.ts';
import { engine, idOf, requestsFor, resetMock } from './support/mock.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, press, queryAllByRole, textContent, typeInto } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

describe('flow 2: the approver approves, the manager sees the new access and removes it', () => {
  beforeEach(() => resetMock());

  it('Diego approves in the inbox; Lee removes the delivered access in Manage team', async () => {
    // Lee asks for it in the request pane (as in flow 1).
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
    await fillMarketingForLynne(pane);
    const submitted = oneEvent(pane, 'request-submitted');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    const created = (await submitted).detail;

    // Diego, the fallback approver, approves with a reason.
    const inbox = await asPerson<ApprovalInbox>('diego', html`<approval-inbox></approval-inbox>`);
    const row = await findByRole(inbox, 'button', { name: /^Marketing Campaigns Lee Gu on behalf of Lynne Robbins/ });
    await activate(row);
    const heading = await findByRole(inbox, 'heading', { name: 'Marketing Campaigns' });
    expect(deepActiveElement()).to.equal(heading);
    await findText(inbox, 'Lee Gu requested this on behalf of Lynne Robbins.');
    await findText(inbox, 'Stage 1 of 1');
    expect(textContent(inbox)).to.contain(leeForLynne.justification).and.to.contain(leeForLynne.code).and.to.contain(leeForLynne.plan);
    await expect(inbox).to.be.accessible();

    await typeInto(await findByRole(inbox, 'textbox', { name: 'Reason (optional)' }), 'Budget confirmed');
    const recorded = oneEvent(inbox, 'decision-recorded');
    await activate(getByRole(inbox, 'button', { name: 'Approve' }));
    expect((await recorded).detail.reviewResult).to.equal('Approve');
    await findText(inbox, 'You approved this request.');
    expect(textContent(deepActiveElement()!)).to.equal('You approved this request.');

    const [request] = await requestsFor('Marketing Campaigns', 'lynne');
    expect(request.id).to.equal(created.id);
    expect(request.state).to.equal('delivered');

    // History holds the decision made on this page, with the request's new state.
    getByRole(inbox, 'tab', { name: 'Pending' }).focus();
    await press('ArrowRight');
    expect(getByRole(inbox, 'tab', { name: 'History' }).getAttribute('aria-selected')).to.equal('true');
    const decided = await findByRole(inbox, 'button', { name: /^Marketing Campaigns Lee Gu on behalf of Lynne Robbins.*You approved this request\..*Delivered/ });
    await expect(inbox).to.be.accessible();
    await activate(decided);
    await findText(inbox, 'You approved this request.');

    // Lee sees Lynne's new access and removes it.
    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    await activate(await findByRole(team, 'button', { name: /^Lynne Robbins/ }));
    expect(deepActiveElement()).to.equal(await findByRole(team, 'heading', { name: 'Access for Lynne Robbins' }));
    await findByRole(team, 'list', { name: 'Access packages of Lynne Robbins' });
    const item = () => queryAllByRole(team, 'listitem').find((li) => textContent(li).startsWith('Marketing Campaigns'));
    await findText(team, /Marketing Campaigns Delivered Expires/);
    const remove = await findByRole(item()!, 'button', { name: 'Remove access' });
    await waitUntil(() => !remove.hasAttribute('disabled'), 'removal never allowed');
    await activate(remove);

    const dialog = await findByRole(team, 'dialog', { name: 'Remove access?' });
    const reason = getByRole(dialog, 'textbox', { name: 'Reason (optional)' });
    expect(deepActiveElement()).to.equal(reason);
    await expect(team).to.be.accessible();
    await typeInto(reason, 'Campaign is over');
    const removed = oneEvent(team, 'access-removed');
    await activate(getByRole(dialog, 'button', { name: 'Remove access' }));
    const { detail } = await removed;
    expect(detail.request.requestType).to.equal('userRemove');
    // The row shows the removal's own state, not the old "Delivered": Graph answers it submitted, and the widget
    // follows it until it is done.
    expect(detail.request.state).to.equal('submitted');
    await findText(item()!, 'Access removed.');
    expect(textContent(item()!)).not.to.contain('Delivered');
    expect(textContent(deepActiveElement()!)).to.equal('Access removed.');
    expect(queryAllByRole(team, 'dialog')).to.have.length(0);

    const e = await engine();
    const assignment = e.getAssignment(await idOf('admin'), detail.assignment.id!);
    expect(assignment.state).to.not.equal('delivered');
    const removal = (await requestsFor('Marketing Campaigns', 'lynne')).find((r) => r.requestType === 'userRemove');
    expect(removal?.justification).to.equal('Campaign is over');
    expect(removal?.requestor?.objectId).to.equal(await idOf('lee'));
  });
});
