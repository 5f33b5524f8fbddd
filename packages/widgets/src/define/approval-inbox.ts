import { defineOnce, ensureContextRoot } from '../define.ts';
import { ApprovalInbox } from '../approval-inbox/approval-inbox.ts';

ensureContextRoot();
defineOnce('approval-inbox', ApprovalInbox);

declare global {
  interface HTMLElementTagNameMap {
    'approval-inbox': ApprovalInbox;
  }
}
