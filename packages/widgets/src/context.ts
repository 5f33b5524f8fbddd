import { createContext } from '@lit/context';
import type { SessionStore } from './controllers/session-store.ts';
import type { EntitlementClient } from './internal/sdk.ts';
import { VERSION } from './version.ts';

// The client and the locale are the SDK's and the platform's types, so any copy of the kit may share them.
export const clientContext = createContext<EntitlementClient | undefined>(Symbol.for('entitlement-kit/client'));
export const localeContext = createContext<string | undefined>(Symbol.for('entitlement-kit/locale'));
// The store is this copy's class: a copy of another version must not receive it, hence the versioned key.
export const sessionContext = createContext<SessionStore | undefined>(Symbol.for(`entitlement-kit/session@${VERSION}`));
