import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { admin, approver, employee, manager } from './states.ts';

// The page every host writes: one provider (here the one every story renders in, see .storybook/preview.ts) around
// the three widgets, which share its client, its locale and one read of the caller and their reports.
const meta: Meta = {
  title: 'Widgets/Entitlement provider',
  component: 'entitlement-provider',
  tags: ['autodocs'],
  render: () => html`<div class="ek-story-grid">
    <request-access-pane></request-access-pane>
    <approval-inbox></approval-inbox>
    <manage-team></manage-team>
  </div>`,
  parameters: {
    docs: {
      description: {
        component:
          'Gives the widgets inside it one SDK client (from `base-url` and `getAccessToken`, or a ready `client`), one shared session and a locale.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const AllWidgetsManager: Story = { ...manager, name: 'All widgets (manager)' };
export const AllWidgetsEmployee: Story = { ...employee, name: 'All widgets (employee)', tags: ['!autodocs'] };
export const AllWidgetsApprover: Story = { ...approver, name: 'All widgets (approver)', tags: ['!autodocs'] };
export const AllWidgetsAdmin: Story = { ...admin, name: 'All widgets (admin)', tags: ['!autodocs'] };
