import { defineOnce, ensureContextRoot } from '../define.ts';
import { AccessPackageEditor } from '../access-package-editor/access-package-editor.ts';

ensureContextRoot();
defineOnce('access-package-editor', AccessPackageEditor);

declare global {
  interface HTMLElementTagNameMap {
    'access-package-editor': AccessPackageEditor;
  }
}
