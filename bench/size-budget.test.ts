// The size budget as a test: bytes are deterministic, so unlike the other benchmark figures this one can fail a run.
// Builds the full page (provider, three widgets, SDK, lit) the way bench/size.ts does and checks the gzip size
// against the 30 KB budget.
import { describe, expect, it } from 'vitest';
import { FULL_PAGE_BUDGET_GZIP, measureSizes } from './size.ts';

describe('size budget', () => {
  it(`a page with the provider, all three widgets, the SDK and lit loads at most ${FULL_PAGE_BUDGET_GZIP} bytes min+gzip up front`, async () => {
    const [full] = await measureSizes(['full-page']);
    const message = `full page is ${full.gzipBytes} bytes gzip (${full.minBytes} bytes minified); budget ${FULL_PAGE_BUDGET_GZIP}`;
    console.log(message);
    expect(full.gzipBytes, message).toBeLessThanOrEqual(FULL_PAGE_BUDGET_GZIP);
  }, 120_000);
});
