// `npm test`: every test of the project. Type check, Node tests (vitest), browser tests (@web/test-runner in
// headless Chromium), then the built packages, Storybook and examples in Chromium (scripts/kit-browser-test.mjs),
// then the packed packages in a consumer app (scripts/packaging: size budget, bin, publint, attw, types, manifest).
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
const steps = [
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type check (browser code)', 'npx', ['tsc', '-p', 'tsconfig.browser.json']],
  ['type check (storybook, packaging, examples)', 'npx', ['tsc', '-p', 'tsconfig.kit.json']],
  ['node tests', 'npx', ['vitest', 'run']],
  // The mock's HTTP and hardening suites again, on the msw handlers the browser worker uses (the step above serves the
  // route table directly): both adapters must pass the same suites.
  ['mock HTTP suites on the msw adapter', 'npx', ['vitest', 'run', 'packages/mock-server/test/http', 'packages/mock-server/test/hardening'], { MOCK_ADAPTER: 'msw' }],
  ['browser tests', 'npx', ['web-test-runner']],
  // Builds what is stale (packages, storybook, React example), then opens every story, the bundle and the example.
  ['storybook build + stories test, bundle and React example in Chromium', 'node', ['scripts/kit-browser-test.mjs']],
  // npm pack, install into an app outside the repository, Vite build with defaults (the size budget), the mock's bin,
  // publint and attw on each tarball, strict TSX, the manifest against the sources.
  ['packed packages in a consumer app', 'npx', ['vitest', 'run', '--config', 'scripts/packaging/vitest.config.ts']],
];
for (const [name, cmd, args, env = {}] of steps) {
  console.log(`\n=== ${name}: ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome, ...env } });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
console.log('\nall test steps passed');
