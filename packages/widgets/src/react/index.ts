// @entitlement-kit/widgets/react: the four elements as React components (@lit/react), with typed event props.
// Each also has its own entry (`@entitlement-kit/widgets/react/approval-inbox`) that defines only its tag.
export { EntitlementProvider } from './entitlement-provider.ts';
export { RequestAccessPane } from './request-access-pane.ts';
export { ApprovalInbox } from './approval-inbox.ts';
export { ManageTeam } from './manage-team.ts';
