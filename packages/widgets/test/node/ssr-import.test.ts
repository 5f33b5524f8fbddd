// Server-side rendering and Node tooling import the packages without a DOM: no entry may touch window or document
// while being imported. Every code entry of every package's exports map is imported in a fresh Node process, as a
// server would: the sources (through the '@entitlement-kit/source' condition, with tsx), and the built dist/ with
// Node's own resolution when a build is there (scripts/kit-browser-test.mjs always checks dist/ after building).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const packages = ['sdk', 'mock-server', 'widgets'];

/** Every import specifier a package offers for code (JSON files and the browser bundle left out), wildcards expanded. */
function codeSpecifiers(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(`${root}packages/${packageDir}/package.json`, 'utf8')) as {
    name: string;
    exports: Record<string, string | Record<string, string>>;
  };
  const specifiers: string[] = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    // package.json and the manifests; and what exists only built (the single-file bundle, the JSX types), which
    // scripts/packaging/node-entries.test.ts imports from the packed tarball.
    if (typeof target === 'string' || !target['@entitlement-kit/source']) continue;
    const base = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    if (!key.includes('*')) {
      specifiers.push(base);
      continue;
    }
    const source = target['@entitlement-kit/source'];
    const dir = source.slice(2, source.indexOf('*'));
    for (const file of readdirSync(`${root}packages/${packageDir}/${dir}`)) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) specifiers.push(base.replace('*', file.slice(0, -3)));
    }
  }
  return specifiers;
}

interface ImportResult {
  specifier: string;
  ok: boolean;
  exports?: number;
  error?: string;
}

function importInNode(specifiers: string[], fromSources: boolean): ImportResult[] {
  const args = fromSources ? ['--conditions=@entitlement-kit/source', '--import', 'tsx'] : [];
  const run = spawnSync(process.execPath, [...args, 'scripts/ssr-import.mjs', JSON.stringify(specifiers)], {
    cwd: root,
    encoding: 'utf8',
    // tsx takes the decorator settings for the widget sources from the browser project's tsconfig.
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.browser.json' },
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as ImportResult[];
}

const all = packages.flatMap(codeSpecifiers);
const built = packages.every((p) => existsSync(`${root}packages/${p}/dist/index.js`));

describe('importing every entry in Node (SSR), without a DOM', () => {
  it('lists the entries of all three packages', () => {
    expect(all).toContain('@entitlement-kit/widgets');
    expect(all).toContain('@entitlement-kit/widgets/define/request-access-pane');
    expect(all).toContain('@entitlement-kit/widgets/react');
    expect(all).toContain('@entitlement-kit/widgets/react/approval-inbox');
    expect(all).toContain('@entitlement-kit/mock-server/browser');
    expect(all.length).toBeGreaterThan(20);
  });

  it('sources: every entry imports and leaves window and document undefined', () => {
    const results = importInNode(all, true);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(all.length + 1);
  });

  it.skipIf(!built)('dist/: every entry imports and leaves window and document undefined', () => {
    const results = importInNode(all, false);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const root = results.find((r) => r.specifier === '@entitlement-kit/widgets');
    expect(root?.exports).toBeGreaterThan(5);
  });
});
