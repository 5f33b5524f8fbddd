import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Connect, type Plugin } from 'vite';

// The demo intranet (`npm start`, scripts/start.mjs): demo/index.html with the widgets on the browser mock.
// Loopback only: the demo is for the person at this machine.

/**
 * Serves msw's own worker script at `<base>mockServiceWorker.js` (dev, preview) and emits it into the build, so the
 * worker's scope covers the whole demo and no checked-in copy can drift from the installed msw.
 */
function mswWorker(): Plugin {
  // Resolved from the package that depends on msw, so it is the same copy the browser mock imports.
  const fromMock = createRequire(fileURLToPath(new URL('./packages/mock-server/package.json', import.meta.url)));
  const workerFile = fromMock.resolve('msw/mockServiceWorker.js');
  const name = 'mockServiceWorker.js';
  let base = '/';
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== `${base}${name}`) return next();
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(workerFile));
  };
  return {
    name: 'entitlement-kit:msw-worker',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(workerFile) });
    },
  };
}

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (their exports' "@entitlement-kit/source" condition), so the
  // demo needs no `npm run build` first.
  resolve: { conditions: ['@entitlement-kit/source', ...defaultClientConditions] },
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  // The widgets need legacy decorators and `useDefineForClassFields: false` (see TOOLCHAIN); Vite's Oxc transform does
  // not take either from tsconfig.browser.json, so they are spelt out in Oxc's terms.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  plugins: [mswWorker()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // `vite build` makes a static copy of the demo; it carries the whole mock (msw and the engine), hence the size limit.
  build: { outDir: fileURLToPath(new URL('./dist/demo', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
