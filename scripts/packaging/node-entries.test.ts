// Every entry of the three installed packages imported in plain Node, as a server (SSR) or a tool would: each loads
// and nothing touches window or document. Among them `@entitlement-kit/widgets/entitlement-kit.js`, the single-file
// bundle, whose "node" condition serves Node the modular build (the bundle itself carries lit's browser build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { PACKAGES, REPO } from './consumer-app.ts';

const app = inject('consumerApp');

/** The specifiers a consumer can import: each export (wildcards expanded over the shipped files), JSON aside. */
function specifiers(): string[] {
  return PACKAGES.flatMap((dir) => {
    const root = join(app.dir, 'node_modules/@entitlement-kit', dir);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | Record<string, string>> };
    return Object.entries(pkg.exports).flatMap(([key, target]) => {
      const js = typeof target === 'string' ? target : target.default;
      if (!js.endsWith('.js')) return [];
      const base = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
      if (!key.includes('*')) return [base];
      const folder = join(root, js.slice(2, js.indexOf('*')));
      return readdirSync(folder).filter((f) => f.endsWith('.js')).map((f) => base.replace('*', f.slice(0, -3)));
    });
  });
}

it('every entry imports in Node without touching window or document', () => {
  // The script runs from inside the app, so bare specifiers resolve to the installed tarballs.
  copyFileSync(join(REPO, 'scripts/ssr-import.mjs'), join(app.dir, 'ssr-import.mjs'));
  const list = specifiers();
  expect(list).toContain('@entitlement-kit/widgets/entitlement-kit.js');
  expect(list).toContain('@entitlement-kit/mock-server/seed-ids');
  const run = spawnSync(process.execPath, ['ssr-import.mjs', JSON.stringify(list)], { cwd: app.dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const results = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { specifier: string; ok: boolean; error?: string }[];
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.length).toBe(list.length + 1);
});
