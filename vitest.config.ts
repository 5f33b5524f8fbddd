import { defineConfig } from 'vitest/config';

// Node-side tests (SDK transport, spec conformance, mock engine, HTTP server over loopback). Browser tests run in
// real Chromium through @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/*/test/browser/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
