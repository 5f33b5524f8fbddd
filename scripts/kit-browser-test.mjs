// `npm test` step "packages, storybook and examples in Chromium" (also `node scripts/kit-browser-test.mjs [--rebuild]`):
//  1. builds what is stale: the packages' dist/ (`npm run build`), the React example, the static Storybook;
//  2. imports every package entry from dist/ in plain Node (SSR: nothing may touch window or document);
//  3. opens EVERY entry of storybook-static/index.json (stories and docs pages) in headless Chromium, served by a
//     tiny node:http server on 127.0.0.1, and checks: no console error, no page error, no failed request, no HTTP
//     error (except the stories tagged `http-error`), no CSP violation, and the widget rendered in the state the story
//     names. Stories are served under the strict CSP (scripts/strict-csp.mjs); docs pages under the same policy
//     plus the hash of an empty <style> (see DOCS_CSP);
//  4. renders the single-file bundle (examples/script-tag) and the React 19 example (examples/react) against the
//     mock's HTTP server and checks the same, plus a typed event prop reaching React.
// Ends with a `N passed, N failed` line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { mtime, newest, packageInputs, packagesStale } from './build/packages-if-stale.mjs';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { STRICT_CSP } from './strict-csp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(root, path);
const rebuild = process.argv.includes('--rebuild');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// ---- 1. builds, when their inputs are newer than their outputs ----

const inputsOf = (paths) => Math.max(...paths.map(newest));

function run(label, command, args) {
  const t = Date.now();
  return new Promise((ok) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (code !== 0) {
        console.error(`${label} failed:\n${output}`);
        process.exit(1);
      }
      console.log(`built: ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      ok();
    });
  });
}

// The packages (then the React example, which uses their dist/) and Storybook (which uses the sources) side by side.
const reactInputs = () => Math.max(inputsOf([at('examples/react/src'), at('examples/react/index.html')]), mtime(at('packages/widgets/dist/index.js')));
await Promise.all([
  (async () => {
    if (rebuild || packagesStale()) await run('npm run build (sdk, mock-server, widgets)', 'npm', ['run', 'build', '--silent']);
    if (rebuild || mtime(at('examples/react/dist/index.html')) < reactInputs()) await run('examples/react', 'npx', ['vite', 'build', '-c', 'examples/react/vite.config.mjs']);
  })(),
  (async () => {
    if (rebuild || mtime(at('stories/storybook-static/index.json')) < inputsOf([at('stories/src'), at('stories/.storybook'), ...packageInputs])) {
      await run('storybook (stories/storybook-static)', 'npm', ['run', 'build-storybook', '--silent']);
    }
  })(),
]);

// ---- bookkeeping ----

const results = [];
function record(name, problems) {
  results.push({ name, ok: problems.length === 0 });
  if (problems.length === 0) console.log(`ok   ${name}`);
  else console.log(`FAIL ${name}\n${problems.map((p) => `       ${p}`).join('\n')}`);
}

// ---- 2. every entry from dist/ in plain Node ----

{
  const specifiers = [];
  for (const dir of ['sdk', 'mock-server', 'widgets']) {
    const pkg = JSON.parse(readFileSync(at(`packages/${dir}/package.json`), 'utf8'));
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const base = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
      if (!key.includes('*')) specifiers.push(base);
      else {
        const dist = target.default;
        const folder = at(join('packages', dir, dist.slice(2, dist.indexOf('*'))));
        for (const file of readdirSync(folder)) if (file.endsWith('.js')) specifiers.push(base.replace('*', file.slice(0, -3)));
      }
    }
  }
  const ssr = spawnSync(process.execPath, ['scripts/ssr-import.mjs', JSON.stringify(specifiers)], { cwd: root, encoding: 'utf8' });
  const lines = ssr.stdout.trim().split('\n');
  const outcome = ssr.status === 0 ? JSON.parse(lines.at(-1)) : [{ specifier: 'node', ok: false, error: ssr.stderr }];
  record(`node (SSR): ${specifiers.length} dist/ entries import without touching window or document`, outcome.filter((r) => !r.ok).map((r) => `${r.specifier}: ${r.error ?? 'failed'}`));
}

// ---- static server ----

const mounts = [
  ['/kit/', at('packages/widgets/dist')],
  ['/examples/script-tag/', at('examples/script-tag')],
  ['/examples/react/', at('examples/react/dist')],
  ['/', at('stories/storybook-static')],
];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.map': 'application/json' };
/**
 * The story frames get the strict policy. Docs pages get it with one addition: Storybook renders them with React and
 * emotion, which creates EMPTY <style> elements and fills them through the CSSOM (insertRule), so the policy also
 * admits the hash of the empty string; no inline CSS text gets through, and there is no 'unsafe-inline'.
 */
const EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const DOCS_CSP = STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${EMPTY_STYLE}`);
const cspFor = (url) => (url.searchParams.get('viewMode') === 'docs' ? DOCS_CSP : STRICT_CSP);
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  // The script-tag example loads the bundle by its path in the repository.
  const aliased = path.replace(/^\/packages\/widgets\/dist\//, '/kit/');
  const [prefix, dir] = mounts.find(([p]) => aliased.startsWith(p));
  let file = normalize(join(dir, aliased.slice(prefix.length)));
  if (!file.startsWith(resolve(dir))) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end('not found');
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  if (prefix === '/' && aliased === '/iframe.html') headers['content-security-policy'] = cspFor(new URL(req.url ?? '/', 'http://x'));
  res.writeHead(200, headers);
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// The mock's HTTP server (from dist/, as a consumer runs it) for the bundle and React pages.
const { startMockServer } = await import('@entitlement-kit/mock-server/node');
const mockServer = await startMockServer({ port: 0 });

const browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });

/** Listens to a page for console errors, page errors, failed requests and HTTP errors until `stop()`. */
function watch(page, { allowHttpErrors = false, allowForbidden = false } = {}) {
  const problems = [];
  const scripts = [];
  const onConsole = (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowHttpErrors && /Failed to load resource: the server responded with a status of 5\d\d/.test(text)) return;
    if (allowForbidden && /Failed to load resource: the server responded with a status of 403/.test(text)) return;
    problems.push(`console error: ${text}`);
  };
  const onPageError = (error) => problems.push(`page error: ${error.message}`);
  const mine = new WeakSet();
  const onRequest = (request) => mine.add(request);
  const onFailed = (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A call an earlier story left pending (the Loading stories' never-answered ones) is aborted when it goes away.
    if (!mine.has(request) && reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  };
  const onResponse = (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
    if (response.status() < 400) return;
    if (allowHttpErrors && response.status() >= 500) return;
    // A story of a caller Graph refuses (the editor's no-access state) expects its 403.
    if (allowForbidden && response.status() === 403) return;
    problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return {
    problems,
    scripts,
    stop() {
      page.off('request', onRequest);
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    },
  };
}

/**
 * In the page: the widgets under `scope`, each defined, with a shadow root that rendered; `expect` is the part the
 * story must show (`loading`, `error`, `empty`), or `ready`: neither loading nor error.
 */
function widgetsIn(scopeSelector, expect) {
  const scope = document.querySelector(scopeSelector);
  if (!scope) return { ready: false, why: `no ${scopeSelector}` };
  const widgets = [...scope.querySelectorAll('request-access-pane, approval-inbox, manage-team, my-access, access-package-editor')];
  if (widgets.length === 0) return { ready: false, why: 'no widget element' };
  const states = widgets.map((el) => {
    const shadow = el.shadowRoot;
    if (!customElements.get(el.localName) || !shadow) return { tag: el.localName, ok: false, why: 'not upgraded' };
    const has = (part) => shadow.querySelector(`[part~="${part}"]`) !== null;
    const text = shadow.textContent?.trim() ?? '';
    if (!text) return { tag: el.localName, ok: false, why: 'empty shadow root' };
    if (expect === 'ready') return { tag: el.localName, ok: !has('loading') && !has('error'), why: has('error') ? 'shows an error' : 'still loading', error: has('error') ? shadow.querySelector('[part~="error"]').textContent.trim().slice(0, 200) : undefined };
    return { tag: el.localName, ok: has(expect), why: `no [part~=${expect}]` };
  });
  const bad = states.filter((s) => !s.ok);
  return { ready: bad.length === 0, count: widgets.length, why: bad.map((s) => `<${s.tag}> ${s.why}${s.error ? `: ${s.error}` : ''}`).join('; ') };
}

/** In the page: what the Dark, Right to left and German stories promise, checked on every widget of the story. */
function variantProblems(name) {
  const problems = [];
  for (const el of document.querySelectorAll('#storybook-root :is(request-access-pane, approval-inbox, manage-team, my-access, access-package-editor)')) {
    const base = el.shadowRoot.querySelector('[part~="base"]');
    if (name === 'German' && base?.getAttribute('lang') !== 'de') problems.push(`<${el.localName}> strings are not German (lang=${base?.getAttribute('lang')})`);
    if (name === 'Right to left' && getComputedStyle(el).direction !== 'rtl') problems.push(`<${el.localName}> is not laid out right to left`);
    if (name === 'Dark') {
      const [r, g, b] = (getComputedStyle(base ?? el).backgroundColor.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
      if (el.getAttribute('theme') !== 'dark' || 0.2126 * r + 0.7152 * g + 0.0722 * b > 100) problems.push(`<${el.localName}> is not dark (theme=${el.getAttribute('theme')}, background rgb(${r}, ${g}, ${b}))`);
    }
  }
  return problems;
}

async function waitForWidgets(page, scope, expect, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = { ready: false, why: 'not checked' };
  while (Date.now() < deadline) {
    last = await page.evaluate(widgetsIn, scope, expect).catch((error) => ({ ready: false, why: String(error) }));
    if (last.ready) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return last;
}

// ---- 3. every story and docs page of the static Storybook ----

const index = JSON.parse(readFileSync(at('stories/storybook-static/index.json'), 'utf8'));
const entries = Object.values(index.entries);

function expectationOf(entry) {
  if (entry.name === 'Loading') return 'loading';
  if (entry.name === 'Server error') return 'error';
  if (entry.name === 'Empty') return 'empty';
  return 'ready';
}

/** Stories switch inside one loaded preview through Storybook's channel (as the manager does); docs pages load. */
async function showStory(page, entry, first) {
  if (first) {
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=story`, { waitUntil: 'load' });
    return;
  }
  const outcome = await page.evaluate(
    (storyId) =>
      new Promise((ok) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const done = (event) => () => ok(event);
        for (const event of ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing']) channel.once(event, done(event));
        setTimeout(done('timeout'), 10_000);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    entry.id,
  );
  if (outcome !== 'storyRendered') throw new Error(`Storybook said ${outcome}`);
}

// What a docs page's table must show of its element, from the manifest the build made: every CSS custom property,
// every part, and every event with its type.
const manifest = JSON.parse(readFileSync(at('packages/widgets/custom-elements.json'), 'utf8'));
const documented = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
function missingFromDocs(entry, table) {
  const element = documented.find((d) => entry.id.includes(d.tagName));
  if (!element) return [`no element of the manifest for docs page ${entry.id}`];
  const wanted = [
    ...(element.cssProperties ?? []).map((p) => p.name),
    ...(element.cssParts ?? []).map((p) => p.name),
    ...(element.events ?? []).flatMap((e) => [e.name, e.type?.text ?? `(no type for ${e.name})`]),
  ];
  if (element.tagName !== 'entitlement-provider' && wanted.length < 30) return [`<${element.tagName}>: only ${wanted.length} CSS properties, parts and events in the manifest`];
  const missing = wanted.filter((text) => !table.includes(text));
  return missing.length ? [`the docs table of <${element.tagName}> lacks ${missing.join(', ')}`] : [];
}

async function checkEntry(page, entry, first) {
  const allowHttpErrors = entry.tags?.includes('http-error');
  const watcher = watch(page, { allowHttpErrors, allowForbidden: entry.tags?.includes('http-forbidden') });
  const problems = watcher.problems;
  try {
    if (entry.type === 'docs') {
      await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
      // The docs page: the description and the table that Storybook builds from custom-elements.json (attributes,
      // properties, events with their types, CSS custom properties, parts).
      const table = await page
        .waitForFunction(() => document.querySelector('#storybook-docs .docblock-argstable')?.textContent ?? '', { timeout: 20_000, polling: 100 })
        .then((handle) => handle.jsonValue())
        .catch(() => '');
      if (!table) problems.push('no argument table on the docs page');
      else if (!/locale|base-url/.test(table)) problems.push(`the argument table lacks the manifest's attributes: ${table.slice(0, 120)}`);
      else problems.push(...missingFromDocs(entry, table));
      const widgets = await waitForWidgets(page, '#storybook-docs', 'ready', 20_000);
      if (!widgets.ready) problems.push(`docs story: ${widgets.why}`);
    } else {
      await showStory(page, entry, first);
      const widgets = await waitForWidgets(page, '#storybook-root', expectationOf(entry));
      if (!widgets.ready) problems.push(`widget: ${widgets.why}`);
      else problems.push(...(await page.evaluate(variantProblems, entry.name)));
    }
    // Let late requests and logs of this story arrive before judging it.
    await new Promise((ok) => setTimeout(ok, 100));
  } catch (error) {
    problems.push(`navigation: ${error.message}`);
  } finally {
    watcher.stop();
  }
  record(`${entry.type} ${entry.id}`, problems);
}

const pages = await Promise.all([browser.newPage(), browser.newPage()]);
// Every CSP violation becomes a console error, which watch() reports, whether or not Chromium logs one itself.
for (const page of pages) {
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      if (!window.__ekCspProbe) console.error(`CSP violation: ${event.violatedDirective} by ${event.sourceFile}:${event.lineNumber}`);
      window.__ekCspViolations = (window.__ekCspViolations ?? 0) + 1;
    });
  });
}
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');
await Promise.all([
  (async () => {
    for (const [i, entry] of stories.entries()) await checkEntry(pages[0], entry, i === 0);
  })(),
  (async () => {
    for (const entry of docs) await checkEntry(pages[1], entry, true);
  })(),
]);
console.log(`(${entries.length} storybook entries checked, ${elapsed()})`);

// The policy is in force on story frames and docs pages alike (else "no violation" above would prove nothing): inline
// code is refused.
async function cspProbe(page) {
  const refused = await page.evaluate(async () => {
    window.__ekCspProbe = true;
    const before = window.__ekCspViolations ?? 0;
    const script = document.createElement('script');
    script.textContent = 'window.__ekInlineRan = true';
    document.head.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style);
    await new Promise((ok) => setTimeout(ok, 50));
    const result = { ran: window.__ekInlineRan === true, styled: getComputedStyle(document.body).outlineStyle === 'solid', violations: (window.__ekCspViolations ?? 0) - before };
    script.remove();
    style.remove();
    window.__ekCspProbe = false;
    return result;
  });
  const csp = (await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')))) ?? '';
  const where = new URL(page.url()).searchParams.get('viewMode');
  return [
    ...(csp.includes('unsafe') || !csp.includes("script-src 'self'") ? [`${where}: unexpected policy: ${csp}`] : []),
    ...(refused.ran ? [`${where}: an inline script ran`] : []),
    ...(refused.styled ? [`${where}: an inline style applied`] : []),
    ...(refused.violations < 2 ? [`${where}: ${refused.violations} violations reported for the probe, expected 2`] : []),
  ];
}
record(
  `storybook: ${stories.length} stories and ${docs.length} docs pages under a strict CSP (no 'unsafe-inline', no 'unsafe-eval'): the policy refuses inline code`,
  [...(await cspProbe(pages[0])), ...(await cspProbe(pages[1]))],
);

// ---- 4. the single-file bundle and the React example, on the mock's HTTP server ----

const query = `mock=${encodeURIComponent(mockServer.url)}&upn=${encodeURIComponent('lee.gu@contoso.com')}`;
{
  const page = pages[0];
  const watcher = watch(page);
  await page.goto(`${origin}/examples/script-tag/index.html?${query}`, { waitUntil: 'load' });
  const widgets = await waitForWidgets(page, 'body', 'ready', 15_000);
  if (!widgets.ready) watcher.problems.push(`widgets: ${widgets.why}`);
  else if (widgets.count !== 3) watcher.problems.push(`expected 3 widgets, found ${widgets.count}`);
  const modules = watcher.scripts.filter((url) => url.startsWith(origin)).map((url) => new URL(url).pathname);
  const others = modules.filter((path) => !path.endsWith('/entitlement-kit.js') && !path.endsWith('/main.js'));
  if (others.length) watcher.problems.push(`the bundle is not a single file: it also loaded ${others.join(', ')}`);
  watcher.stop();
  record('single-file bundle: <script type="module" src=".../entitlement-kit.js"> renders all three widgets', watcher.problems);
}
{
  const page = pages[1];
  const watcher = watch(page);
  await page.goto(`${origin}/examples/react/index.html?${query}`, { waitUntil: 'load' });
  const widgets = await waitForWidgets(page, '#root', 'ready', 15_000);
  if (!widgets.ready) watcher.problems.push(`widgets: ${widgets.why}`);
  else if (widgets.count !== 3) watcher.problems.push(`expected 3 widgets, found ${widgets.count}`);
  // The typed event props: an event the pane fires reaches React's onRequestSubmitted.
  const logged = await page.evaluate(async () => {
    const pane = document.querySelector('request-access-pane');
    pane.dispatchEvent(new CustomEvent('request-submitted', { detail: { id: 'req-1', status: 'Accepted' }, bubbles: true, composed: true }));
    await new Promise((ok) => setTimeout(ok, 100));
    return document.querySelector('#event-log')?.textContent ?? '';
  });
  if (!logged.includes('request-submitted req-1 Accepted')) watcher.problems.push(`onRequestSubmitted did not reach React: "${logged}"`);
  const provider = await page.evaluate(() => {
    const el = document.querySelector('entitlement-provider');
    return { baseUrl: el?.baseUrl, hasToken: typeof el?.getAccessToken === 'function' };
  });
  if (!provider.hasToken || !provider.baseUrl?.endsWith('/v1.0')) watcher.problems.push(`props did not reach the provider as properties: ${JSON.stringify(provider)}`);
  watcher.stop();
  record('React 19 example (@entitlement-kit/widgets/react from dist/) renders, props and typed event props work', watcher.problems);
}

await browser.close();
await mockServer.close();
server.close();

const failed = results.filter((r) => !r.ok).length;
console.log(`\nkit browser test finished in ${elapsed()}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
