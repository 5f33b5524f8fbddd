// The shipped custom-elements.json against the widget sources it is made from, and the files made from it
// (web-types.json for JetBrains, VS Code's custom data): the kit's five tags and nothing else; for each widget every
// --ek-* property the styles read and exactly the parts its templates render (its own modules and the views it
// loads on demand, not a nested kit element's); typed events, including each one its code emits, with the types
// of the kit's event map; no private, protected or internal members.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO } from './consumer-app.ts';

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  privacy?: string;
}
interface Declaration extends Named {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

const installed = join(inject('consumerApp').dir, 'node_modules/@entitlement-kit/widgets');
const json = <T>(file: string): T => JSON.parse(readFileSync(join(installed, file), 'utf8')) as T;
const manifest = json<Manifest>('custom-elements.json');
const TAGS = ['access-package-editor', 'approval-inbox', 'entitlement-provider', 'manage-team', 'my-access', 'request-access-pane'];
const INTERNAL = ['resolvedClient', 'sessionStore', 'resolvedLocale', 'useStyles'];

const src = join(REPO, 'packages/widgets/src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const read = (file: string) => readFileSync(file, 'utf8');
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ d, file: join(src, m.path.replace(/^dist\//, '').replace(/\.js$/, '.ts')) })));
const elementFiles = new Set(elements.map((e) => e.file));

/** The modules an element's module reaches through value imports and import(), stopping at other elements. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const code = read(file).replace(/^(import|export) type .*$/gm, '');
  for (const [, spec] of code.matchAll(/(?:from|import\(?)\s*'(\.{1,2}\/[^']+\.ts)'/g)) {
    const next = resolve(dirname(file), spec);
    if (!seen.has(next) && !elementFiles.has(next)) reachable(next, seen);
  }
  return seen;
}
const partsIn = (files: Iterable<string>) => new Set([...files].flatMap((f) => [...read(f).matchAll(/\bpart="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/))));
const emittedIn = (files: Iterable<string>) => new Set([...files].flatMap((f) => [...read(f).matchAll(/\bemit\(\s*[\w.]+,\s*'([a-z-]+)'/g)].map((m) => m[1])));
const names = (items: { name: string }[] = []) => items.map((i) => i.name).sort();
const cssPropertiesUsed = [...new Set(sourceFiles(src).flatMap((f) => [...read(f).matchAll(/var\((--ek-[a-z-]+)/g)].map((m) => m[1])))].sort();
const eventTypes = Object.fromEntries([...read(join(src, 'events.ts')).matchAll(/'([a-z-]+)': (CustomEvent<\w+>);/g)].map((m) => [m[1], m[2]]));

it('declares the kit\'s tags (four end-user ones, <my-access> and the administrators\' editor) and no other element or definition', () => {
  expect(elements.map((e) => e.d.tagName).sort()).toEqual(TAGS);
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name));
  expect(definitions.sort()).toEqual(TAGS);
  expect(JSON.stringify(manifest)).not.toMatch(/"scoped"|anonymous_/);
});

describe.each(elements.filter((e) => e.d.tagName !== 'entitlement-provider'))('<$d.tagName>', ({ d, file }) => {
  const files = reachable(file);

  it(`documents the ${cssPropertiesUsed.length} --ek-* properties the styles read`, () => {
    expect(cssPropertiesUsed.length).toBeGreaterThanOrEqual(17);
    expect(names(d.cssProperties)).toEqual(cssPropertiesUsed);
    expect(d.cssProperties!.filter((p) => !p.description)).toEqual([]);
  });

  it('documents exactly the parts its templates render, each with a description', () => {
    expect(names(d.cssParts)).toEqual([...partsIn(files)].sort());
    expect(d.cssParts!.filter((p) => !p.description)).toEqual([]);
  });

  it("types every event, as the kit's event map does, including each one its code emits", () => {
    for (const event of emittedIn(files)) expect(names(d.events)).toContain(event);
    for (const event of d.events ?? []) expect(`${event.name}: ${event.type?.text}`).toBe(`${event.name}: ${eventTypes[event.name]}`);
  });
});

it('lists public members only, none of the internals', () => {
  for (const { d } of elements) {
    expect(d.members!.filter((m) => m.privacy || INTERNAL.includes(m.name)).map((m) => `${d.tagName}.${m.name}`)).toEqual([]);
  }
  expect(names(elements.find((e) => e.d.tagName === 'request-access-pane')!.d.members)).toEqual(['client', 'kitVersion', 'locale', 'packageId', 'targetLocked', 'targetUserId', 'theme']);
});

it('web-types.json and the VS Code data describe the same elements', () => {
  interface WebNamed {
    name: string;
    type?: string;
  }
  interface WebElement extends WebNamed {
    js: { properties: WebNamed[]; events: WebNamed[] };
    css: { properties: WebNamed[]; parts: WebNamed[] };
  }
  const webTypes = json<{ name: string; contributions: { html: { elements: WebElement[] } } }>('web-types.json');
  expect(webTypes.name).toBe('@entitlement-kit/widgets');
  const pkg = json<{ 'web-types': string }>('package.json');
  expect(relative('.', pkg['web-types'])).toBe('web-types.json');
  const web = new Map(webTypes.contributions.html.elements.map((e) => [e.name, e]));
  expect([...web.keys()].sort()).toEqual(TAGS);
  for (const { d } of elements) {
    const e = web.get(d.tagName!)!;
    expect(names(e.css.properties)).toEqual(names(d.cssProperties));
    expect(names(e.css.parts)).toEqual(names(d.cssParts));
    expect(e.js.events.map((x) => `${x.name}: ${x.type}`)).toEqual((d.events ?? []).map((x) => `${x.name}: ${x.type?.text}`));
  }
  const vscode = json<{ tags: Named[] }>('vscode.html-custom-data.json');
  expect(names(vscode.tags)).toEqual(TAGS);
});
