// The bench page built once (minified, as a host would ship it) into a temp dir and served on loopback.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../build.ts';
import { serveStatic, type StaticServer } from './browser.ts';

export interface BenchPage extends StaticServer {
  /** The page URL for a Graph base URL, a bearer token and a mode. */
  pageUrl(graphUrl: string, token: string, mode: 'page' | 'inbox' | 'pane'): string;
}

export async function startBenchPage(): Promise<BenchPage> {
  const dir = await mkdtemp(join(tmpdir(), 'ek-bench-page-'));
  await bundle(fileURLToPath(new URL('../page/main.ts', import.meta.url)), 'main', dir);
  await copyFile(fileURLToPath(new URL('../page/index.html', import.meta.url)), join(dir, 'index.html'));
  const server = await serveStatic(dir);
  return {
    ...server,
    pageUrl: (graphUrl, token, mode) =>
      `${server.url}/?${new URLSearchParams({ graph: graphUrl, token, mode }).toString()}`,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
