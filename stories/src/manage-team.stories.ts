import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { admin, approver, dark, empty, employee, failing, german, loading, manager, rtl } from './states.ts';

interface Args {
  theme?: 'light' | 'dark';
  locale?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Manage team',
  component: 'manage-team',
  tags: ['autodocs'],
  render: (args) =>
    html`<manage-team
      theme=${args.theme ?? nothing}
      locale=${args.locale || nothing}
    ></manage-team>`,
  parameters: { docs: { description: { component: 'The signed-in manager’s direct reports and their access: remove it, or request access for them.' } } },
};
export default meta;

type Story = StoryObj<Args>;

export const Employee: Story = { ...employee };
export const Manager: Story = { ...manager };
export const Approver: Story = { ...approver };
export const Admin: Story = { ...admin };
export const Loading: Story = { ...loading, tags: ['!autodocs'] };
export const Empty: Story = { ...empty, tags: ['!autodocs'] };
export const ServerError: Story = { ...failing, name: 'Server error', tags: ['!autodocs', 'http-error'] };
export const Dark: Story = { ...dark };
export const RightToLeft: Story = { ...rtl, name: 'Right to left' };
export const German: Story = { ...german };
