// Step 6, Custom extensions: an extension of the catalog per stage (seed 004 runs one when a request is approved).
// Request stages take request-workflow extensions; the two before-expiry stages take assignment-workflow ones.
import { html, type TemplateResult } from 'lit';
import type { CustomCalloutExtension, CustomExtensionStage } from '../internal/sdk.ts';
import type { EditorKey } from '../i18n/editor.ts';
import { select } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';

export const EXTENSION_STAGES: [CustomExtensionStage, EditorKey][] = [
  ['assignmentRequestCreated', 'stageRequestCreated'],
  ['assignmentRequestApproved', 'stageRequestApproved'],
  ['assignmentRequestGranted', 'stageRequestGranted'],
  ['assignmentRequestRemoved', 'stageRequestRemoved'],
  ['assignmentFourteenDaysBeforeExpiration', 'stageFourteenDays'],
  ['assignmentOneDayBeforeExpiration', 'stageOneDay'],
];

const isRequestWorkflow = (ext: CustomCalloutExtension) => (ext['@odata.type'] ?? '').endsWith('RequestWorkflowExtension');
const isExpiryStage = (stage: CustomExtensionStage) => stage.endsWith('BeforeExpiration');

export function renderExtensions(host: EditorHost): TemplateResult {
  const { e, draft } = host;
  if (draft.catalogMode === 'new') return html`<p class="state info">${e.noExtensionsNewCatalog}</p>`;
  if (host.catalogError) return host.renderError(host.catalogError, () => host.reloadCatalog());
  const extensions = host.catalogExtensions;
  if (!extensions) return host.renderLoading(e.loadingCatalog);
  if (extensions.length === 0) return host.renderEmpty(e.noExtensions);
  return html`
    <p class="hint">${e.extensionsIntro}</p>
    ${EXTENSION_STAGES.map(([stage, label]) =>
      select(host, {
        id: `ext-${stage}`,
        label: e[label],
        value: draft.policy.extensions[stage] ?? '',
        placeholder: e.extensionNone,
        options: extensions.filter((x) => isRequestWorkflow(x) !== isExpiryStage(stage)).map((x) => [x.id ?? '', x.displayName ?? '']),
        onChange: (v) => host.edit((d) => (d.policy.extensions[stage] = v || undefined)),
      }),
    )}
  `;
}
