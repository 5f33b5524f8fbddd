// React wrapper for <entitlement-provider>; importing it defines the tag (skipped with a warning if taken).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/entitlement-provider.ts';
import { EntitlementProvider as EntitlementProviderElement } from '../entitlement-provider/entitlement-provider.ts';

/** `<EntitlementProvider baseUrl getAccessToken locale>` around the widgets: one client, one session, one locale. */
export const EntitlementProvider = createComponent({
  react: React,
  tagName: 'entitlement-provider',
  elementClass: EntitlementProviderElement,
  displayName: 'EntitlementProvider',
});
