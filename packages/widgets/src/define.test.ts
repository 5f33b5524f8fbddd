import { expect } from '@open-wc/testing';
import { defineOnce } from './define.ts';

let counter = 0;
const uniqueTag = () => `ek-define-test-${++counter}-${Date.now()}`;

function captureWarnings(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineOnce', () => {
  it('defines a free tag and says so', () => {
    const tag = uniqueTag();
    class First extends HTMLElement {}
    expect(defineOnce(tag, First, '1.0.0')).to.equal(true);
    expect(customElements.get(tag)).to.equal(First);
  });

  it('skips a tag another copy defined, warning with both versions, without throwing', () => {
    const tag = uniqueTag();
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineOnce(tag, First, '1.0.0');
    let result: boolean | undefined;
    const warnings = captureWarnings(() => {
      result = defineOnce(tag, Second, '2.0.0');
    });
    expect(result).to.equal(false);
    expect(customElements.get(tag)).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`<${tag}>`).and.contain('1.0.0').and.contain('2.0.0');
  });

  it('names a tag defined outside the kit as such', () => {
    const tag = uniqueTag();
    customElements.define(tag, class extends HTMLElement {});
    const warnings = captureWarnings(() => defineOnce(tag, class extends HTMLElement {}, '3.0.0'));
    expect(warnings[0]).to.contain('not defined by entitlement-kit').and.contain('3.0.0');
  });

  it('is silent when the same class is defined under the same tag again', () => {
    const tag = uniqueTag();
    class Same extends HTMLElement {}
    defineOnce(tag, Same, '1.0.0');
    const warnings = captureWarnings(() => expect(defineOnce(tag, Same, '1.0.0')).to.equal(false));
    expect(warnings).to.deep.equal([]);
  });

  it('skips a class already registered under another name instead of throwing', () => {
    const first = uniqueTag();
    const second = uniqueTag();
    class Once extends HTMLElement {}
    defineOnce(first, Once, '1.0.0');
    const warnings = captureWarnings(() => expect(defineOnce(second, Once, '1.0.0')).to.equal(false));
    expect(customElements.get(second)).to.equal(undefined);
    expect(warnings[0]).to.contain(`<${first}>`);
  });

  it('the kit tags are defined by importing the package, and importing a define module again is harmless', async () => {
    await import('./index.ts');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      await import('./define/request-access-pane.ts');
    } finally {
      console.warn = original;
    }
    for (const tag of ['entitlement-provider', 'request-access-pane', 'approval-inbox', 'manage-team']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(warnings).to.deep.equal([]);
  });
});
