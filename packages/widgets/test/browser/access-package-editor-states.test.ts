// <access-package-editor> beyond the happy path: its rules shown in the form (and linked from Review), a create
// that fails part-way and resumes, a caller Graph does not let administer, and German, right to left at 320 px.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/define/access-package-editor.ts';
import type { AccessPackageEditor } from '../../src/access-package-editor/access-package-editor.ts';
import { engine, GRAPH_BASE, idOf, resetMock } from './support/mock.ts';
import { activate, deepActiveElement, findByRole, findText, getByRole, queryAllByRole, textContent, typeInto } from './support/ui.ts';
import { choose, replaceText } from './support/editor.ts';
import { asPerson } from './support/widgets.ts';

const EM = `${GRAPH_BASE}/identityGovernance/entitlementManagement`;

async function next(editor: Element, step: string): Promise<void> {
  await activate(getByRole(editor, 'button', { name: `Next: ${step}` }));
}

const invalid = (el: HTMLElement) => el.getAttribute('aria-invalid') === 'true';

/** The problem text tied to a field (aria-describedby). */
function problemOf(field: HTMLElement): string {
  const root = field.getRootNode() as ShadowRoot;
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => root.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => textContent(el!))
    .join(' ');
}

describe('<access-package-editor>: rules in the form, failures, access, languages', function () {
  // Long keyboard-only flows: more than mocha's 20 s default when the machine is busy.
  this.timeout(90_000);
  beforeEach(() => resetMock());

  it('shows each rule at its field, blocks Next on it, and links every problem from Review to its field', async () => {
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor></access-package-editor>`);
    // Basics: Next with nothing typed.
    await findByRole(editor, 'textbox', { name: 'Name' });
    await next(editor, 'Resource roles');
    const name = getByRole(editor, 'textbox', { name: 'Name' });
    expect(invalid(name)).to.equal(true);
    expect(problemOf(name)).to.equal('Enter a name.');
    expect(deepActiveElement()).to.equal(name);
    await typeInto(name, 'Rules');
    await choose(editor, 'Catalog', 'IT and Engineering');
    await next(editor, 'Resource roles');
    await findByRole(editor, 'heading', { name: 'Step 2 of 7: Resource roles' });
    await next(editor, 'Requests');
    await typeInto(await findByRole(editor, 'textbox', { name: 'Policy name' }), 'Checked');

    // Stage count: 1 to 3.
    const count = getByRole(editor, 'textbox', { name: 'How many stages (1 to 3)' });
    await replaceText(count, '4');
    await next(editor, 'Requestor information');
    expect(problemOf(count)).to.equal('Enter a number of stages from 1 to 3.');
    await replaceText(count, '1');

    // Forwarding: the day after half of 14 days is day 8; never on day 14; the second-level manager needs a fallback.
    await activate(getByRole(editor, 'checkbox', { name: 'If no action taken, forward to alternate approvers (stage 1)' }));
    await activate(await findByRole(editor, 'checkbox', { name: 'Second level manager as alternate approver (stage 1)' }));
    const forwardAfter = getByRole(editor, 'textbox', { name: 'Forward to alternate approvers after how many days? (stage 1)' });
    await typeInto(forwardAfter, '7');
    await next(editor, 'Requestor information');
    expect(problemOf(forwardAfter)).to.equal('Requests can be forwarded no earlier than day 8, the day after half of the 14 days.');
    const fallback = getByRole(editor, 'combobox', { name: 'Fallback if there is no second level manager (stage 1)' });
    expect(problemOf(fallback)).to.equal('Add a fallback approver for when there is no second level manager (stage 1).');
    await replaceText(forwardAfter, '14');
    expect(problemOf(forwardAfter)).to.equal('Requests cannot be forwarded on the last day: day 13 at the latest.');
    const days = getByRole(editor, 'textbox', { name: 'Decision must be made in how many days? (stage 1)' });
    await replaceText(days, '3');
    expect(problemOf(days)).to.equal('To forward to alternate approvers, the decision must time out after at least 4 days.');
    await replaceText(days, '14');
    await replaceText(forwardAfter, '8');
    expect(problemOf(forwardAfter)).to.equal('');

    // Lifecycle: 0 to 3660 days (reached through the step list, leaving the fallback problem behind).
    await activate(getByRole(editor, 'button', { name: 'Lifecycle' }));
    const expiry = await findByRole(editor, 'textbox', { name: 'Days until assignments expire (0 to 3660)' });
    await replaceText(expiry, '3661');
    await next(editor, 'Custom extensions');
    expect(problemOf(expiry)).to.equal('Enter a number of days from 0 to 3660.');
    await replaceText(expiry, '0');
    expect(problemOf(expiry)).to.equal('');

    // Review lists what is left, each a link to its field; the step list flags the step.
    await activate(getByRole(editor, 'button', { name: 'Review + create' }));
    const problems = await findByRole(editor, 'group', { name: 'Fix 1 problem(s) before creating:' });
    getByRole(editor, 'button', { name: 'Requests (has problems)' });
    const link = getByRole(problems, 'link', { name: 'Requests: Add a fallback approver for when there is no second level manager (stage 1).' });
    await activate(getByRole(editor, 'button', { name: 'Create' }));
    expect(deepActiveElement()).to.equal(problems);
    await activate(link);
    await findByRole(editor, 'heading', { name: 'Step 3 of 7: Requests' });
    expect(deepActiveElement()).to.equal(getByRole(editor, 'combobox', { name: 'Fallback if there is no second level manager (stage 1)' }));
    await expect(editor).to.be.accessible();
  });

  it('a create that fails part-way says what exists, keeps every setting, and Resume makes only the rest (seed 004 extension)', async () => {
    const { worker } = await resetMock();
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor></access-package-editor>`);
    await typeInto(await findByRole(editor, 'textbox', { name: 'Name' }), 'Temporary Access Pass 2');
    await choose(editor, 'Catalog', 'IT and Engineering');
    await next(editor, 'Resource roles');
    await choose(editor, 'Resource', 'Developers');
    await choose(editor, 'Role', 'Member');
    await activate(getByRole(editor, 'button', { name: 'Add role' }));
    await next(editor, 'Requests');
    await typeInto(await findByRole(editor, 'textbox', { name: 'Policy name' }), 'Managers for reports');
    await activate(getByRole(editor, 'checkbox', { name: 'Allow managers to request on behalf of employees' }));
    await activate(getByRole(editor, 'button', { name: 'Custom extensions' }));
    await choose(editor, 'Request is approved', 'Issue Temporary Access Pass');
    await activate(getByRole(editor, 'button', { name: 'Review + create' }));
    await findText(editor, 'Request is approved Issue Temporary Access Pass');

    worker.use(http.post(`${EM}/assignmentPolicies`, () => HttpResponse.json({ error: { code: 'InternalServerError', message: 'policy store down' } }, { status: 500 }), { once: true }));
    const failed = oneEvent(editor, 'widget-error');
    await activate(getByRole(editor, 'button', { name: 'Create' }));
    expect((await failed).detail.operation).to.equal('createAccessPackage');
    const alert = await findByRole(editor, 'alert');
    const text = textContent(alert);
    expect(text).to.contain('The access package was not completely created.').and.to.contain('policy store down');
    expect(text).to.match(/Created so far: access package “Temporary Access Pass 2” role Member of Developers Not created yet \(Resume creates only these\): policy “Managers for reports”/);

    // What exists cannot be taken back from the panels: the catalog is fixed, the role already added stays.
    await activate(getByRole(editor, 'button', { name: 'Basics' }));
    await findText(editor, 'Created already: resuming keeps this catalog.');
    expect(queryAllByRole(editor, 'combobox', { name: 'Catalog' })).to.have.length(0);
    await activate(getByRole(editor, 'button', { name: 'Resource roles' }));
    await findText(editor, 'Member – Developers (added to the access package already)');
    expect(queryAllByRole(editor, 'button', { name: 'Remove Member of Developers' })).to.have.length(0);
    await activate(getByRole(editor, 'button', { name: 'Review + create' }));

    const created = oneEvent(editor, 'package-created');
    await activate(getByRole(editor, 'button', { name: 'Resume creating' }));
    const detail = (await created).detail;
    await findByRole(editor, 'heading', { name: 'Access package created' });
    const e = await engine();
    const admin = await idOf('admin');
    const made = e.listPackages(admin).filter((p) => p.displayName === 'Temporary Access Pass 2');
    expect(made).to.have.length(1);
    expect(detail.accessPackage.id).to.equal(made[0].id);
    expect(e.listResourceRoleScopes(admin, made[0].id!)).to.have.length(1);
    const [policy] = e.listPackagePolicies(admin, made[0].id!, { expand: { customExtensionStageSettings: true } });
    expect((policy as { customExtensionStageSettings?: { stage: string }[] }).customExtensionStageSettings?.map((s) => s.stage)).to.deep.equal(['assignmentRequestApproved']);

    // After creation: hide it, and the direct link.
    const updated = oneEvent(editor, 'package-updated');
    await activate(getByRole(editor, 'checkbox', { name: 'Hidden' }));
    expect((await updated).detail.isHidden).to.equal(true);
    expect(e.getPackage(admin, made[0].id!).isHidden).to.equal(true);
    expect((getByRole(editor, 'textbox', { name: 'Direct link' }) as HTMLInputElement).value).to.equal(
      `https://myaccess.microsoft.com/#/access-packages/${made[0].id}`,
    );
    await expect(editor).to.be.accessible();
  });

  it('loading, then a failed read with Graph\'s message and a retry that brings the form', async () => {
    const m = await resetMock();
    m.faults.configure({ latencyMs: 1500 });
    m.worker.use(http.post(`${GRAPH_BASE}/$batch`, () => HttpResponse.json({ error: { code: 'InternalServerError', message: 'directory offline' } }, { status: 500 }), { once: true }));
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor></access-package-editor>`);
    await findText(editor, 'Loading catalogs and people…');
    await expect(editor).to.be.accessible();
    const alert = await findByRole(editor, 'alert');
    expect(textContent(alert)).to.contain('Could not load.').and.to.contain('The service had a problem.').and.to.contain('directory offline');
    m.faults.clear();
    await activate(getByRole(alert, 'button', { name: 'Try again' }));
    await findByRole(editor, 'textbox', { name: 'Name' });
  });

  it('a caller Graph does not let administer gets a clear no-access state, never a form', async () => {
    const editor = await asPerson<AccessPackageEditor>('adele', html`<access-package-editor></access-package-editor>`);
    await findText(editor, 'You cannot create or edit access packages.');
    expect(queryAllByRole(editor, 'textbox')).to.have.length(0);
    expect(queryAllByRole(editor, 'button')).to.have.length(0);
    await expect(editor).to.be.accessible();
  });

  it('German, right to left, 320 px wide: translated, mirrored and without horizontal scrolling', async () => {
    const frame = await fixture<HTMLDivElement>(html`<div dir="rtl" style="inline-size: 320px"></div>`);
    const editor = await asPerson<AccessPackageEditor>('admin', html`<access-package-editor></access-package-editor>`, { locale: 'de' });
    frame.append(editor.parentElement!);
    await findByRole(editor, 'heading', { name: 'Neues Zugriffspaket' });
    await typeInto(await findByRole(editor, 'textbox', { name: 'Name' }), 'Schmal');
    await activate(getByRole(editor, 'radio', { name: 'Neuen Katalog erstellen' }));
    await activate(getByRole(editor, 'button', { name: 'Weiter: Ressourcenrollen' }));
    expect(problemOf(getByRole(editor, 'textbox', { name: 'Name des Katalogs' }))).to.equal('Geben Sie einen Namen für den neuen Katalog ein.');
    for (const step of ['Anforderungen', 'Informationen zur anfordernden Person', 'Überprüfen + erstellen']) {
      await activate(getByRole(editor, 'button', { name: step }));
      await findByRole(editor, 'heading', { name: new RegExp(`: ${step.replace('+', '\\+')}$`) });
      if (step.startsWith('Informationen')) {
        // The widest panel: a multiple-choice question with a localization of its text and of an answer value.
        await activate(getByRole(editor, 'button', { name: 'Frage hinzufügen' }));
        await activate(await findByRole(editor, 'button', { name: 'Lokalisierung hinzufügen (Frage 1)' }));
        await choose(editor, 'Antwortformat (Frage 1)', 'Mehrfachauswahl');
        await activate(getByRole(editor, 'button', { name: 'Antwortwert zu Frage 1 hinzufügen' }));
        await activate(await findByRole(editor, 'button', { name: 'Lokalisierung hinzufügen (Antwortwert 1 von Frage 1)' }));
      }
      const base = editor.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(base.scrollWidth, step).to.be.at.most(base.clientWidth);
      expect(document.documentElement.scrollWidth, step).to.be.at.most(window.innerWidth);
      expect(getComputedStyle(base).direction).to.equal('rtl');
    }
    await expect(editor).to.be.accessible();
  });
});
