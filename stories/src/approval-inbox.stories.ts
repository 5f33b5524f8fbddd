import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { admin, approver, dark, empty, employee, failing, german, loading, manager, rtl } from './states.ts';

interface Args {
  theme?: 'light' | 'dark';
  locale?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Approval inbox',
  component: 'approval-inbox',
  tags: ['autodocs'],
  render: (args) =>
    html`<approval-inbox
      theme=${args.theme ?? nothing}
      locale=${args.locale || nothing}
    ></approval-inbox>`,
  parameters: { docs: { description: { component: 'Requests waiting for the signed-in approver: approve or deny with a justification.' } } },
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
