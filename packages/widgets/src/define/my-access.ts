import { defineOnce, ensureContextRoot } from '../define.ts';
import { MyAccess } from '../my-access/my-access.ts';

ensureContextRoot();
defineOnce('my-access', MyAccess);

declare global {
  interface HTMLElementTagNameMap {
    'my-access': MyAccess;
  }
}
