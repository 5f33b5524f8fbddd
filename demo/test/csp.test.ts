// Issue 7, web security: the built demo intranet under a strict Content Security Policy (no 'unsafe-inline', no
// 'unsafe-eval'), served by `vite preview` on loopback. The widgets must render and work with zero violations, and
// the bearer token must never show up in a URL, in the console or in what the page displays (its event log
// included). Tokens are found by the fixed first segment every token the mock mints starts with.
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { STRICT_CSP } from '../../scripts/strict-csp.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** base64url of `{"alg":"none","typ":"JWT"}`: the header of every token the mock mints. */
const TOKEN_MARK = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');

let outDir = '';
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let page: Page;
const seen = { violations: [] as string[], console: [] as string[], urls: [] as string[], errors: [] as string[] };

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is needed: sudo apt-get install -y chromium (or set CHROME_PATH).');
  outDir = mkdtempSync(join(tmpdir(), 'ek-demo-csp-'));
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, headers: { 'Content-Security-Policy': STRICT_CSP } },
  });
  const { port } = server.httpServer.address() as AddressInfo;

  browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  // Every violation fires this event, whether or not the browser also logs it.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.warn(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    seen.console.push(message.text());
    if (message.text().startsWith('CSP violation') || message.text().includes('Content Security Policy')) seen.violations.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('request', (request) => seen.urls.push(request.url()));
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('demo intranet under a strict CSP', () => {
  it('renders the widgets with data from the mock, with no CSP violation and no page error', async () => {
    // The request pane lists the manager's requestable packages and manage-team his reports once the worker answered.
    const rows = (tag: string) =>
      page.waitForFunction((t) => (document.querySelector(t)?.shadowRoot?.querySelectorAll('[role="listitem"], li').length ?? 0) > 0, { timeout: 60_000 }, tag);
    await rows('request-access-pane');
    await rows('manage-team');
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
  }, 90_000);

  it('never puts the bearer token in a URL, the console or the page', async () => {
    const text = await page.evaluate(() => {
      const all: string[] = [document.body.innerText];
      const walk = (root: Document | ShadowRoot) =>
        root.querySelectorAll('*').forEach((el) => {
          if (el.shadowRoot) {
            all.push((el.shadowRoot as unknown as { textContent: string }).textContent ?? '');
            walk(el.shadowRoot);
          }
        });
      walk(document);
      return all.join('\n');
    });
    expect(seen.urls.length).toBeGreaterThan(0);
    expect(seen.urls.filter((url) => url.includes(TOKEN_MARK))).toEqual([]);
    expect(seen.console.filter((line) => line.includes(TOKEN_MARK))).toEqual([]);
    expect(text.includes(TOKEN_MARK)).toBe(false);
    console.log(`strict CSP: 0 violations; token absent from ${seen.urls.length} URLs, ${seen.console.length} console lines and the page text`);
  });
});
