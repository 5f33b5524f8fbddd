// Headless Debian Chromium through puppeteer-core, and a static file server for the bench page, both on loopback.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';

interface ChromiumModule {
  findChromium(): string | undefined;
  CHROMIUM_ARGS: string[];
  INSTALL_HINT: string;
}

export async function launchChromium(): Promise<Browser> {
  // scripts/chromium.mjs is plain JS shared with the test runner; imported by a computed path so tsc does not ask for its types.
  const modulePath = new URL('../../scripts/chromium.mjs', import.meta.url).href;
  const { findChromium, CHROMIUM_ARGS, INSTALL_HINT } = (await import(modulePath)) as ChromiumModule;
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium is needed for the browser benchmarks. ${INSTALL_HINT}`);
  return puppeteer.launch({ executablePath, args: [...CHROMIUM_ARGS, '--window-size=1280,900'], defaultViewport: { width: 1280, height: 900 } });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      },
      () => {
        res.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
