// src/generated/control.ts must be what `npm run generate -w @entitlement-kit/mock-server` makes from
// mock-control.yaml now; otherwise the generator was not rerun.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin/cli.js');

describe('generated control types are fresh', () => {
  it('src/generated/control.ts matches mock-control.yaml (run npm run generate -w @entitlement-kit/mock-server)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'control-types-'));
    try {
      const fresh = join(dir, 'control.ts');
      // The same CLI and arguments as the package's generate script, so the header matches too.
      execFileSync(process.execPath, [cli, 'mock-control.yaml', '-o', fresh], { cwd: packageRoot, stdio: 'pipe' });
      expect(readFileSync(join(packageRoot, 'src/generated/control.ts'), 'utf8') === readFileSync(fresh, 'utf8')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
