// A consumer of the published packages, as an outside developer meets them: the three packages packed (`npm pack`,
// which runs their prepack) and installed from the tarballs into a fresh app outside this repository (so nothing
// resolves through the repository's node_modules), with the host's own lit (an older 3.x patch, which the kit's
// range must accept rather than install a second copy), Vite and React's types from the registry.
// The app lives in the OS temp folder and is reused: only packages whose tarball changed are reinstalled (each
// tarball's file name carries a hash of its content, so npm sees a new dependency exactly when it changed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackagesIfStale } from '../build/packages-if-stale.mjs';
import { CONSUMER_FILES } from './consumer-files.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['sdk', 'mock-server', 'widgets'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/** The host app's own dependencies, exact: lit one patch below the kit's development version; React for /react. */
export const HOST_DEPENDENCIES = { lit: '3.3.2', vite: '8.3.8', react: '19.3.1', '@types/react': '19.3.0', '@types/node': '20.19.43' };

export interface ConsumerApp {
  /** The app folder (package.json, index.html, main.js, src/, node_modules/). */
  dir: string;
  /** Each package's tarball, as `npm pack` wrote it. */
  tarballs: Record<PackageDir, string>;
}

const WORK = join(tmpdir(), `entitlement-kit-consumer-${createHash('sha256').update(REPO).digest('hex').slice(0, 8)}`);

function write(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Packs the three packages (building them first when stale) and installs them into the consumer app. */
export async function prepareConsumerApp(): Promise<ConsumerApp> {
  await buildPackagesIfStale();
  const packs = join(WORK, 'packs');
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  const workspaces = PACKAGES.flatMap((dir) => ['-w', `packages/${dir}`]);
  const packed = JSON.parse(execFileSync('npm', ['pack', ...workspaces, '--pack-destination', packs, '--json', '--silent'], { cwd: REPO, encoding: 'utf8' })) as { name: string; filename: string }[];
  const tarballs = {} as Record<PackageDir, string>;
  const dependencies: Record<string, string> = { ...HOST_DEPENDENCIES };
  for (const dir of PACKAGES) {
    const entry = packed.find((p) => p.name === `@entitlement-kit/${dir}`);
    if (!entry) throw new Error(`npm pack did not pack @entitlement-kit/${dir}`);
    const file = join(packs, entry.filename);
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
    const named = join(WORK, 'tarballs', entry.filename.replace(/\.tgz$/, `-${hash}.tgz`));
    mkdirSync(join(WORK, 'tarballs'), { recursive: true });
    if (!existsSync(named)) copyFileSync(file, named);
    tarballs[dir] = named;
    dependencies[entry.name] = `file:${named}`;
  }
  const dir = join(WORK, 'app');
  write(join(dir, 'package.json'), JSON.stringify({ name: 'ek-consumer', private: true, type: 'module', dependencies }, null, 2) + '\n');
  for (const [path, text] of Object.entries(CONSUMER_FILES)) write(join(dir, path), text);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  // Old tarballs of earlier runs are no longer referenced.
  for (const file of readdirSync(join(WORK, 'tarballs'))) {
    if (!Object.values(tarballs).some((t) => t.endsWith(file))) rmSync(join(WORK, 'tarballs', file));
  }
  return { dir, tarballs };
}
