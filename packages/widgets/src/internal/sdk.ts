// The one place the widgets take SDK types from.
export type * from '@entitlement-kit/sdk';
