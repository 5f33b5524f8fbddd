import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';

const workerFile = '/node_modules/msw/lib/mockServiceWorker.js';

export default {
  files: ['packages/*/test/browser/**/*.test.ts', 'packages/widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@entitlement-kit/source', 'browser', 'development'] },
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.browser.json', import.meta.url)) })],
  // The MSW worker must be served from / so that its scope covers the test pages.
  middleware: [
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = workerFile;
      return next();
    },
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: process.env.CHROME_PATH ?? ensureChromium(), args: CHROMIUM_ARGS, headless: true } }),
  ],
};
