// Stoplight Prism 5.16.0 (a stateless OpenAPI mock) on Microsoft's Graph subset, as an anchor for the mock's reads.
// Installed on first use into bench/.cache (it is large and only the bench needs it). Prism cannot generate bodies
// for Graph's mutually recursive schemas ("Schema too complex"), so the spec it gets has the navigation properties
// (`x-ms-navigationProperty: true`) taken out of every schema: see bench/README.md.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const PRISM_VERSION = '5.16.0';
const SUBSET = '/work/shared/graph/graph-entitlement-subset.yaml';
const cache = fileURLToPath(new URL('../.cache/', import.meta.url));
const bin = `${cache}prism/node_modules/@stoplight/prism-cli/dist/index.js`;

function ensureInstalled(log: (m: string) => void): void {
  if (existsSync(bin)) return;
  log(`installing @stoplight/prism-cli@${PRISM_VERSION} into bench/.cache/prism (first run only)`);
  mkdirSync(`${cache}prism`, { recursive: true });
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', `${cache}prism`, `@stoplight/prism-cli@${PRISM_VERSION}`], {
    stdio: 'ignore',
  });
}

/** The subset without navigation properties: the one edit that lets Prism generate bodies. */
function flatSpec(specPath: string): string {
  const doc = parse(readFileSync(specPath, 'utf8'));
  const strip = (schema: any) => {
    if (!schema || typeof schema !== 'object') return;
    for (const [name, property] of Object.entries<any>(schema.properties ?? {})) if (property?.['x-ms-navigationProperty']) delete schema.properties[name];
    (schema.allOf ?? []).forEach(strip);
  };
  Object.values(doc.components.schemas).forEach(strip);
  const out = `${cache}graph-subset-flat.yaml`;
  writeFileSync(out, stringify(doc));
  return out;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export async function startPrism(log: (m: string) => void, specPath = SUBSET): Promise<{ url: string; child: ChildProcess } | undefined> {
  if (!existsSync(specPath)) return undefined;
  ensureInstalled(log);
  const spec = flatSpec(specPath);
  const port = await freePort();
  // Prism 5.16's CLI fails to parse its own arguments under NODE_ENV=production (which the size step's vite build sets).
  const { NODE_ENV: _, ...env } = process.env;
  const child = spawn(process.execPath, [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), spec], { stdio: ['ignore', 'pipe', 'pipe'], env });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Prism did not start within 60 s')), 60_000);
    let out = '';
    const read = (chunk: Buffer) => {
      out += chunk;
      if (out.includes('Prism is listening')) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`Prism exited (${code}): ${out.slice(0, 1500)}`)));
  });
  child.removeAllListeners('exit');
  return { url: `http://127.0.0.1:${port}`, child };
}
