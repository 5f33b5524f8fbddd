// The single-file bundle's sizes as the READMEs state them are the shipped file's: minified, gzip -9, brotli -11,
// in KB of 1,024 bytes rounded to the nearest. A rebuild that changes them fails here until the READMEs say so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { REPO } from './consumer-app.ts';
import { sizeOf } from './consumer-size.ts';

const kb = (bytes: number) => Math.round(bytes / 1024);

it('the READMEs state the single-file bundle sizes of the shipped file', () => {
  const dist = join(inject('consumerApp').dir, 'node_modules/@entitlement-kit/widgets/dist');
  const size = sizeOf(dist, ['entitlement-kit.js']);
  const stated = `${kb(size.minBytes)} KB minified, ${kb(size.gzipBytes)} KB gzip, ${kb(size.brotliBytes)} KB brotli`;
  console.log(`dist/entitlement-kit.js: ${size.minBytes} bytes minified, ${size.gzipBytes} gzip, ${size.brotliBytes} brotli (${stated})`);
  for (const readme of ['README.md', 'packages/widgets/README.md']) {
    const text = readFileSync(join(REPO, readme), 'utf8');
    const claims = [...text.matchAll(/\d+ KB minified, \d+ KB gzip, \d+ KB brotli/g)].map((m) => m[0]);
    expect(claims, readme).not.toEqual([]);
    expect(claims, readme).toEqual(claims.map(() => stated));
  }
  // Whitespace-minified: a file of a few long lines, not one statement per line.
  expect(readFileSync(join(dist, 'entitlement-kit.js'), 'utf8').split('\n').length).toBeLessThan(50);
});
