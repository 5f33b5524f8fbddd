// The states every widget story file shows. Spread into object literals in the stories files, so that Storybook's
// indexer still reads each story's tags statically.
import type { StoryObj } from '@storybook/web-components-vite';
import { neverRespond, serverError } from './mock.ts';

type Story = StoryObj;

/** Graph never answers: the loading state. Kept off the docs page, where it would stall the other stories. */
export const loading: Story = {
  beforeEach({ msw }) {
    msw.use(neverRespond);
  },
};

/** Every Graph call answers 500: the error state with its retry button. */
export const failing: Story = {
  beforeEach({ msw }) {
    msw.use(serverError);
  },
};

/** The 'empty' seed: only admin@contoso.com exists, with no packages, requests, approvals or reports. */
export const empty: Story = { parameters: { seed: 'empty' }, globals: { persona: 'admin' } };

export const employee: Story = { globals: { persona: 'employee' } };
export const manager: Story = { globals: { persona: 'manager' } };
export const approver: Story = { globals: { persona: 'approver' } };
export const admin: Story = { globals: { persona: 'admin' } };
// The variants show the manager, who has something in every widget.
export const dark: Story = { args: { theme: 'dark' }, globals: { persona: 'manager' } };
export const rtl: Story = { parameters: { dir: 'rtl' }, globals: { persona: 'manager' } };
export const german: Story = { globals: { locale: 'de', persona: 'manager' } };
