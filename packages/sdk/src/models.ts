// Short names for the generated Graph schemas the kit uses. Aliases only: every shape comes from openapi.yaml.
import type { components } from './generated/graph.ts';

type S = components['schemas'];

export type AccessPackage = S['microsoft.graph.accessPackage'];
export type AccessPackageCatalog = S['microsoft.graph.accessPackageCatalog'];
export type AccessPackageResource = S['microsoft.graph.accessPackageResource'];
export type AccessPackageResourceRequest = S['microsoft.graph.accessPackageResourceRequest'];
export type AccessPackageResourceRole = S['microsoft.graph.accessPackageResourceRole'];
export type AccessPackageResourceScope = S['microsoft.graph.accessPackageResourceScope'];
export type AccessPackageResourceRoleScope = S['microsoft.graph.accessPackageResourceRoleScope'];
export type AssignmentPolicy = S['microsoft.graph.accessPackageAssignmentPolicy'];
export type RequestorSettings = S['microsoft.graph.accessPackageAssignmentRequestorSettings'];
export type ApprovalSettings = S['microsoft.graph.accessPackageAssignmentApprovalSettings'];
export type ApprovalStageSettings = S['microsoft.graph.accessPackageApprovalStage'];
export type Requirements = S['microsoft.graph.accessPackageAssignmentRequestRequirements'];
export type Question = S['microsoft.graph.accessPackageQuestion'];
export type TextInputQuestion = S['microsoft.graph.accessPackageTextInputQuestion'];
export type MultipleChoiceQuestion = S['microsoft.graph.accessPackageMultipleChoiceQuestion'];
export type AnswerChoice = S['microsoft.graph.accessPackageAnswerChoice'];
export type Answer = S['microsoft.graph.accessPackageAnswer'];
export type AnswerString = S['microsoft.graph.accessPackageAnswerString'];
export type LocalizedText = S['microsoft.graph.accessPackageLocalizedText'];
export type AssignmentRequest = S['microsoft.graph.accessPackageAssignmentRequest'];
export type RequestParameters = S['microsoft.graph.accessPackageAssignmentRequestParameters'];
export type Assignment = S['microsoft.graph.accessPackageAssignment'];
export type Subject = S['microsoft.graph.accessPackageSubject'];
export type Schedule = S['microsoft.graph.entitlementManagementSchedule'];
export type ExpirationPattern = S['microsoft.graph.expirationPattern'];
export type Approval = S['microsoft.graph.approval'];
export type ApprovalStage = S['microsoft.graph.approvalStage'];
export type SubjectSet = S['microsoft.graph.subjectSet'];
export type CustomCalloutExtension = S['microsoft.graph.customCalloutExtension'];
export type AssignmentRequestWorkflowExtension = S['microsoft.graph.accessPackageAssignmentRequestWorkflowExtension'];
export type CustomExtensionCalloutInstance = S['microsoft.graph.customExtensionCalloutInstance'];
export type CustomExtensionStageSetting = S['microsoft.graph.customExtensionStageSetting'];
export type TemporaryAccessPass = S['microsoft.graph.temporaryAccessPassAuthenticationMethod'];
export type User = S['microsoft.graph.user'];
export type Group = S['microsoft.graph.group'];
export type ConnectedOrganization = S['microsoft.graph.connectedOrganization'];
export type DirectoryObject = S['microsoft.graph.directoryObject'];
export type ODataError = S['microsoft.graph.ODataErrors.ODataError'];

export type RequestState = S['microsoft.graph.accessPackageRequestState'];
export type AssignmentState = S['microsoft.graph.accessPackageAssignmentState'];
export type RequestType = S['microsoft.graph.accessPackageRequestType'];
export type CustomExtensionStage = S['microsoft.graph.accessPackageCustomExtensionStage'];

/** The `on` values of the bound filterByCurrentUser functions (Graph enums; members after unknownFutureValue included). */
export type RequestFilterOn = S['microsoft.graph.accessPackageAssignmentRequestFilterByCurrentUserOptions'];
export type AssignmentFilterOn = S['microsoft.graph.accessPackageAssignmentFilterByCurrentUserOptions'];
export type AssignmentWorkflowExtension = S['microsoft.graph.accessPackageAssignmentWorkflowExtension'];

export type AccessPackageSuggestion = S['microsoft.graph.accessPackageSuggestion'];
export type AvailableAccessPackage = S['microsoft.graph.availableAccessPackage'];
export type SuggestionReason = S['microsoft.graph.accessPackageSuggestionReason'];
export type SuggestionRelatedPeopleBased = S['microsoft.graph.accessPackageSuggestionRelatedPeopleBased'];
export type SuggestionSelfAssignmentHistoryBased = S['microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased'];
/** A flag of accessPackageSuggestions/filterByCurrentUser(on=...); several are sent comma-separated. */
export type SuggestionFilterOn = S['microsoft.graph.accessPackageSuggestionFilterByCurrentUserOptions'];
export type Identity = S['microsoft.graph.identity'];
export type EntitlementManagementSettings = S['microsoft.graph.entitlementManagementSettings'];
export type ExternalUserLifecycleAction = S['microsoft.graph.accessPackageExternalUserLifecycleAction'];
export type SubjectLifecycle = S['microsoft.graph.accessPackageSubjectLifecycle'];
