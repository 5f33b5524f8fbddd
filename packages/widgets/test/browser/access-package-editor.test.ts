// Seed 003's "Create an access package" through <access-package-editor>, by keyboard and by role and label only:
// the admin creates a package in a new catalog with a group role, a policy for all members with on-behalf requests,
// two approval stages with alternate approvers, a required multiple-choice question with a German localization and
// a 30-day expiry with extension; then an employee finds it in <request-access-pane> in German and requests it.
import { expect, html } from '@open-wc/testing';
import '../../src/define/access-package-editor.ts';
import type { AccessPackageEditor } from '../../src/access-package-editor/access-package-editor.ts';
import type { PackageCreatedDetail } from '../../src/events.ts';
import type { RequestAccessPane } from '../../src/request-access-pane/request-access-pane.ts';
import { engine, idOf, requestsFor, resetMock } from './support/mock.ts';
import { activate, findByRole, findText, getByRole, queryByRole, typeInto } from './support/ui.ts';
import { choose, replaceText } from './support/editor.ts';
import { asPerson } from './support/widgets.ts';

async function next(editor: Element, step: string): Promise<void> {
  await activate(getByRole(editor, 'button', { name: `Next: ${step}` }));
  await findByRole(editor, 'heading', { name: new RegExp(`: ${step.replace('+', '\\+')}$`) });
}

/** Picks an option of a select by its text, from the keyboard (type-ahead), then presses Add. */
async function addPrincipal(editor: Element, list: string, name: string): Promise<void> {
  const picker = getByRole(editor, 'combobox', { name: list }) as HTMLSelectElement;
  await typeInto(picker, name);
  expect(picker.selectedOptions[0]?.textContent).to.equal(name);
  await activate(getByRole(editor, 'button', { name: `Add to ${list}` }));
  await findByRole(editor, 'button', { name: `Remove ${name} from ${list}` });
}

describe('<access-package-editor>: seed 003 end to end', function () {
  // Long keyboard-only flows: more than mocha's 20 s default when the machine is busy.
  this.timeout(90_000);
  beforeEach(() => resetMock());

  it('the admin creates the package in a new catalog, and an employee requests it and reads the question in German', async () => {
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor></access-package-editor>`);
    const created: PackageCreatedDetail[] = [];
    editor.addEventListener('package-created', (e) => created.push(e.detail));

    // Basics: a new catalog.
    await typeInto(await findByRole(editor, 'textbox', { name: 'Name' }), 'Regional Marketing');
    await typeInto(getByRole(editor, 'textbox', { name: 'Description' }), 'Campaign tools for the regional teams.');
    await activate(getByRole(editor, 'radio', { name: 'Create new catalog' }));
    await typeInto(await findByRole(editor, 'textbox', { name: 'Catalog name' }), 'Regional Marketing Catalog');
    await next(editor, 'Resource roles');

    // Resource roles: a group from the directory ("See all"), its Member role.
    await choose(editor, 'Resource', 'Marketing Campaign Contributors');
    await choose(editor, 'Role', 'Member');
    await activate(getByRole(editor, 'button', { name: 'Add role' }));
    await findByRole(editor, 'button', { name: 'Remove Member of Marketing Campaign Contributors' });
    await next(editor, 'Requests');

    // Requests: all members, on behalf, two stages with alternate approvers.
    await typeInto(getByRole(editor, 'textbox', { name: 'Policy name' }), 'Employees');
    await activate(getByRole(editor, 'radio', { name: 'All members (excluding guests)' }));
    await activate(getByRole(editor, 'checkbox', { name: 'Allow managers to request on behalf of employees' }));
    await replaceText(getByRole(editor, 'textbox', { name: 'How many stages (1 to 3)' }), '2');
    // Stage 1: the manager, forwarded to the second level manager (with a fallback) after 8 of 14 days.
    await activate(await findByRole(editor, 'checkbox', { name: 'If no action taken, forward to alternate approvers (stage 1)' }));
    await activate(await findByRole(editor, 'checkbox', { name: 'Second level manager as alternate approver (stage 1)' }));
    await addPrincipal(editor, 'Fallback if there is no second level manager (stage 1)', 'Diego Siciliani');
    await typeInto(getByRole(editor, 'textbox', { name: 'Forward to alternate approvers after how many days? (stage 1)' }), '8');
    // Stage 2: Patti Fernandez, forwarded to Miriam Graham after 10 days.
    await choose(editor, 'Approver (stage 2)', 'Choose specific approvers');
    await addPrincipal(editor, 'Approvers (stage 2)', 'Patti Fernandez');
    await activate(getByRole(editor, 'checkbox', { name: 'If no action taken, forward to alternate approvers (stage 2)' }));
    await addPrincipal(editor, 'Alternate approvers (stage 2)', 'Miriam Graham');
    await typeInto(getByRole(editor, 'textbox', { name: 'Forward to alternate approvers after how many days? (stage 2)' }), '10');
    await next(editor, 'Requestor information');

    // Requestor information: a required multiple-choice question, localized in German.
    await activate(getByRole(editor, 'button', { name: 'Add a question' }));
    await typeInto(await findByRole(editor, 'textbox', { name: 'Question text (question 1)' }), 'Which region do you work in?');
    await activate(getByRole(editor, 'button', { name: 'Add a localization (question 1)' }));
    await typeInto(await findByRole(editor, 'textbox', { name: 'Language code 1 (question 1)' }), 'de');
    await typeInto(getByRole(editor, 'textbox', { name: 'Localized text 1 (question 1)' }), 'In welcher Region arbeiten Sie?');
    await choose(editor, 'Answer format (question 1)', 'Multiple choice');
    for (const [m, value] of [[1, 'EMEA'], [2, 'Americas']] as const) {
      await activate(await findByRole(editor, 'button', { name: 'Add an answer value to question 1' }));
      await typeInto(await findByRole(editor, 'textbox', { name: `Answer value ${m} (question 1)` }), value);
    }
    await activate(getByRole(editor, 'checkbox', { name: 'Required (question 1)' }));
    await next(editor, 'Lifecycle');

    // Lifecycle: 30 days, extension allowed.
    await replaceText(getByRole(editor, 'textbox', { name: 'Days until assignments expire (0 to 3660)' }), '30');
    await activate(getByRole(editor, 'checkbox', { name: 'Allow users to extend access' }));
    await next(editor, 'Custom extensions');
    await findText(editor, 'A new catalog has no custom extensions yet.');
    await next(editor, 'Review + create');

    // Review: every setting in words, no problems.
    await findText(editor, 'New catalog “Regional Marketing Catalog”');
    await findText(editor, 'Member – Marketing Campaign Contributors');
    await findText(editor, 'the second level manager (fallback: Diego Siciliani)');
    await findText(editor, 'forwarded to Miriam Graham after 10 days');
    await findText(editor, 'Which region do you work in? (Multiple choice: EMEA, Americas; required; also in de)');
    await findText(editor, 'After 30 days');
    expect(queryByRole(editor, 'group', { name: /problem/ })).to.equal(null);
    await expect(editor).to.be.accessible();
    await activate(getByRole(editor, 'button', { name: 'Create' }));
    await findByRole(editor, 'heading', { name: 'Access package created' });
    await findText(editor, 'Regional Marketing is ready in the catalog Regional Marketing Catalog.');
    expect(created).to.have.length(1);

    // Graph holds what the editor described.
    const e = await engine();
    const admin = await idOf('admin');
    const pkg = e.listPackages(admin).find((p) => p.displayName === 'Regional Marketing')!;
    const policy = e.listPackagePolicies(admin, pkg.id!)[0];
    expect(policy.allowedTargetScope).to.equal('allMemberUsers');
    expect(policy.requestorSettings?.enableOnBehalfRequestorsToAddAccess).to.equal(true);
    expect(policy.requestorSettings?.enableTargetsToSelfUpdateAccess).to.equal(true);
    expect(policy.expiration).to.deep.include({ type: 'afterDuration', duration: 'P30D' });
    const stages = policy.requestApprovalSettings?.stages ?? [];
    expect(stages.map((s) => [s.isEscalationEnabled, s.durationBeforeEscalation])).to.deep.equal([
      [true, 'P8D'],
      [true, 'P10D'],
    ]);
    expect(e.listResourceRoleScopes(admin, pkg.id!)).to.have.length(1);

    // The next package can go into the catalog just created.
    await activate(getByRole(editor, 'button', { name: 'Create another access package' }));
    await findByRole(editor, 'heading', { name: 'New access package' });
    await choose(editor, 'Catalog', 'Regional Marketing Catalog');

    // An employee finds and requests it, in German, and reads the question in German.
    const pane = await asPerson<RequestAccessPane>('adele', html`<request-access-pane></request-access-pane>`, { locale: 'de' });
    await typeInto(await findByRole(pane, 'searchbox'), 'Regional');
    await activate(await findByRole(pane, 'button', { name: /^Regional Marketing/ }));
    await findByRole(pane, 'heading', { name: 'Regional Marketing' });
    const question = await findByRole(pane, 'radiogroup', { name: /^In welcher Region arbeiten Sie\?/ });
    await activate(getByRole(question, 'radio', { name: 'EMEA' }));
    await activate(getByRole(pane, 'button', { name: 'Anforderung senden' }));
    await findByRole(pane, 'heading', { name: 'Anforderung gesendet' });
    const [request] = await requestsFor('Regional Marketing', 'adele');
    expect(request.state).to.equal('pendingApproval');
  });
});
