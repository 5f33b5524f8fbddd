// `npm test`: every test of the project. Type check, Node tests (vitest), browser tests (@web/test-runner in
// headless Chromium). Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
const steps = [
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type check (browser code)', 'npx', ['tsc', '-p', 'tsconfig.browser.json']],
  ['node tests', 'npx', ['vitest', 'run']],
  ['browser tests', 'npx', ['web-test-runner']],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
console.log('\nall test steps passed');
