// React wrapper for <manage-team>; importing it defines the tag (skipped with a warning if taken).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/manage-team.ts';
import { ManageTeam as ManageTeamElement } from '../manage-team/manage-team.ts';
import { accessRemoved, requestSubmitted, widgetError } from './events.ts';

/** `<ManageTeam locale theme onAccessRemoved onRequestSubmitted onWidgetError>`. */
export const ManageTeam = createComponent({
  react: React,
  tagName: 'manage-team',
  elementClass: ManageTeamElement,
  displayName: 'ManageTeam',
  events: { onAccessRemoved: accessRemoved, onRequestSubmitted: requestSubmitted, onWidgetError: widgetError },
});
