// Steps the access package editor's tests take through its form, by keyboard.
import { expect } from '@open-wc/testing';
import { findByRole, typeInto } from './ui.ts';

/** Picks an option of a select by its text from the keyboard (type-ahead in the closed select). */
export async function choose(root: Element, label: string, option: string): Promise<void> {
  const select = (await findByRole(root, 'combobox', { name: label })) as HTMLSelectElement;
  await typeInto(select, option);
  expect(select.selectedOptions[0]?.textContent?.trim()).to.equal(option);
}

/** Selects what a field holds and types over it. */
export async function replaceText(field: HTMLElement, text: string): Promise<void> {
  (field as HTMLInputElement).select();
  await typeInto(field, text);
}
