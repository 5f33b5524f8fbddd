// dist/entitlement-kit.js: the whole kit (lit, @lit/context, the windowed list, the SDK with ky) in one minified ES
// module for a plain `<script type="module" src=".../entitlement-kit.js">`: importing it defines the four tags and
// exports the same names as the package root. Part of `npm run build`, after the rest of dist/, which it is built
// from (so it gets dist/'s static properties and collapsed templates) together with the SDK's dist/.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  configFile: false,
  logLevel: 'warn',
  // Lit's production build, not its dev mode, whatever NODE_ENV the caller has (Vite's 'development|production'
  // condition follows it; a test runner sets 'test').
  mode: 'production',
  resolve: { conditions: defaultClientConditions.map((c) => (c === 'development|production' ? 'production' : c)) },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: false,
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./dist/index.js', import.meta.url)),
      formats: ['es'],
      fileName: () => 'entitlement-kit.js',
    },
    // Vite's lib mode leaves whitespace in ES output; a file served as it is to a page should have none.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
  plugins: [
    {
      // Its types are the package root's: it exports the same names and defines the same tags.
      name: 'entitlement-kit:bundle-declarations',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'entitlement-kit.d.ts', source: "export * from './index.js';\nimport './index.js';\n" });
      },
    },
  ],
});
