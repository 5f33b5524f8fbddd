// Bundles the benchmark entries with vite 8 (Rolldown + Oxc minifier), one build per entry so nothing is shared
// between them: each figure is what that entry costs a page on its own. Output goes to a temp dir given by the caller.
import { fileURLToPath } from 'node:url';
import { readFile, writeFile } from 'node:fs/promises';
import { build, defaultClientConditions, minify as oxcMinify } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const widgets = (path: string) => here(`../packages/widgets/src/${path}`);

export interface Entry {
  name: string;
  file: string;
  /** Shown in the table. */
  label: string;
}

export const SIZE_ENTRIES: Entry[] = [
  { name: 'entitlement-provider', file: widgets('define/entitlement-provider.ts'), label: '<entitlement-provider> define (incl. SDK)' },
  { name: 'request-access-pane', file: widgets('define/request-access-pane.ts'), label: '<request-access-pane> define' },
  { name: 'approval-inbox', file: widgets('define/approval-inbox.ts'), label: '<approval-inbox> define' },
  { name: 'manage-team', file: widgets('define/manage-team.ts'), label: '<manage-team> define (incl. request pane)' },
  { name: 'sdk', file: here('../packages/sdk/src/index.ts'), label: 'SDK (createClient)' },
  { name: 'full-page', file: here('page/all.ts'), label: 'Full page: provider + 3 widgets + SDK + lit' },
];

/**
 * Builds the ES modules for `file` into `outDir` (entry `name.js`, every dependency bundled in; a dynamic `import()`
 * becomes its own chunk, as in an app build), then minifies each fully with Oxc (compress, mangle, whitespace). Vite's
 * lib mode alone keeps whitespace in ES output, which no page would ship, so the bundle is built unminified and
 * minified here the way an app build would. Returns what a page loads up front: the entry and the chunks it imports
 * statically, transitively; chunks only reached through `import()` (the German catalogue) are left out.
 */
export async function bundle(file: string, name: string, outDir: string, minify = true): Promise<string[]> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    // The widgets need legacy decorators and `useDefineForClassFields: false` (see TOOLCHAIN.md), which Oxc does not
    // take from tsconfig: spelt out in Oxc's terms, as in vite.config.ts.
    oxc: {
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
      assumptions: { setPublicClassFields: true },
    },
    mode: 'production',
    // Workspace packages from their TypeScript sources (the packages' "@entitlement-kit/source" export condition),
    // never from a dist/ another build may be rewriting. 'production' spelt out rather than vite's
    // 'development|production', which follows process.env.NODE_ENV: vitest sets it to 'test', and the size-budget test
    // then measured lit's development build.
    resolve: { conditions: ['@entitlement-kit/source', ...defaultClientConditions.map((c) => (c === 'development|production' ? 'production' : c))] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry: file, formats: ['es'], fileName: () => `${name}.js` },
      // As in an app build (Vite's own app builds set preserveEntrySignatures: false): the entry may export more than
      // it declares, so modules the entry and a lazy chunk share stay in the entry chunk (the lazy chunk imports them
      // from it) instead of being split into extra common chunks a page would load up front anyway. Lib mode's
      // default 'strict' forbids that merge.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: `${name}-[name]-[hash].js` } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Extract<Awaited<ReturnType<typeof build>>, { output: unknown }>[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  if (minify) {
    for (const chunk of chunks) {
      const path = `${outDir}/${chunk.fileName}`;
      const min = await oxcMinify(path, await readFile(path, 'utf8'), { module: true, compress: { target: 'es2022' }, mangle: { toplevel: true } });
      if (min.errors.length) throw new Error(`minify ${chunk.fileName}: ${min.errors.map((e) => e.message).join('; ')}`);
      await writeFile(path, min.code);
    }
  }
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>([`${name}.js`]);
  for (const fileName of initial) for (const imported of byName.get(fileName)?.imports ?? []) initial.add(imported);
  return [...initial].map((fileName) => `${outDir}/${fileName}`);
}
