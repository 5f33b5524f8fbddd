// <access-package-editor> without a backend: its catalogue, the not-connected and unreachable states, its theme,
// and that a page with only the end-user widgets never defines it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@entitlement-kit/sdk';
import type { WidgetErrorDetail } from '../events.ts';
import { editorDe } from '../i18n/editor-de.ts';
import { editorEn } from '../i18n/editor-en.ts';
import { editorCatalogueFor, loadEditorCatalogue } from '../i18n/editor.ts';
import '../define/access-package-editor.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<access-package-editor> on its own', () => {
  it('its German catalogue has every English key, none empty, the same placeholders, and is read on demand', async () => {
    expect(Object.keys(editorDe).sort()).to.deep.equal(Object.keys(editorEn).sort());
    for (const key of Object.keys(editorEn) as (keyof typeof editorEn)[]) {
      expect(editorDe[key].trim(), key).not.to.equal('');
      expect(placeholders(editorDe[key]), key).to.deep.equal(placeholders(editorEn[key]));
    }
    expect(loadEditorCatalogue('en')).to.equal(undefined);
    await loadEditorCatalogue('de-AT');
    expect(editorCatalogueFor('de-AT')).to.equal(editorDe);
    expect(editorCatalogueFor('fr')).to.equal(editorEn);
  });

  it('without a client it says it is not connected; the theme attribute is kept', async () => {
    const el = await fixture(html`<access-package-editor theme="dark"></access-package-editor>`);
    expect(shadowText(el)).to.contain('Not connected.');
    expect(el.getAttribute('theme')).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('an unreachable Graph: widget-error with the GraphError and an error state with a retry, in German too', async () => {
    const heard: CustomEvent<WidgetErrorDetail>[] = [];
    const listener = (event: CustomEvent<WidgetErrorDetail>) => heard.push(event);
    document.addEventListener('widget-error', listener);
    try {
      const el = document.createElement('access-package-editor');
      el.locale = 'de';
      el.client = createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => 't', retries: 0 });
      await fixture(html`<div>${el}</div>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="error"]'), 'no error state', { timeout: 10_000 });
      expect(heard[0]?.detail.operation).to.equal('loadEditorSetup');
      expect(shadowText(el)).to.contain('Neues Zugriffspaket').and.to.contain('Erneut versuchen');
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('widget-error', listener);
    }
  });

  it('is its own entry: the package root (the end-user widgets) does not define it', async () => {
    const root = await import('../index.ts');
    expect(Object.keys(root)).not.to.include('AccessPackageEditor');
  });
});
