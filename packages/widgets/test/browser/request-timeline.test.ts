// A request's timeline in the history (issue 16): every approval stage with who decided, when and why, the
// escalation of a stalled stage, and delivery with the access's end. Lee Gu asks for Financial Reporting (three
// stages; stage 2 escalates to Megan Bowen after 8 days) for his report Adele Vance and approves stage 1 himself as
// her manager; Graph shows a request's approval to its approvers, so Lee's history can show each stage.
import { expect, html } from '@open-wc/testing';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { clientFor, engine, idOf, packageId, requestsFor, resetMock } from './support/mock.ts';
import { activate, findByRole, findText, getByRole, queryAllByRole, textContent } from './support/ui.ts';
import { asPerson } from './support/widgets.ts';

async function timelineSteps(pane: RequestAccessPane): Promise<string[]> {
  const list = await findByRole(pane, 'list', { name: 'Timeline' });
  return queryAllByRole(list, 'listitem').map(textContent);
}

describe('a request timeline', () => {
  beforeEach(() => resetMock());

  it('shows each stage with who decided, when and why, the escalation, delivery and the end date', async () => {
    const lee = await clientFor('lee');
    const pkg = await packageId('Financial Reporting');
    const [requirement] = await lee.getRequirements(pkg);
    const question = requirement.questions?.[0];
    await lee.requestAccessFor(await idOf('adele'), {
      accessPackageId: pkg,
      assignmentPolicyId: requirement.policyId ?? '',
      justification: 'Quarter close',
      answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'pnl', answeredQuestion: { id: question?.id } }],
      bypassApproval: true,
    });
    (await engine()).advance('P9D');

    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
    await activate(getByRole(pane, 'tab', { name: 'Request history' }));
    await activate(await findByRole(pane, 'button', { name: 'Financial Reporting' }));
    await findText(pane, /Stage 2 escalated/);
    let steps = await timelineSteps(pane);
    expect(steps[0]).to.match(/^Submitted by Lee Gu \S/);
    expect(steps[1]).to.match(/^Stage 1 approved by Lee Gu \S.*\d/);
    expect(steps.slice(2)).to.deep.equal([
      'Stage 2 waiting for a decision',
      'Stage 2 escalated to the escalation approvers',
    ]);
    await expect(pane).to.be.accessible();

    // Megan, the escalation approver, and Joni decide; the timeline read again shows the rest.
    const [request] = await requestsFor('Financial Reporting', 'adele');
    const stageOf = async (person: 'megan' | 'joni') => {
      const client = await clientFor(person);
      const approval = await client.getApproval(request.id ?? '');
      return { client, stage: approval.stages?.find((s) => s.status === 'InProgress')?.id ?? '' };
    };
    const megan = await stageOf('megan');
    await megan.client.decide(request.id ?? '', megan.stage, { reviewResult: 'Approve', justification: 'Covering for finance' });
    const joni = await stageOf('joni');
    await joni.client.decide(request.id ?? '', joni.stage, { reviewResult: 'Approve', justification: 'Compliant' });

    const title = getByRole(pane, 'button', { name: 'Financial Reporting' });
    await activate(title);
    await activate(title);
    await findText(pane, /Access delivered/);
    steps = await timelineSteps(pane);
    expect(steps[2]).to.match(/^Stage 2 approved by Megan Bowen \S.*“Covering for finance”$/);
    expect(steps[3]).to.match(/^Stage 3 approved by Joni Sherman \S.*“Compliant”$/);
    expect(steps[4]).to.match(/^Access delivered \S/);
    expect(steps[5]).to.match(/^Access ends \S/);
  });
});
