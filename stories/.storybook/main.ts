// Storybook for the widgets over the real mock Graph (MSW in a service worker). `npm run storybook` (dev, 127.0.0.1)
// and `npm run build-storybook` (static, stories/storybook-static) at the repo root. No network needed, telemetry off.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type Plugin } from 'vite';
import { noInlineCode } from './no-inline-code.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The MSW worker, served at the root of the preview (staticDirs) so its scope covers iframe.html. Copied from the
// msw that the mock itself imports, so it can never drift from it; the copy is ignored by git.
const publicDir = here('./public');
const fromMock = createRequire(here('../../packages/mock-server/package.json'));
mkdirSync(publicDir, { recursive: true });
copyFileSync(fromMock.resolve('msw/mockServiceWorker.js'), `${publicDir}/mockServiceWorker.js`);

interface Member {
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules: { declarations?: { members?: Member[] }[] }[];
}

/** The docs tables show the public API only: private, protected and static members are left out. */
function forDocs(manifest: Manifest): Manifest {
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      declaration.members = declaration.members?.filter((m) => !m.static && (m.privacy ?? 'public') === 'public');
    }
  }
  return manifest;
}

/**
 * `virtual:entitlement-kit/custom-elements`: the widgets' custom-elements.json (`cem analyze --litelement`, see
 * packages/widgets/custom-elements-manifest.config.mjs), generated here when no build made it yet.
 */
function customElementsManifest(): Plugin {
  const id = 'virtual:entitlement-kit/custom-elements';
  const widgetsDir = here('../../packages/widgets');
  const file = `${widgetsDir}/custom-elements.json`;
  return {
    name: 'entitlement-kit:custom-elements-manifest',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      if (!existsSync(file)) {
        const run = spawnSync('npm', ['run', 'cem', '--silent'], { cwd: widgetsDir, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`cem analyze failed:\n${run.stdout}\n${run.stderr}`);
      }
      this.addWatchFile(file);
      return `export default ${JSON.stringify(forDocs(JSON.parse(readFileSync(file, 'utf8'))))};`;
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../src/**/*.stories.ts'],
  // The msw addon's preview part is applied in preview.ts with our own worker set-up (the mock's handlers as the
  // worker's initial handlers, a relative worker URL), so it is not listed here: listing it would start a second,
  // default worker before ours.
  addons: ['@storybook/addon-docs'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories run under a CSP without 'unsafe-inline' (see no-inline-code.ts). These toolbar tools work by injecting
  // <style> elements into the story frame, which such a policy blocks (highlight does it on every story), so they
  // are off; the widgets' own Dark, Right to left and German stories stand in for backgrounds.
  features: { highlight: false, outline: false, measure: false, backgrounds: false },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    // Workspace packages as TypeScript sources (their exports' "@entitlement-kit/source" condition).
    viteConfig.resolve.conditions = ['@entitlement-kit/source', ...defaultClientConditions];
    viteConfig.plugins = [...(viteConfig.plugins ?? []), customElementsManifest(), noInlineCode()];
    // The widgets use legacy decorators and `useDefineForClassFields: false` (see TOOLCHAIN), in Oxc's terms.
    viteConfig.oxc = {
      ...(typeof viteConfig.oxc === 'object' ? viteConfig.oxc : {}),
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
      assumptions: { setPublicClassFields: true },
    };
    viteConfig.server = { ...viteConfig.server, host: '127.0.0.1' };
    viteConfig.build = { ...viteConfig.build, target: 'es2022', chunkSizeWarningLimit: 4000 };
    return viteConfig;
  },
};

export default config;
