import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { admin, approver, dark, empty, employee, failing, german, loading, manager, rtl } from './states.ts';

interface Args {
  theme?: 'light' | 'dark';
  locale?: string;
  packageId?: string;
  targetUserId?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Request access pane',
  component: 'request-access-pane',
  tags: ['autodocs'],
  render: (args) =>
    html`<request-access-pane
      theme=${args.theme ?? nothing}
      locale=${args.locale || nothing}
      package-id=${args.packageId || nothing}
      target-user-id=${args.targetUserId || nothing}
    ></request-access-pane>`,
  parameters: { docs: { description: { component: 'Browse and request access packages (for yourself or a direct report), and follow your request history.' } } },
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
