// The demo intranet under test: Vite's dev server on a free loopback port and headless Chromium, shared by the demo's
// end-to-end tests. The page must log no console error and no request may fail; openDemo() loads it (again, when
// Vite re-bundled its dependencies under the first load).
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export const STEP_TIMEOUT = 20_000;

export interface Demo {
  page: Page;
  problems: string[];
  openDemo(): Promise<void>;
  settled(): Promise<void>;
  signInAs(upn: string, name: string): Promise<void>;
  waitDeep(selector: string, options?: { visible?: boolean }): Promise<ElementHandle<Element>>;
  click(selector: string): Promise<void>;
  fill(selector: string, text: string): Promise<void>;
  textOf(selector: string): Promise<string>;
  /**
   * Runs a walk, which fails as well when the page logged a console error or a request failed; on failure the error
   * gets a screenshot's path and what the page reported.
   */
  walk(name: string, steps: () => Promise<void>): Promise<void>;
}

/** Registers the server and browser for this test file; the returned object is ready once beforeAll has run. */
export function useDemo(): Demo {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
    // Each walk answers for its own page.
    problems.length = 0;
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


  async function walk(name: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
      if (problems.length) throw new Error('The page reported problems.');
    } catch (error) {
      const shot = join(tmpdir(), `entitlement-kit-demo-${name}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      (error as Error).message += `\nScreenshot: ${shot}\nPage problems:\n${problems.join('\n') || '(none)'}`;
      throw error;
    }
  }

  return {
    get page() {
      return page;
    },
    problems,
    openDemo,
    settled,
    signInAs,
    waitDeep,
    click,
    fill,
    textOf,
    walk,
  };
}

/** A control by role and accessible name, through shadow roots (puppeteer's ARIA query handler). */
export function aria(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

export type Name = string | RegExp;

/**
 * The visible element with this role and accessible name (a string is exact, a RegExp a pattern), inside `within`
 * (the document by default), looking through shadow roots: what a screen reader's list of controls offers. The name
 * is computed as the kit's markup needs it: aria-labelledby, aria-label, the field's labels, else the text.
 */
export async function byRole(page: Page, role: string, name: Name, within?: ElementHandle<Element>): Promise<ElementHandle<HTMLElement>> {
  const pattern = typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags };
  const handle = await page.waitForFunction(
    (root, wantedRole, wanted) => {
      const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      const roleOf = (el: Element): string | undefined => {
        const explicit = el.getAttribute('role');
        if (explicit) return explicit;
        const tag = el.localName;
        if (tag === 'button') return 'button';
        if (tag === 'a' && el.hasAttribute('href')) return 'link';
        if (/^h[1-6]$/.test(tag)) return 'heading';
        if (tag === 'textarea') return 'textbox';
        if (tag === 'select') return 'combobox';
        if (tag === 'dialog') return 'dialog';
        if (tag === 'fieldset') return 'group';
        if (tag === 'input') {
          const type = (el as HTMLInputElement).type;
          return ({ checkbox: 'checkbox', radio: 'radio', search: 'searchbox', date: 'date', button: 'button', submit: 'button' } as Record<string, string>)[type] ?? 'textbox';
        }
        return undefined;
      };
      const nameOf = (el: Element): string => {
        const scope = el.getRootNode() as Document | ShadowRoot;
        const labelledBy = el.getAttribute('aria-labelledby');
        if (labelledBy) return collapse(labelledBy.split(/\s+/).map((id) => scope.getElementById(id)?.textContent).join(' '));
        const label = el.getAttribute('aria-label');
        if (label) return collapse(label);
        if (el.localName === 'fieldset') return collapse(el.querySelector(':scope > legend')?.textContent);
        const labels = (el as HTMLInputElement).labels;
        if (labels?.length) return collapse([...labels].map((l) => l.textContent).join(' ')).replace(/\s*\*$/, '');
        return collapse(el.textContent);
      };
      const all: Element[] = [];
      const visit = (node: Node) => {
        for (const child of [...((node as Element).shadowRoot?.children ?? []), ...node.childNodes]) {
          if (!(child instanceof Element)) continue;
          all.push(child);
          visit(child);
        }
      };
      visit(root ?? document);
      const matches = (text: string) => ('exact' in wanted ? text === wanted.exact : new RegExp(wanted.source, wanted.flags).test(text));
      return all.find((el) => roleOf(el) === wantedRole && (el as HTMLElement).checkVisibility() && matches(nameOf(el)));
    },
    { timeout: 20_000, polling: 100 },
    within ?? null,
    role,
    pattern,
  );
  return handle.asElement() as ElementHandle<HTMLElement>;
}
