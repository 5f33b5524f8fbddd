// The checked-in spec and types must be what `npm run generate` makes now; otherwise the generator was not rerun.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build scripts, no declarations
import { buildSpecText } from '../scripts/build-spec.mjs';
// @ts-expect-error plain JS build scripts, no declarations
import { generateTypes, specPath, typesPath } from '../scripts/generate.mjs';

describe('generated files are fresh', () => {
  it('openapi.yaml matches the reference slice (run npm run generate)', () => {
    expect(readFileSync(specPath, 'utf8') === buildSpecText()).toBe(true);
  });
  it('src/generated/graph.ts matches openapi.yaml (run npm run generate)', async () => {
    expect(readFileSync(typesPath, 'utf8') === (await generateTypes())).toBe(true);
  });
});
