// Flow 1: the manager Lee Gu requests Marketing Campaigns for his direct report Lynne Robbins, answering the
// policy's questions and giving a justification, all by keyboard.
import { expect, html, oneEvent } from '@open-wc/testing';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { idOf, requestsFor, resetMock } from './support/mock.ts';
import { fillMarketingForLynne } from './support/flows.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, textContent } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

describe('flow 1: a manager requests access for a direct report', () => {
  beforeEach(() => resetMock());

  it('Lee Gu requests Marketing Campaigns for Lynne Robbins with answers and a justification', async () => {
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);

    await fillMarketingForLynne(pane);
    // The package's resources by their own names (from role($expand=resource)), not by their scopes ("Root").
    await findText(pane, 'Marketing Campaign Contributors');
    expect((getByRole(pane, 'radio', { name: 'Someone else' }) as HTMLInputElement).checked).to.equal(true);
    expect((getByRole(pane, 'combobox', { name: 'Person' }) as HTMLSelectElement).selectedOptions[0].textContent).to.contain('Lynne Robbins');

    const submitted = oneEvent(pane, 'request-submitted');
    await activate(getByRole(pane, 'button', { name: 'Submit request' }));
    const request = (await submitted).detail;
    const result = await findByRole(pane, 'heading', { name: 'Request submitted' });
    expect(deepActiveElement()).to.equal(result);
    await findText(pane, 'for Lynne Robbins was submitted');
    // Graph answers a new request submitted and processes it afterwards: the result shows that, then where it settled.
    expect(request.state).to.equal('submitted');
    const status = queryAllByRole(pane, 'status').find((el) => textContent(el).startsWith('Status'))!;
    expect(textContent(status)).to.match(/Submitted|Pending approval/);
    await findText(status, 'Pending approval');
    expect(deepActiveElement()).to.equal(result);

    const [lynne, lee] = await Promise.all([idOf('lynne'), idOf('lee')]);
    const stored = await requestsFor('Marketing Campaigns', 'lynne');
    expect(stored).to.have.length(1);
    expect(stored[0].id).to.equal(request.id);
    expect(stored[0].state).to.equal('pendingApproval');
    expect(stored[0].assignment?.targetId).to.equal(lynne);
    expect(stored[0].requestor?.objectId).to.equal(lee);
    expect(stored[0].justification).to.equal('Lynne plans the spring campaign budget');
    expect(stored[0].answers?.map((a) => (a as { value?: string }).value)).to.deep.equal(['MKT-4321', 'Spring launch for the EMEA region']);
    await expect(pane).to.be.accessible();
  });
});
