// What a consumer's page loads up front, measured as a consumer builds: `vite build` in the consumer app with Vite's
// defaults (no config file), then the files the built index.html loads before anything runs: its module script and
// the chunks Vite preloads for it (the entry's static imports). Chunks behind a dynamic import() are not counted.
// Each file is compressed on its own, as a server sends it: gzip level 9 and brotli quality 11 with node:zlib.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface UpFront {
  files: string[];
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

/** Sums the sizes of `files` (paths under `dir`). */
export function sizeOf(dir: string, files: string[]): UpFront {
  const total: UpFront = { files, minBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const file of files) {
    const code = readFileSync(join(dir, file));
    const sizes = compressedSizes(code);
    total.minBytes += code.length;
    total.gzipBytes += sizes.gzipBytes;
    total.brotliBytes += sizes.brotliBytes;
  }
  return total;
}

/** Builds the consumer app with its own Vite and defaults, and measures what its page loads up front. */
export function buildConsumerPage(appDir: string): UpFront {
  // A consumer's shell has no NODE_ENV (a test runner sets 'test', which would give lit's development build).
  const { NODE_ENV, ...env } = process.env;
  execFileSync(join(appDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: appDir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync(join(appDir, 'dist/index.html'), 'utf8');
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const files = tags.flatMap((tag) => {
    const url = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    const upFront = tag.startsWith('<script') ? /type="module"/.test(tag) : /rel="modulepreload"/.test(tag);
    return url && upFront ? [url.replace(/^\//, '')] : [];
  });
  if (files.length === 0) throw new Error(`no module script in the built index.html:\n${html}`);
  return sizeOf(join(appDir, 'dist'), files);
}
