// React wrapper for <approval-inbox>; importing it defines the tag (skipped with a warning if taken).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/approval-inbox.ts';
import { ApprovalInbox as ApprovalInboxElement } from '../approval-inbox/approval-inbox.ts';
import { decisionRecorded, widgetError } from './events.ts';

/** `<ApprovalInbox locale theme onDecisionRecorded onWidgetError>`. */
export const ApprovalInbox = createComponent({
  react: React,
  tagName: 'approval-inbox',
  elementClass: ApprovalInboxElement,
  displayName: 'ApprovalInbox',
  events: { onDecisionRecorded: decisionRecorded, onWidgetError: widgetError },
});
