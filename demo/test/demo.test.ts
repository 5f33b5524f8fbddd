// End to end through the demo intranet: Vite's dev server on a free loopback port, headless Chromium, the browser
// mock in its service worker. Lee Gu requests Marketing Campaigns for his report Pradeep Gupta, Diego Siciliani (the
// policy's fallback approver, since Lee cannot approve his own request) approves it, and Lee then sees the
// assignment in My team. The page must log no console error and no request may fail.
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEE = 'lee.gu@contoso.com';
const DIEGO = 'diego.siciliani@contoso.com';
const PRADEEP_ID = '10000000-0000-4000-8000-000000000008';
const STEP_TIMEOUT = 20_000;

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let page: Page;
let demoUrl = '';
const problems: string[] = [];
/** Pre-bundled dependencies Vite answered as outdated on the first load (see the response listener). */
const outdatedDeps = new Set<string>();
let acceptOutdatedDeps = false;
let onOutdatedDeps: (() => void) | undefined;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is needed: sudo apt-get install -y chromium (or set CHROME_PATH).');
  server = await createServer({
    configFile: `${ROOT}vite.config.ts`,
    // Its own optimizer cache, so a running `npm start` and this test never rewrite each other's.
    cacheDir: `${ROOT}node_modules/.vite/demo-test`,
    logLevel: 'warn',
    clearScreen: false,
    // Port 0: a free port. No watcher and no HMR, so edits elsewhere in the repo cannot reload the page mid-test.
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  demoUrl = `http://127.0.0.1:${port}/`;

  browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (outdatedDeps.size > 0 && message.text().includes('Outdated Optimize Dep')) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('requestfailed', (request) => {
    if (outdatedDeps.has(request.url())) return;
    // Chromium ends a response from MSW's service worker whose body the page never reads (the SDK does not read a
    // PATCH's 204) as ERR_ABORTED after the answer arrived. The call succeeded; anything else is a failure.
    const answered = request.response();
    if (answered?.ok() && answered.fromServiceWorker() && request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    // Vite re-bundled its pre-bundled dependencies while the page loaded (someone changed the lockfile or a
    // workspace package's dependencies): with HMR off the page cannot follow, so openDemo() loads it once more.
    if (acceptOutdatedDeps && response.status() === 504 && response.statusText() === 'Outdated Optimize Dep') {
      outdatedDeps.add(response.url());
      onOutdatedDeps?.();
      return;
    }
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads the demo until it is ready; once more if Vite's dependency bundles changed under the first load. */
async function openDemo(): Promise<void> {
  const outdated = new Promise<'outdated'>((resolve) => (onOutdatedDeps = () => resolve('outdated')));
  acceptOutdatedDeps = true;
  await page.goto(demoUrl);
  const ready = page.waitForSelector('html[data-demo="ready"]', { timeout: 60_000 }).then(() => 'ready' as const);
  ready.catch(() => undefined);
  const first = await Promise.race([ready, outdated]);
  acceptOutdatedDeps = false;
  if (first === 'ready') return;
  await page.goto(demoUrl);
  await page.waitForSelector('html[data-demo="ready"]', { timeout: 60_000 });
}

/** The demo has finished its last action and no widget is loading. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.demo !== 'ready') return false;
    const widgets = [...document.querySelectorAll('request-access-pane, approval-inbox, manage-team')];
    return widgets.length === 3 && widgets.every((w) => w.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false');
  });
}

async function signInAs(upn: string, name: string): Promise<void> {
  await settled();
  await page.select('#persona', upn);
  await page.waitForFunction(
    (expected) => document.documentElement.dataset.demo === 'ready' && document.getElementById('status')?.textContent?.startsWith(`Signed in as ${expected}`),
    {},
    name,
  );
  await settled();
}

/** Clicks the first element matching `selector` in a widget's shadow root whose text holds every one of `texts`. */
async function clickItem(widget: string, selector: string, ...texts: string[]): Promise<void> {
  const found = await page.waitForFunction(
    (host, css, wanted) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll<HTMLElement>(css) ?? [])].find((element) =>
        wanted.every((text) => element.textContent?.includes(text)),
      ),
    {},
    widget,
    selector,
    texts,
  );
  const element = found.asElement() as ElementHandle<HTMLElement> | null;
  if (!element) throw new Error(`No ${selector} with ${texts.join(', ')} in <${widget}>.`);
  await element.click();
}

/**
 * Polls for a `>>>` (shadow-piercing) selector. waitForSelector re-checks on mutations of the document, which a
 * widget's shadow DOM does not cause, so content a widget renders later (a view it loads on demand) would be missed.
 */
async function waitDeep(selector: string, options: { visible?: boolean } = {}): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const element = await page.$(selector);
    if (element && (!options.visible || (await element.isVisible()))) return element;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function click(selector: string): Promise<void> {
  const element = await waitDeep(selector, { visible: true });
  await (element as ElementHandle<HTMLElement>).click();
}

async function fill(selector: string, text: string): Promise<void> {
  const element = await waitDeep(selector, { visible: true });
  await (element as ElementHandle<HTMLElement>).type(text);
}

async function textOf(selector: string): Promise<string> {
  const handle = await waitDeep(selector);
  return (await handle!.evaluate((element) => element.textContent ?? '')).replace(/\s+/g, ' ').trim();
}

describe('the demo intranet', () => {
  it('runs the on-behalf request flow across personas', () => runFlow(onBehalfFlow, 'entitlement-kit-demo-failure.png'), 120_000);

  it('has an Administration area for the admin: a package created there is requestable by Adele without a reload', () =>
    runFlow(administrationFlow, 'entitlement-kit-demo-admin-failure.png'), 120_000);
});

/** Runs a flow; when a step fails, the error carries a screenshot and what the page said (usually the reason). */
async function runFlow(flow: () => Promise<void>, screenshot: string): Promise<void> {
  try {
    await flow();
  } catch (error) {
    const shot = join(tmpdir(), screenshot);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    (error as Error).message += `\nScreenshot: ${shot}\nPage problems:\n${problems.join('\n') || '(none)'}`;
    throw error;
  }
  expect(problems).toEqual([]);
}

async function administrationFlow(): Promise<void> {
  if (!page.url().startsWith(demoUrl)) await openDemo();
  // A mark on this document: it must still be there at the end, so nothing reloaded the page.
  await page.evaluate(() => ((window as unknown as { adminFlowMark: boolean }).adminFlowMark = true));
  await signInAs('admin@contoso.com', 'Contoso Admin');
  expect(await textOf('#admin-heading')).toBe('Administration');
  await fill('access-package-editor >>> #name', 'Demo Onboarding Kit');
  await click('access-package-editor >>> input[name="catalog-mode"][value="new"]');
  await fill('access-package-editor >>> #new-catalog-name', 'Demo Catalog');
  await click('access-package-editor >>> button[part~="next-button"]');
  await click('access-package-editor >>> button[part~="next-button"]');
  await fill('access-package-editor >>> #policy-name', 'All employees');
  for (let step = 0; step < 4; step++) await click('access-package-editor >>> button[part~="next-button"]');
  await click('access-package-editor >>> button[part~="create-button"]');
  await page.waitForSelector('#events li[data-event="package-created"]');
  expect(await textOf('access-package-editor >>> [part~="result"]')).toContain('Demo Onboarding Kit is ready in the catalog Demo Catalog.');

  // Adele Vance, same page, same in-page mock: the new package is in her catalogue and she requests it.
  await signInAs('adele.vance@contoso.com', 'Adele Vance');
  expect(await page.$eval('#administration', (el) => (el as HTMLElement).hidden)).toBe(true);
  await fill('request-access-pane >>> #search', 'Onboarding');
  await clickItem('request-access-pane', 'button[part~="item"]', 'Demo Onboarding Kit');
  await click('request-access-pane >>> button[part~="submit-button"]');
  expect(await textOf('request-access-pane >>> [part~="result"]')).toContain('Demo Onboarding Kit');
  expect(await page.evaluate(() => (window as unknown as { adminFlowMark?: boolean }).adminFlowMark)).toBe(true);
  await settled();
}

async function onBehalfFlow(): Promise<void> {
  await openDemo();
  expect(await textOf('#status')).toBe('Signed in as Lee Gu (manager).');
  expect(await textOf('#clock-now')).toContain('2 Nov 2026');
  await settled();

  // Lee Gu, manager: Marketing Campaigns for Pradeep Gupta, with the policy's question and justification.
  await clickItem('request-access-pane', 'button[part~="item"]', 'Marketing Campaigns');
  await click('request-access-pane >>> input[name="target"][value="other"]');
  const person = (await waitDeep('request-access-pane >>> select#target')) as ElementHandle<HTMLSelectElement>;
  await person!.select(PRADEEP_ID);
  await fill('request-access-pane >>> form input[type="text"][required]', 'MKT-2026');
  await fill('request-access-pane >>> #justification', 'Pradeep runs the EMEA launch campaign.');
  await click('request-access-pane >>> button[part~="submit-button"]');
  expect(await textOf('request-access-pane >>> [part~="result"]')).toContain('Marketing Campaigns for Pradeep Gupta');
  await page.waitForSelector('#events li[data-event="request-submitted"]');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#outbox li[data-kind="approverAsked"]')].some(
      (li) => li.textContent?.includes('Pradeep Gupta') && li.textContent.includes('To: Diego Siciliani'),
    ),
  );

  // Diego Siciliani, approver: the request is in his inbox, marked as made on Pradeep's behalf; he approves.
  await signInAs(DIEGO, 'Diego Siciliani');
  await clickItem('approval-inbox', 'button[part~="item"]', 'Marketing Campaigns', 'Pradeep Gupta');
  expect(await textOf('approval-inbox >>> [part~="on-behalf"]')).toContain('Lee Gu requested this on behalf of Pradeep Gupta');
  expect(await textOf('approval-inbox >>> [part~="details"]')).toContain('MKT-2026');
  await fill('approval-inbox >>> #reason', 'Confirmed with Lee.');
  await click('approval-inbox >>> button[part~="approve-button"]');
  expect(await textOf('approval-inbox >>> #outcome-text')).toBe('You approved this request.');
  await page.waitForSelector('#events li[data-event="decision-recorded"]');
  await page.waitForSelector('#outbox li[data-kind="approved"]');

  // Lee Gu again: Pradeep now holds Marketing Campaigns.
  await signInAs(LEE, 'Lee Gu');
  await clickItem('manage-team', 'button[part~="item"]', 'Pradeep Gupta');
  await page.waitForFunction(() =>
    [...(document.querySelector('manage-team')?.shadowRoot?.querySelectorAll('[part~="details"] [part~="item"]') ?? [])].some(
      (row) => row.textContent?.includes('Marketing Campaigns') && row.textContent.includes('Delivered'),
    ),
  );
  await settled();
}
