// Bytes each entry costs a page up front (dynamic imports left out), minified, then gzip (level 9) and brotli
// (quality 11) with node:zlib. The full page, which the budget is about, is measured as a consumer builds it
// (scripts/packaging/consumer-size.ts: the packed tarballs in an app, Vite's defaults); the per-entry rows are our
// own builds of the sources (bench/build.ts), for comparing entries with one another.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareConsumerApp } from '../scripts/packaging/consumer-app.ts';
import { buildConsumerPage, compressedSizes } from '../scripts/packaging/consumer-size.ts';
import { bundle, SIZE_ENTRIES } from './build.ts';

export { compressedSizes };

/** Budget for the full page, gzip: what `import '@entitlement-kit/widgets'` costs a consumer's page up front. */
export const FULL_PAGE_BUDGET_GZIP = 30 * 1024;

export const FULL_PAGE_LABEL = "Full page as a consumer builds it: import '@entitlement-kit/widgets' from the packed tarballs, Vite defaults";

export interface SizeRow {
  name: string;
  label: string;
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** The full page from the packed packages in the consumer app (packs and installs first). */
export async function measureFullPage(appDir?: string): Promise<SizeRow> {
  const dir = appDir ?? (await prepareConsumerApp()).dir;
  const { minBytes, gzipBytes, brotliBytes } = buildConsumerPage(dir);
  return { name: 'full-page', label: FULL_PAGE_LABEL, minBytes, gzipBytes, brotliBytes };
}

export async function measureSizes(names?: string[]): Promise<SizeRow[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'ek-bench-size-'));
  try {
    const rows: SizeRow[] = [];
    for (const entry of SIZE_ENTRIES.filter((e) => !names || names.includes(e.name))) {
      if (entry.name === 'full-page') {
        rows.push(await measureFullPage());
        continue;
      }
      // What a page loads up front, each file compressed on its own as a server would send it.
      const row: SizeRow = { name: entry.name, label: entry.label, minBytes: 0, gzipBytes: 0, brotliBytes: 0 };
      for (const file of await bundle(entry.file, entry.name, outDir)) {
        const code = await readFile(file);
        const sizes = compressedSizes(code);
        row.minBytes += code.length;
        row.gzipBytes += sizes.gzipBytes;
        row.brotliBytes += sizes.brotliBytes;
      }
      rows.push(row);
    }
    return rows;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
