// tsc's rewriteRelativeImportExtensions turns `from './x.ts'` into './x.js' but leaves the literal in `import('./x.ts')`
// (the widgets load some views on demand), so dist/ would ask for files that do not exist. Usage: node <this> <dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DYNAMIC_TS = /\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\.ts\1\s*\)/g;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      const rewritten = text.replace(DYNAMIC_TS, (_, quote, stem) => `import(${quote}${stem}.js${quote})`);
      if (rewritten !== text) writeFileSync(path, rewritten);
    }
  }
}

walk(process.argv[2] ?? 'dist');
