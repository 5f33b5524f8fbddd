// An existing package in <access-package-editor package-id>: its basics and hidden toggle, its resource roles, a
// policy changed (PUT) and one added, separation of duties and a direct assignment, each through Graph.
import { expect, html, oneEvent } from '@open-wc/testing';
import '../../src/define/access-package-editor.ts';
import type { AccessPackageEditor } from '../../src/access-package-editor/access-package-editor.ts';
import { engine, idOf, packageId, resetMock } from './support/mock.ts';
import { activate, findByRole, findText, getByRole, typeInto } from './support/ui.ts';
import { choose, replaceText } from './support/editor.ts';
import { asPerson } from './support/widgets.ts';

describe('<access-package-editor package-id>: an existing package', function () {
  // Long keyboard-only flows: more than mocha's 20 s default when the machine is busy.
  this.timeout(90_000);
  beforeEach(() => resetMock());

  it('edits basics, hidden, roles, a policy, adds a policy, separation of duties and a direct assignment', async () => {
    const id = await packageId('Sales Pipeline');
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor package-id=${id}></access-package-editor>`);
    const e = await engine();
    const admin = await idOf('admin');
    await findByRole(editor, 'heading', { name: 'Edit Sales Pipeline' });

    // Basics: description, then hidden.
    const description = await findByRole(editor, 'textbox', { name: 'Description' });
    await replaceText(description, 'Pipeline and CRM for the sales team.');
    let updated = oneEvent(editor, 'package-updated');
    await activate(getByRole(editor, 'button', { name: 'Save basics' }));
    expect((await updated).detail.description).to.equal('Pipeline and CRM for the sales team.');
    expect(e.getPackage(admin, id).description).to.equal('Pipeline and CRM for the sales team.');
    updated = oneEvent(editor, 'package-updated');
    await activate(getByRole(editor, 'checkbox', { name: 'Hidden' }));
    await updated;
    expect(e.getPackage(admin, id).isHidden).to.equal(true);

    // Resource roles: drop Contoso CRM, add Marketing Hub's Members role.
    await activate(getByRole(editor, 'button', { name: 'Resource roles' }));
    await activate(await findByRole(editor, 'button', { name: /^Remove .* of Contoso CRM$/ }));
    await activate(getByRole(editor, 'radio', { name: 'SharePoint sites' }));
    await choose(editor, 'Resource', 'Marketing Hub');
    await choose(editor, 'Role', 'Members');
    await activate(getByRole(editor, 'button', { name: 'Add role' }));
    await activate(getByRole(editor, 'button', { name: 'Save resource roles' }));
    await findText(editor, 'Saved.');
    const roles = e.listResourceRoleScopes(admin, id, { expand: { role: { resource: true } } }).map((rs) => `${rs.role?.displayName} – ${rs.role?.resource?.displayName}`);
    expect(roles.sort()).to.deep.equal(['Member – Sales Pipeline Editors', 'Members – Marketing Hub']);

    // Policies: change the existing one (its question keeps its id and choices), then add a direct-assignment one.
    await activate(getByRole(editor, 'button', { name: 'Policies' }));
    await activate(await findByRole(editor, 'button', { name: 'Edit policy Sales team self-service' }));
    await findByRole(editor, 'heading', { name: 'Policy “Sales team self-service”' });
    await activate(getByRole(editor, 'checkbox', { name: 'Require requestor justification' }));
    await activate(getByRole(editor, 'button', { name: 'Review + save' }));
    await findText(editor, 'Which sales region do you work in? (Multiple choice: EMEA, Americas, Asia Pacific; required; also in de)');
    let saved = oneEvent(editor, 'policy-saved');
    await activate(getByRole(editor, 'button', { name: 'Save policy' }));
    expect((await saved).detail.requestApprovalSettings?.isRequestorJustificationRequired).to.equal(true);
    await findByRole(editor, 'heading', { name: 'Step 3 of 5: Policies' });
    const policies = e.listPackagePolicies(admin, id, { expand: { questions: true } });
    const question = (policies[0] as { questions?: { id?: string; choices?: { actualValue?: string }[] }[] }).questions?.[0];
    expect(question?.choices?.map((c) => c.actualValue)).to.deep.equal(['EMEA', 'AMER', 'APAC']);
    // What the editor does not show stays as it was: managers may still extend on behalf.
    expect(policies[0].requestorSettings).to.include({ enableOnBehalfRequestorsToUpdateAccess: true, enableTargetsToSelfRemoveAccess: true });

    await activate(getByRole(editor, 'button', { name: 'Add policy' }));
    await typeInto(await findByRole(editor, 'textbox', { name: 'Policy name' }), 'Administrator assignments');
    await activate(getByRole(editor, 'radio', { name: 'None (administrator direct assignments only)' }));
    await activate(getByRole(editor, 'button', { name: 'Review + save' }));
    saved = oneEvent(editor, 'policy-saved');
    await activate(await findByRole(editor, 'button', { name: 'Save policy' }));
    expect((await saved).detail.allowedTargetScope).to.equal('notSpecified');
    await findByRole(editor, 'button', { name: 'Edit policy Administrator assignments' });
    expect(e.listPackagePolicies(admin, id)).to.have.length(2);

    // Separation of duties.
    await activate(getByRole(editor, 'button', { name: 'Separation of duties' }));
    await choose(editor, 'Incompatible access package', 'Customer Data Export');
    await activate(getByRole(editor, 'button', { name: 'Add incompatible package' }));
    await findByRole(editor, 'button', { name: 'Remove Customer Data Export' });
    expect(e.listIncompatiblePackages(admin, id).map((p) => p.displayName)).to.deep.equal(['Customer Data Export']);

    // Direct assignment under the new policy.
    await activate(getByRole(editor, 'button', { name: 'Assignments' }));
    await choose(editor, 'User', 'Alex Wilber');
    await choose(editor, 'Policy', 'Administrator assignments');
    await activate(getByRole(editor, 'button', { name: 'Assign' }));
    // Graph answers the adminAdd submitted; the line then says where it settled.
    await findText(editor, /Alex Wilber assigned: (Submitted|Delivered)\./);
    await findText(editor, 'Alex Wilber assigned: Delivered.');
    const alex = await idOf('alex');
    const request = e.listRequests(admin, { expand: { assignment: true } }).find((r) => r.requestType === 'adminAdd' && r.assignment?.targetId === alex && r.assignment?.accessPackageId === id);
    expect(request).to.exist;
    await expect(editor).to.be.accessible();
  });

  it('shows, adds and removes the groups a package is incompatible with', async () => {
    const id = await packageId('Production Support On-Call');
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor package-id=${id}></access-package-editor>`);
    const e = await engine();
    const admin = await idOf('admin');
    const groupsOf = () => e.listIncompatibleGroups(admin, id).map((g) => g.displayName);
    await activate(await findByRole(editor, 'button', { name: 'Separation of duties' }));
    const groups = await findByRole(editor, 'list', { name: 'Incompatible groups' });
    expect(getByRole(groups, 'listitem').textContent).to.contain('Contractors');

    await choose(editor, 'Incompatible group', 'Build Agent Admins');
    await activate(getByRole(editor, 'button', { name: 'Add incompatible group' }));
    await findByRole(editor, 'button', { name: 'Remove Build Agent Admins' });
    expect(groupsOf()).to.deep.equal(['Contractors', 'Build Agent Admins']);

    await activate(getByRole(editor, 'button', { name: 'Remove Contractors' }));
    await findText(editor, 'Contractors is no longer incompatible.');
    expect(groupsOf()).to.deep.equal(['Build Agent Admins']);
    await expect(editor).to.be.accessible();
  });

  it('adds a policy for the users of a specific connected organization, chosen from Graph\'s list', async () => {
    const id = await packageId('Sales Pipeline');
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor package-id=${id}></access-package-editor>`);
    await activate(await findByRole(editor, 'button', { name: 'Policies' }));
    await activate(await findByRole(editor, 'button', { name: 'Add policy' }));
    await typeInto(await findByRole(editor, 'textbox', { name: 'Policy name' }), 'Fabrikam partners');
    await activate(getByRole(editor, 'radio', { name: 'Specific connected organizations' }));
    // Without an organization the policy cannot be saved.
    await activate(getByRole(editor, 'button', { name: 'Review + save' }));
    await findText(editor, 'Add at least one connected organization whose users can request.');
    await activate(getByRole(editor, 'button', { name: 'Requests (has problems)' }));
    await choose(editor, 'Connected organizations whose users can request', 'Fabrikam');
    await activate(getByRole(editor, 'button', { name: 'Add to Connected organizations whose users can request' }));
    expect(getByRole(editor, 'list', { name: 'Chosen for Connected organizations whose users can request' }).textContent).to.contain('Fabrikam');
    await activate(getByRole(editor, 'button', { name: 'Review + save' }));
    await findText(editor, /Specific connected organizations: Fabrikam/);
    const saved = oneEvent(editor, 'policy-saved');
    await activate(await findByRole(editor, 'button', { name: 'Save policy' }));
    const policy = (await saved).detail;
    expect(policy.allowedTargetScope).to.equal('specificConnectedOrganizationUsers');
    const e = await engine();
    const stored = e.getPolicy(await idOf('admin'), policy.id!);
    expect(stored.specificAllowedTargets).to.deep.equal([
      { '@odata.type': '#microsoft.graph.connectedOrganizationMembers', connectedOrganizationId: e.listConnectedOrganizations(await idOf('admin'))[0].id, description: 'Fabrikam' },
    ]);
    await findByRole(editor, 'button', { name: 'Edit policy Fabrikam partners' });
    await expect(editor).to.be.accessible();
  });
});
