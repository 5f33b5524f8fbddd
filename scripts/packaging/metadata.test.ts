// What each published package carries, read from its tarball: LICENSE, CHANGELOG.md and README; repository,
// homepage, bugs, engines and public access; no export condition or file pointing at sources that are not shipped;
// ranges, not exact versions, for third-party dependencies (so a host's lit 3.x is shared: the consumer app's own
// lit 3.3.2 is the only copy); and README links that resolve inside the tarball.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HOST_DEPENDENCIES, PACKAGES } from './consumer-app.ts';

const app = inject('consumerApp');

describe.each(PACKAGES)('@entitlement-kit/%s as published', (dir) => {
  const files = new Set(execFileSync('tar', ['-tzf', app.tarballs[dir]], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')));
  const text = (file: string) => execFileSync('tar', ['-xzOf', app.tarballs[dir], `package/${file}`], { encoding: 'utf8' });
  const pkg = JSON.parse(text('package.json'));

  it('carries LICENSE, CHANGELOG.md and README.md, and the metadata a registry page shows', () => {
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) expect(files).toContain(file);
    expect(text('LICENSE')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//), directory: `packages/${dir}` });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\//);
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.publishConfig).toEqual({ access: 'public' });
  });

  it('points at shipped files only: no source condition, no scripts into the repository', () => {
    expect(JSON.stringify(pkg)).not.toMatch(/@entitlement-kit\/source|\.\/src\//);
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(targets));
    for (const target of targets(pkg.exports).filter((t) => !t.includes('*'))) expect(files).toContain(target.slice(2));
    for (const bin of Object.values<string>(pkg.bin ?? {})) expect(files).toContain(bin.replace(/^\.\//, ''));
  });

  it('asks for ranges of its third-party dependencies, not exact versions', () => {
    for (const [name, range] of Object.entries<string>(pkg.dependencies ?? {})) {
      if (!name.startsWith('@entitlement-kit/')) expect(`${name}@${range}`).toMatch(/@\^/);
    }
  });

  it('has README links that resolve inside the tarball', () => {
    const links = [...text('README.md').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^(https?:|mailto:|#)/.test(l));
    expect(links.filter((link) => !files.has(link.split('#')[0].replace(/^\.\//, '')))).toEqual([]);
  });
});

it("the host's own lit is the only lit: the kit's range dedupes with it", () => {
  const lit = JSON.parse(readFileSync(join(app.dir, 'node_modules/lit/package.json'), 'utf8'));
  expect(lit.version).toBe(HOST_DEPENDENCIES.lit);
  for (const dir of PACKAGES) expect(existsSync(join(app.dir, 'node_modules/@entitlement-kit', dir, 'node_modules'))).toBe(false);
});
