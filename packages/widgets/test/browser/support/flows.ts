// Steps more than one test takes through the UI.
import { expect } from '@open-wc/testing';
import type { RequestAccessPane } from '../../../src/request-access-pane/request-access-pane.ts';
import { activate, findByRole, findText, getByRole, typeInto } from './ui.ts';

export const leeForLynne = {
  code: 'MKT-4321',
  plan: 'Spring launch for the EMEA region',
  justification: 'Lynne plans the spring campaign budget',
};

/** As Lee Gu in a request pane: opens Marketing Campaigns and fills the request for Lynne Robbins, by keyboard. */
export async function fillMarketingForLynne(pane: RequestAccessPane): Promise<void> {
  await typeInto(await findByRole(pane, 'searchbox', { name: 'Search access packages' }), 'Marketing');
  await activate(await findByRole(pane, 'button', { name: /^Marketing Campaigns/ }));
  await findByRole(pane, 'heading', { name: 'Marketing Campaigns' });
  await activate(await findByRole(pane, 'radio', { name: 'Someone else' }));
  // Type-ahead in the closed select picks the report, as a keyboard user does.
  await typeInto(await findByRole(pane, 'combobox', { name: 'Person' }), 'Lynne');
  await findText(pane, 'Policy: Employees, manager approval');
  // Lee is Lynne's manager, the policy's approver: he could approve it himself (bypass); these flows leave it to the
  // fallback approver instead.
  const bypass = await findByRole(pane, 'checkbox', { name: 'Approve it myself, as Lynne Robbins’s manager' });
  expect((bypass as HTMLInputElement).checked).to.equal(true);
  await activate(bypass);
  expect((bypass as HTMLInputElement).checked).to.equal(false);
  await typeInto(getByRole(pane, 'textbox', { name: 'Campaign code (for example MKT-1234)' }), leeForLynne.code);
  await typeInto(getByRole(pane, 'textbox', { name: 'What will you work on in this campaign?' }), leeForLynne.plan);
  await typeInto(getByRole(pane, 'textbox', { name: 'Business justification' }), leeForLynne.justification);
}
