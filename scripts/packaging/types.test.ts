// Strict TypeScript in the consumer app (consumer-files.ts), against the installed packages' declarations with
// skipLibCheck off: every entry's types (the single-file bundle's too), and React 19 TSX with the four tags, whose
// attributes, properties and `on<event>` props are typed (the @ts-expect-error lines must fail to compile).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { REPO } from './consumer-app.ts';

it('the consumer app type-checks: every entry, and the four tags in strict TSX', () => {
  const run = spawnSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', inject('consumerApp').dir, '--pretty', 'false'], { encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});
