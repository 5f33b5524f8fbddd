// Imports the given module specifiers one by one, as a server (SSR) or a Node tool would, and prints a JSON line:
// for each, whether it imported and exported something, then whether window and document are still undefined.
// Used by packages/widgets/test/node/ssr-import.test.ts (sources: `node --conditions=@entitlement-kit/source
// --import tsx`) and by scripts/kit-browser-test.mjs (the built dist/: plain `node`).
const specifiers = JSON.parse(process.argv[2] ?? '[]');
const results = [];
for (const specifier of specifiers) {
  try {
    const mod = await import(specifier);
    results.push({ specifier, ok: true, exports: Object.keys(mod).length });
  } catch (error) {
    results.push({ specifier, ok: false, error: String(error?.stack ?? error).split('\n').slice(0, 4).join(' | ') });
  }
}
results.push({ specifier: '(window and document untouched)', ok: typeof globalThis.window === 'undefined' && typeof globalThis.document === 'undefined' });
console.log(JSON.stringify(results));
