// React wrapper for <request-access-pane>; importing it defines the tag (skipped with a warning if taken).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/request-access-pane.ts';
import { RequestAccessPane as RequestAccessPaneElement } from '../request-access-pane/request-access-pane.ts';
import { requestCanceled, requestSubmitted, widgetError } from './events.ts';

/** `<RequestAccessPane packageId targetUserId locale theme onRequestSubmitted onRequestCanceled onWidgetError>`. */
export const RequestAccessPane = createComponent({
  react: React,
  tagName: 'request-access-pane',
  elementClass: RequestAccessPaneElement,
  displayName: 'RequestAccessPane',
  events: { onRequestSubmitted: requestSubmitted, onRequestCanceled: requestCanceled, onWidgetError: widgetError },
});
