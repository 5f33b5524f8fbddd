// `npm run build` only when a package's dist/ (or the widgets' manifest) is older than what it is built from: used by
// the kit browser test and the packaging test, which both work on the built packages.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (path) => join(root, path);

/** Newest modification time under `path` (node_modules and build outputs aside). */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'storybook-static' || entry === 'public') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}
export const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** What the packages' builds read. */
export const packageInputs = [
  'packages/sdk/src',
  'packages/sdk/package.json',
  'packages/mock-server/src',
  'packages/mock-server/package.json',
  'packages/widgets/src',
  'packages/widgets/package.json',
  'packages/widgets/cem',
  'packages/widgets/custom-elements-manifest.config.mjs',
  'packages/widgets/vite.bundle.config.mjs',
  'scripts/build',
  'scripts/rewrite-dynamic-imports.mjs',
].map(at);
const outputs = ['packages/sdk/dist/index.js', 'packages/mock-server/dist/index.js', 'packages/widgets/dist/index.js', 'packages/widgets/dist/entitlement-kit.js', 'packages/widgets/dist/jsx.d.ts', 'packages/widgets/custom-elements.json', 'packages/widgets/web-types.json'].map(at);

export const packagesStale = () => Math.min(...outputs.map(mtime)) < Math.max(...packageInputs.map(newest));

/** Runs `npm run build` when stale (or `force`); resolves to whether it built. Output is shown only on failure. */
export function buildPackagesIfStale(force = false) {
  if (!force && !packagesStale()) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    // Without the caller's NODE_ENV (a test runner's 'test'): the builds are production builds.
    const { NODE_ENV, ...env } = process.env;
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(true) : reject(new Error(`npm run build failed:\n${output}`))));
  });
}
