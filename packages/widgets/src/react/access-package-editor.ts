// React wrapper for <access-package-editor>; importing it defines the tag (skipped with a warning if taken). Not in
// the `react` index: the administrators' editor is an entry of its own, so the end-user components never load it.
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define/access-package-editor.ts';
import { AccessPackageEditor as AccessPackageEditorElement } from '../access-package-editor/access-package-editor.ts';
import { packageCreated, packageUpdated, policySaved, widgetError } from './events.ts';

/** `<AccessPackageEditor locale theme linkTemplate onPackageCreated onPackageUpdated onPolicySaved onWidgetError>`. */
export const AccessPackageEditor = createComponent({
  react: React,
  tagName: 'access-package-editor',
  elementClass: AccessPackageEditorElement,
  displayName: 'AccessPackageEditor',
  events: { onPackageCreated: packageCreated, onPackageUpdated: packageUpdated, onPolicySaved: policySaved, onWidgetError: widgetError },
});
