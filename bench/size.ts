// Bytes each entry costs a page up front (dynamic imports left out): minified, then gzip (level 9) and brotli (quality 11) with node:zlib.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundle, SIZE_ENTRIES } from './build.ts';

/** Budget for the full page, gzip. */
export const FULL_PAGE_BUDGET_GZIP = 30 * 1024;

export interface SizeRow {
  name: string;
  label: string;
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export function compressedSizes(code: Buffer): { gzipBytes: number; brotliBytes: number } {
  return {
    gzipBytes: gzipSync(code, { level: 9 }).length,
    brotliBytes: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } }).length,
  };
}

export async function measureSizes(names?: string[]): Promise<SizeRow[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'ek-bench-size-'));
  try {
    const rows: SizeRow[] = [];
    for (const entry of SIZE_ENTRIES.filter((e) => !names || names.includes(e.name))) {
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
