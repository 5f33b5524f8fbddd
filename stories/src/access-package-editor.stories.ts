import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
// Its own entry: the administrators' editor is not part of the package root the other stories load.
import '@entitlement-kit/widgets/define/access-package-editor';
import { admin, dark, empty, employee, failing, german, loading, rtl } from './states.ts';

interface Args {
  theme?: 'light' | 'dark';
  locale?: string;
  packageId?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Access package editor',
  component: 'access-package-editor',
  tags: ['autodocs'],
  render: (args) =>
    html`<access-package-editor
      theme=${args.theme ?? nothing}
      locale=${args.locale || nothing}
      package-id=${args.packageId || nothing}
    ></access-package-editor>`,
  parameters: {
    docs: {
      description: {
        component:
          'Seed 003’s “New access package” for Identity Governance Administrators (Basics, Resource roles, Requests, Requestor information, Lifecycle, Custom extensions, Review + create), and with `package-id` the panels of an existing package. Others see why they cannot use it.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

// The contoso seed's Sales Pipeline package (packages/mock-server/docs/seed-and-codes.md).
const SALES_PIPELINE = '40000000-0000-4000-8000-000000000001';

export const Admin: Story = { ...admin, name: 'New access package (admin)' };
export const EditExisting: Story = { ...admin, name: 'Edit an existing package', args: { packageId: SALES_PIPELINE } };
/** Graph refuses the employee the administrators' calls (403): a clear no-access state, never a form. */
export const NoAccess: Story = { ...employee, name: 'No access (employee)', tags: ['!autodocs', 'http-forbidden'] };
export const Loading: Story = { ...loading, tags: ['!autodocs'] };
export const Empty: Story = { ...empty, tags: ['!autodocs'] };
export const ServerError: Story = { ...failing, name: 'Server error', tags: ['!autodocs', 'http-error'] };
export const Dark: Story = { ...dark, globals: { persona: 'admin' } };
export const RightToLeft: Story = { ...rtl, name: 'Right to left', globals: { persona: 'admin' } };
export const German: Story = { ...german, globals: { locale: 'de', persona: 'admin' } };
