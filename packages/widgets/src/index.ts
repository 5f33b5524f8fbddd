// Importing the package defines all four tags (each skipped with a warning if another copy owns it). Hosts that
// want their own names import the classes from the per-widget modules and call customElements.define themselves.
import './define/entitlement-provider.ts';
import './define/request-access-pane.ts';
import './define/approval-inbox.ts';
import './define/manage-team.ts';

export { EntitlementProvider } from './entitlement-provider/entitlement-provider.ts';
export { RequestAccessPane } from './request-access-pane/request-access-pane.ts';
export { ApprovalInbox } from './approval-inbox/approval-inbox.ts';
export { ManageTeam } from './manage-team/manage-team.ts';
export { defineOnce } from './define.ts';
export { clientContext, localeContext } from './context.ts';
export { emit } from './events.ts';
export type {
  AccessRemovedDetail,
  DecisionRecordedDetail,
  EntitlementEventMap,
  EntitlementEventName,
  PackageCreatedDetail,
  ReviewResult,
  WidgetErrorDetail,
} from './events.ts';
export type { Catalogue, Language, MessageKey } from './i18n/index.ts';
export { VERSION } from './version.ts';
