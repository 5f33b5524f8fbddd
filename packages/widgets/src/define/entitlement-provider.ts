import { defineOnce, ensureContextRoot } from '../define.ts';
import { EntitlementProvider } from '../entitlement-provider/entitlement-provider.ts';

ensureContextRoot();
defineOnce('entitlement-provider', EntitlementProvider);

declare global {
  interface HTMLElementTagNameMap {
    'entitlement-provider': EntitlementProvider;
  }
}
