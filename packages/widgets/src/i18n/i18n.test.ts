import { expect, fixture, html } from '@open-wc/testing';
import { de } from './de.ts';
import { en } from './en.ts';
import { enViews } from './en-views.ts';
import { addEnglish, catalogueFor, format, languageOf, loadCatalogue, resolveLocale } from './index.ts';
import '../index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function shadowText(element: Element): string {
  return element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
}

describe('i18n catalogues', () => {
  it('German has every English key, none extra, none empty', () => {
    expect(Object.keys(de).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text.trim(), key).not.to.equal('');
  });

  it('German keeps the placeholders of each English string', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).to.deep.equal(placeholders(en[key]));
    }
  });

  it('picks the catalogue by language and falls back to English', async () => {
    expect(languageOf('de-AT')).to.equal('de');
    expect(languageOf('DE')).to.equal('de');
    expect(languageOf('fr-FR')).to.equal('en');
    // German is read on demand.
    expect(loadCatalogue('en')).to.equal(undefined);
    await loadCatalogue('de-CH');
    expect(catalogueFor('de-CH')).to.equal(de);
    // English: the first-paint strings at once, an on-demand view's strings once that view has arrived.
    expect(catalogueFor('ja').retry).to.equal(en.retry);
    addEnglish(enViews);
    expect(catalogueFor('ja')).to.deep.equal(en);
  });

  it('resolves an explicit locale first, then the page language', () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'de-DE';
      expect(resolveLocale(undefined, '')).to.equal('de-DE');
      expect(resolveLocale('en-GB', 'de')).to.equal('en-GB');
      expect(resolveLocale(undefined, 'fr')).to.equal('fr');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Stage {n} of {m}', { n: 1, m: 3 })).to.equal('Stage 1 of 3');
    expect(format('{a} {b}', { a: 'x' })).to.equal('x {b}');
  });
});

describe('widgets in German', () => {
  it('the request pane shows German labels with locale="de"', async () => {
    const el = await fixture(html`<request-access-pane locale="de"></request-access-pane>`);
    const text = shadowText(el);
    expect(text).to.contain(de.tabCatalog).and.contain(de.tabHistory).and.contain(de.notConnected);
    expect(text).not.to.contain(en.tabHistory);
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('de');
  });

  it('the approval inbox and manage team take German from the provider', async () => {
    const el = await fixture(html`<entitlement-provider locale="de-AT">
      <approval-inbox></approval-inbox>
      <manage-team></manage-team>
    </entitlement-provider>`);
    const inbox = el.querySelector('approval-inbox')!;
    const team = el.querySelector('manage-team')!;
    await inbox.updateComplete;
    await team.updateComplete;
    expect(shadowText(inbox)).to.contain(de.tabPending).and.contain(de.tabDecided);
    expect(shadowText(team)).to.contain(de.teamHeading);
  });

  it('a widget follows the page language when neither it nor a provider sets one', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'de';
      const el = await fixture(html`<manage-team></manage-team>`);
      expect(shadowText(el)).to.contain(de.teamHeading);
    } finally {
      document.documentElement.lang = before;
    }
  });

  it("a widget's own locale wins over the provider's", async () => {
    const el = await fixture(html`<entitlement-provider locale="de"><approval-inbox locale="en"></approval-inbox></entitlement-provider>`);
    const inbox = el.querySelector('approval-inbox')!;
    await inbox.updateComplete;
    expect(shadowText(inbox)).to.contain(en.tabPending);
  });
});
