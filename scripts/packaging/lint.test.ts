// The ecosystem's package linters on each packed tarball, from this repository's pinned devDependencies:
// publint --strict (exports, files, fields) and Are The Types Wrong in its esm-only profile (types for every entry,
// under node16 and bundler resolution).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PACKAGES, REPO } from './consumer-app.ts';

const { tarballs } = inject('consumerApp');
const bin = (name: string) => join(REPO, 'node_modules/.bin', name);

describe.each(PACKAGES)('@entitlement-kit/%s tarball', (dir) => {
  it('publint --strict finds nothing', () => {
    const run = spawnSync(bin('publint'), ['--strict', tarballs[dir]], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/All good!/);
  });

  it('attw --profile esm-only finds no problem', () => {
    const run = spawnSync(bin('attw'), ['--profile', 'esm-only', '--format', 'ascii', tarballs[dir]], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
