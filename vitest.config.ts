import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Node-side tests (SDK transport, spec conformance, mock engine, HTTP server over loopback, and the demo intranet,
// which drives headless Chromium itself). Browser tests run in real Chromium through @web/test-runner
// (web-test-runner.config.mjs).
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "@entitlement-kit/source" export condition), not to dist/.
  resolve: { conditions: ['@entitlement-kit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@entitlement-kit/source', ...defaultServerConditions] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts', 'demo/test/**/*.test.ts', 'bench/**/*.test.ts'],
    // The packaging test (packed tarballs in a consumer app, the size budget) is its own step of `npm test`.
    exclude: ['**/node_modules/**', 'packages/*/test/browser/**', 'scripts/packaging/**', 'bench/size-budget.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
