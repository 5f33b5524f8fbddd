// The size budget as a test (part of the packaging test, scripts/packaging/vitest.config.ts): bytes are
// deterministic, so unlike the other benchmark figures this one can fail a run. Measured as a consumer builds the
// page: `import '@entitlement-kit/widgets'` in an app that installed the packed tarballs, `vite build` with Vite's
// defaults, the entry and its static imports, gzip -9 each.
import { expect, inject, it } from 'vitest';
import { FULL_PAGE_BUDGET_GZIP, measureFullPage } from './size.ts';

it(`a consumer's page with the provider, all three widgets, the SDK and lit loads at most ${FULL_PAGE_BUDGET_GZIP} bytes gzip up front`, async () => {
  const full = await measureFullPage(inject('consumerApp').dir);
  const message = `full page as a consumer builds it: ${full.gzipBytes} bytes gzip, ${full.brotliBytes} brotli (${full.minBytes} bytes minified); budget ${FULL_PAGE_BUDGET_GZIP}`;
  console.log(message);
  expect(full.gzipBytes, message).toBeLessThanOrEqual(FULL_PAGE_BUDGET_GZIP);
});
