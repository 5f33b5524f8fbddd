import { defineOnce, ensureContextRoot } from '../define.ts';
import { RequestAccessPane } from '../request-access-pane/request-access-pane.ts';

ensureContextRoot();
defineOnce('request-access-pane', RequestAccessPane);

declare global {
  interface HTMLElementTagNameMap {
    'request-access-pane': RequestAccessPane;
  }
}
