// dist/entitlement-kit.js: the whole kit (lit, @lit/context, the windowed list, the SDK with ky) in one ES module for
// a plain `<script type="module" src=".../entitlement-kit.js">`: importing it defines the four tags and exports
// the same names as the package root. Part of `npm run build` (after tsc, which writes the rest of dist/).
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  configFile: false,
  logLevel: 'warn',
  resolve: { conditions: ['@entitlement-kit/source', ...defaultClientConditions] },
  // Legacy decorators and `useDefineForClassFields: false` in Oxc's terms (see TOOLCHAIN).
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  // Lit's production build, not its dev mode.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: false,
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'entitlement-kit.js',
    },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
