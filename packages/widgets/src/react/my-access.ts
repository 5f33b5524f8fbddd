// React wrapper for <my-access>; importing it defines the tag (skipped with a warning if taken). Not in the `react`
// index: <my-access> is an entry of its own, so a page without it never loads it (see the widgets README).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/my-access.ts';
import { MyAccess as MyAccessElement } from '../my-access/my-access.ts';
import { accessRemoved, requestSubmitted, widgetError } from './events.ts';

/** `<MyAccess locale theme onAccessRemoved onRequestSubmitted onWidgetError>`. */
export const MyAccess = createComponent({
  react: React,
  tagName: 'my-access',
  elementClass: MyAccessElement,
  displayName: 'MyAccess',
  events: { onAccessRemoved: accessRemoved, onRequestSubmitted: requestSubmitted, onWidgetError: widgetError },
});
