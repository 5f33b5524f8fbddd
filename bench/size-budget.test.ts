// The size budget as a test: bytes are deterministic, so unlike the other benchmark figures this one can fail a run.
// Builds the full page (provider, three widgets, SDK, lit) the way bench/size.ts does and checks the gzip size.
//
// The budget is 30 KB (FULL_PAGE_BUDGET_GZIP) and it is NOT met yet: 31,771 bytes with ky and @lit/context,
// which the product is built on (dropping them met it, and was reverted). `npm run bench` reports the miss. Until the
// remaining ~1 KB is cut, this test holds the line where the page is now, so that nothing grows it further; lower
// CEILING as cuts land and replace it with the budget once the page fits.
import { describe, expect, it } from 'vitest';
import { FULL_PAGE_BUDGET_GZIP, measureSizes } from './size.ts';

const CEILING_GZIP = 32_000;

describe('size budget', () => {
  it(`a page with the provider, all three widgets, the SDK and lit does not grow past ${CEILING_GZIP} bytes min+gzip (budget ${FULL_PAGE_BUDGET_GZIP}: not met yet)`, async () => {
    const [full] = await measureSizes(['full-page']);
    const message = `full page is ${full.gzipBytes} bytes gzip (${full.minBytes} bytes minified); budget ${FULL_PAGE_BUDGET_GZIP}`;
    console.log(message);
    expect(full.gzipBytes, message).toBeLessThanOrEqual(CEILING_GZIP);
  }, 120_000);
});
