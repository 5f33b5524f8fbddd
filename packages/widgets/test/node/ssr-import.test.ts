// Server-side rendering and Node tooling import the packages without a DOM: no entry may touch window or document
// while being imported. Every entry of every package's exports map is imported here in Node (through the
// '@entitlement-kit/source' condition, so the sources); scripts/kit-browser-test.mjs imports the built dist/ the
// same way, with Node's own resolution.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../', import.meta.url);

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
}

/** Every import specifier a package offers for code (JSON files and package.json left out), wildcards expanded. */
export function codeSpecifiers(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(new URL(`packages/${packageDir}/package.json`, root), 'utf8')) as Manifest;
  const specifiers: string[] = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (key.endsWith('.json') || typeof target === 'string' && !target.endsWith('.js')) continue;
    if (key === './entitlement-kit.js') continue; // the single-file bundle is a browser build of the root entry
    const base = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    if (!key.includes('*')) {
      specifiers.push(base);
      continue;
    }
    const source = (target as Record<string, string>)['@entitlement-kit/source'];
    const dir = source.slice(2, source.indexOf('*'));
    for (const file of readdirSync(new URL(`packages/${packageDir}/${dir}`, root))) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) specifiers.push(base.replace('*', file.slice(0, -3)));
    }
  }
  return specifiers;
}

describe('importing every entry in Node (SSR)', () => {
  for (const packageDir of ['sdk', 'mock-server', 'widgets']) {
    const specifiers = codeSpecifiers(packageDir);
    it(`${packageDir}: ${specifiers.length} entries import without a DOM`, async () => {
      expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
      expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
      for (const specifier of specifiers) {
        const mod: Record<string, unknown> = await import(/* @vite-ignore */ specifier);
        expect(Object.keys(mod).length, specifier).toBeGreaterThan(0);
      }
      expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    });
  }

  it('the widget classes and React wrappers are there to render on a server', async () => {
    const widgets = await import('@entitlement-kit/widgets');
    expect(typeof widgets.RequestAccessPane).toBe('function');
    const react = await import('@entitlement-kit/widgets/react');
    expect(react.ApprovalInbox).toBeTruthy();
    expect(react.RequestAccessPane.displayName).toBe('RequestAccessPane');
  });
});
