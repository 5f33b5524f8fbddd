// Every story renders inside an <entitlement-provider> pointed at the real mock Graph in a service worker:
// the toolbar picks the persona (who is signed in) and the locale; a story may pin either through `globals`,
// pick the seed (`parameters.seed`), the direction (`parameters.dir`), or override handlers in `beforeEach({ msw })`.
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import { createPreviewAnnotations } from 'msw-storybook-addon/preview';
import manifest from 'virtual:entitlement-kit/custom-elements';
import '@entitlement-kit/widgets';
// The story frame's styles from a stylesheet, not style attributes: stories run under a CSP without 'unsafe-inline'.
import './preview.css';
import { baseUrl, mock, PERSONAS, tokenFor, useWorker, type Persona, type Seed } from '../src/mock.ts';

// Docs pages: attributes, properties, events, slots, CSS parts and custom properties from the manifest.
setCustomElementsManifest(manifest);

// msw-storybook-addon v3: the worker starts once; handlers a story adds with `msw.use()` are reset after it. The
// mock's handlers are the worker's initial handlers, so they survive that reset.
const msw = createPreviewAnnotations(async () => {
  const worker = setupWorker(...mock.handlers);
  useWorker(worker);
  await worker.start({
    serviceWorker: { url: new URL('./mockServiceWorker.js', document.baseURI).pathname },
    quiet: true,
    // Storybook's own modules and assets go to the network untouched.
    onUnhandledRequest: 'bypass',
  });
  return worker;
});

const withProvider: Decorator = (story, context) => {
  const persona = (context.globals.persona ?? 'employee') as Persona;
  const locale = (context.globals.locale ?? 'en') as string;
  const dir = (context.parameters.dir ?? 'ltr') as string;
  const dark = context.args.theme === 'dark';
  return html`<div
    class="ek-story"
    dir=${dir}
    data-view-mode=${context.viewMode}
    data-theme=${dark ? 'dark' : 'light'}
    data-persona=${persona}
  >
    <entitlement-provider base-url=${baseUrl()} locale=${locale} .getAccessToken=${() => tokenFor(persona)}>
      ${story()}
    </entitlement-provider>
  </div>`;
};

type BeforeEach = Extract<NonNullable<Preview['beforeEach']>, (...args: never[]) => unknown>;

/** Every story starts from its seed with no faults, whatever the story before it did. */
const resetMock: BeforeEach = (context) => {
  mock.engine.reset((context.parameters.seed ?? 'contoso') as Seed);
  mock.faults.clear();
};

const preview: Preview = {
  beforeEach: [...([msw.beforeEach ?? []].flat() as BeforeEach[]), resetMock],
  decorators: [withProvider],
  globalTypes: {
    persona: {
      description: 'Who is signed in (a token minted by the mock)',
      toolbar: {
        title: 'Persona',
        icon: 'user',
        items: Object.entries(PERSONAS).map(([value, p]) => ({ value, title: p.title })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the provider (strings and dates)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { persona: 'employee', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // No `height` here: Storybook would set it through a <style> element per story, which a strict CSP refuses;
    // preview.css gives the story frame its height on docs pages instead.
    docs: { story: { inline: true } },
  },
  tags: ['autodocs'],
};

export default preview;
