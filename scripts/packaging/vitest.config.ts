import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The packaging test (`npm test`'s last step; alone: `npx vitest run -c scripts/packaging/vitest.config.ts`): the
// packed packages in a consumer app. global-setup.ts builds what is stale, packs and installs once for every file.
// No "@entitlement-kit/source" condition here: everything is what the tarballs hold.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['scripts/packaging/**/*.test.ts', 'bench/size-budget.test.ts'],
    globalSetup: ['scripts/packaging/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
