// A blank tenant: an Identity Governance Administrator and the automation app identity, nothing else.
import type { Seed } from '../core/snapshot.ts';
import { emptyState } from '../core/state.ts';
import { addAutomationApp, addPerson } from './directory.ts';
import { APPS, USERS } from './ids.ts';

export const emptySeed: Seed = {
  name: 'empty',
  start: '2026-11-02T09:00:00Z',
  build(start) {
    const state = emptyState(start);
    addPerson(state, {
      id: USERS.admin,
      displayName: 'Contoso Admin',
      userPrincipalName: 'admin@contoso.com',
      jobTitle: 'Identity Governance Administrator',
      department: 'IT',
      roles: ['Identity Governance Administrator', 'Authentication Administrator'],
    });
    addAutomationApp(state, APPS.accessAutomation, APPS.accessAutomationAppId);
    return state;
  },
};
