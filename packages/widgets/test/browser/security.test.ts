// Issue 7, web security: every kind of text a widget shows from Graph (a person's name and job title, a package's
// name and description, a catalog's name, a request's justification and answers) filled with live HTML payloads
// renders as text: no element is created from it and nothing runs. A control copy parsed as HTML proves the
// payloads are live.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { html } from 'lit';
import type { ApprovalInbox, ManageTeam, RequestAccessPane } from '../../src/index.ts';
import { engine, idOf, packageId, resetMock, tokenFor } from './support/mock.ts';
import { fillMarketingForLynne } from './support/flows.ts';
import { activate, allElements, findByRole, findText, queryAllByRole, accessibleName } from './support/ui.ts';
import { asPerson, ignoreResizeObserverLoop } from './support/widgets.ts';

type Counter = { __ekPayloadRuns?: number };
const run = 'window.__ekPayloadRuns=(window.__ekPayloadRuns||0)+1';
const payload = (field: string) => `${field}<img src=x onerror="${run}"><svg onload="${run}"></svg><b>bold</b>`;

describe('payloads in displayed Graph fields', () => {
  let restore: () => void;
  beforeEach(async () => {
    restore = ignoreResizeObserverLoop();
    await resetMock();
    delete (window as Counter).__ekPayloadRuns;
  });
  afterEach(() => restore());

  it('render as text in all three widgets and never run', async () => {
    const e = await engine();
    const admin = await idOf('admin');
    const adele = await idOf('adele');
    const marketing = await packageId('Marketing Campaigns');
    e.updateUser(admin, adele, { displayName: payload('Adele'), jobTitle: payload('Job') });
    e.updatePackage(admin, marketing, { displayName: payload('Package'), description: payload('Description') });
    // Justification and answers are the requestor's words; the seed's pending request from Adele gets payloads.
    const state = e.toJSON();
    const pending = Object.values(state.requests).find((r) => r.packageId === marketing && r.targetId === adele && r.state === 'pendingApproval');
    if (!pending) throw new Error('the seed has no pending Marketing Campaigns request from Adele');
    pending.justification = payload('Justification');
    pending.answers = pending.answers.map((a) => ({ ...a, value: payload('Answer'), displayValue: payload('Answer') }));
    state.catalogs[state.packages[marketing].catalogId].displayName = payload('Catalog');
    e.fromJSON(state);

    const team = await asPerson<ManageTeam>('lee', html`<manage-team></manage-team>`);
    const inbox = await asPerson<ApprovalInbox>('lee', html`<approval-inbox></approval-inbox>`);
    const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);

    await findText(team, payload('Adele'));
    await findText(pane, payload('Package'));
    await findText(pane, payload('Description'));
    await waitUntil(() => queryAllByRole(inbox, 'button').some((b) => accessibleName(b).includes(payload('Package'))), 'the inbox never listed the request');
    await activate(queryAllByRole(inbox, 'button').find((b) => accessibleName(b).includes(payload('Package')))!);
    await findText(inbox, payload('Justification'));
    await findText(inbox, payload('Answer'));

    const created = [team, inbox, pane].flatMap((el) => allElements(el)).filter((el) => ['img', 'svg', 'b', 'script'].includes(el.localName));
    // Icons the widgets draw themselves are svg too; none of them carries an onload handler or sits inside user text.
    expect(created.filter((el) => el.localName !== 'svg' || el.hasAttribute('onload'))).to.have.length(0);

    // A broken image of our own errors only after the page had time to load any image the payloads created.
    await new Promise((resolve) => Object.assign(new Image(), { onerror: resolve, src: 'x-sentinel' }));
    expect((window as Counter).__ekPayloadRuns, 'a payload ran inside a widget').to.equal(undefined);

    const control = document.createElement('div');
    control.innerHTML = payload('control');
    await waitUntil(() => ((window as Counter).__ekPayloadRuns ?? 0) >= 1, 'the control copy never ran', { timeout: 10000 });
  });
});

describe('the bearer token', () => {
  it('appears in no event detail, no error and no console line, through failures and a submit', async () => {
    const m = await resetMock();
    const token = await tokenFor('lee');
    const names = ['request-submitted', 'request-canceled', 'decision-recorded', 'access-removed', 'widget-error'];
    const details: unknown[] = [];
    const record = (event: Event) => details.push((event as CustomEvent).detail);
    for (const name of names) document.addEventListener(name, record);
    const lines: unknown[][] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    methods.forEach((method, i) => {
      console[method] = (...args: unknown[]) => {
        lines.push(args);
        originals[i].apply(console, args);
      };
    });
    try {
      // Every call fails first (503/504), then a 401 for the catalogue, then the flow goes through.
      m.faults.configure({ failRate: 1 });
      const pane = await asPerson<RequestAccessPane>('lee', html`<request-access-pane></request-access-pane>`);
      await waitUntil(() => details.length > 0, 'no widget-error', { timeout: 15_000 });
      m.faults.clear();
      m.worker.use(
        http.get(/filterByCurrentUser/, () => HttpResponse.json({ error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } }, { status: 401 }), { once: true }),
      );
      await activate(await findByRole(pane, 'button', { name: 'Try again' }));
      await waitUntil(() => details.length > 1, 'no second widget-error', { timeout: 15_000 });
      await activate(await findByRole(pane, 'button', { name: 'Try again' }));
      await fillMarketingForLynne(pane);
      await activate(await findByRole(pane, 'button', { name: 'Submit request' }));
      await findByRole(pane, 'heading', { name: 'Request submitted' });
    } finally {
      methods.forEach((method, i) => (console[method] = originals[i]));
      for (const name of names) document.removeEventListener(name, record);
    }
    // Errors spelt out (JSON drops their message, stack and cause).
    const spelt = (value: unknown): unknown =>
      value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack, cause: spelt(value.cause), text: String(value) } : value;
    const everything = JSON.stringify([details, lines], (_, value: unknown) => spelt(value));
    const errors = details.filter((d) => (d as { error?: unknown }).error);
    expect(errors.map((d) => ((d as { error: { status: number } }).error.status))).to.include(401);
    expect(details.some((d) => (d as { id?: string }).id && !(d as { error?: unknown }).error)).to.equal(true);
    expect(token.length).to.be.greaterThan(20);
    expect(everything.includes(token)).to.equal(false);
    expect(everything.includes(token.split('.')[1])).to.equal(false);
  });
});
