// The size budget as a test: bytes are deterministic, so unlike the other benchmark figures this one can fail a run.
// Builds the full page (provider, three widgets, SDK, lit) the way bench/size.ts does and checks the gzip size.
import { describe, expect, it } from 'vitest';
import { FULL_PAGE_BUDGET_GZIP, measureSizes } from './size.ts';

describe('size budget', () => {
  it('a page with the provider, all three widgets, the SDK and lit is at most 30 KB min+gzip', async () => {
    const [full] = await measureSizes(['full-page']);
    expect(full.gzipBytes, `full page is ${(full.gzipBytes / 1024).toFixed(1)} KB gzip (${full.minBytes} bytes minified)`).toBeLessThanOrEqual(FULL_PAGE_BUDGET_GZIP);
  }, 120_000);
});
