// `prepack` / `postpack` of each published package (run by `npm pack` and `npm publish` in the package folder).
// prepack: the package.json that ships loses the `@entitlement-kit/source` export condition and the ./src/ entries
// of `sideEffects`: they point at TypeScript sources that only this repository's tools resolve (tsconfig, vitest,
// Storybook set the condition), and the sources are not shipped: shipping them would double each tarball for no
// consumer. It also loses `scripts` (build steps with paths into this repository) and `devDependencies`. The
// repository's LICENSE and CHANGELOG.md are copied in. postpack puts everything back.
// Usage: node ../../scripts/build/pack-manifest.mjs prepack|postpack
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';

const SOURCE_CONDITION = '@entitlement-kit/source';
const SHARED_FILES = ['LICENSE', 'CHANGELOG.md'];
const BACKUP = '.package.json.repo';

/** The published form of a package.json object. */
function publishedManifest(pkg) {
  const strip = (target) => {
    if (!target || typeof target !== 'object') return target;
    return Object.fromEntries(Object.entries(target).filter(([key]) => key !== SOURCE_CONDITION).map(([key, value]) => [key, strip(value)]));
  };
  const { scripts, devDependencies, ...published } = pkg;
  return {
    ...published,
    exports: strip(pkg.exports),
    ...(Array.isArray(pkg.sideEffects) ? { sideEffects: pkg.sideEffects.filter((entry) => !entry.startsWith('./src/')) } : {}),
  };
}

function restore() {
  if (existsSync(BACKUP)) renameSync(BACKUP, 'package.json');
  for (const file of SHARED_FILES) rmSync(file, { force: true });
}

const mode = process.argv[2];
if (mode === 'prepack') {
  restore(); // an interrupted earlier pack
  const text = readFileSync('package.json', 'utf8');
  const { atime, mtime } = statSync('package.json');
  writeFileSync(BACKUP, text);
  // Restored with its own time, so packing never makes the builds (which read package.json) look stale.
  utimesSync(BACKUP, atime, mtime);
  writeFileSync('package.json', JSON.stringify(publishedManifest(JSON.parse(text)), null, 2) + '\n');
  for (const file of SHARED_FILES) copyFileSync(new URL(`../../${file}`, import.meta.url), file);
} else if (mode === 'postpack') {
  restore();
} else {
  console.error('usage: pack-manifest.mjs prepack|postpack');
  process.exit(2);
}
