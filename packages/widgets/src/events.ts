import type {
  AccessPackage,
  AccessPackageCatalog,
  AccessPackageResourceRoleScope,
  Approval,
  Assignment,
  AssignmentPolicy,
  AssignmentRequest,
  GraphError,
} from './internal/sdk.ts';

export type ReviewResult = 'Approve' | 'Deny';

export interface DecisionRecordedDetail {
  /** The request as it was listed. */
  request: AssignmentRequest;
  /** The approval as read back after the decision: its stages carry who decided what and when. */
  approval: Approval;
  reviewResult: ReviewResult;
  justification: string;
}

export interface AccessRemovedDetail {
  /** The assignment the removal was asked for. */
  assignment: Assignment;
  /** The userRemove request Graph created for it. */
  request: AssignmentRequest;
}

export interface WidgetErrorDetail {
  /** The failure: a GraphError (status, Graph code, message, request id; status 0 for network and time-outs). */
  error: GraphError | Error;
  /** Which SDK call failed, e.g. `listRequestablePackages`. */
  operation: string;
}

export interface PackageCreatedDetail {
  accessPackage: AccessPackage;
  /** The catalog created for it, when the package went into a new catalog. */
  catalog?: AccessPackageCatalog;
  /** Its initial policy. */
  policy: AssignmentPolicy;
  resourceRoleScopes: AccessPackageResourceRoleScope[];
}

/** Every event the kit's elements fire, with its detail. */
export interface EntitlementEventMap {
  'request-submitted': AssignmentRequest;
  'request-canceled': AssignmentRequest;
  'decision-recorded': DecisionRecordedDetail;
  'access-removed': AccessRemovedDetail;
  'widget-error': WidgetErrorDetail;
  'package-created': PackageCreatedDetail;
  'package-updated': AccessPackage;
  'policy-saved': AssignmentPolicy;
}

export type EntitlementEventName = keyof EntitlementEventMap;

declare global {
  interface GlobalEventHandlersEventMap {
    'request-submitted': CustomEvent<AssignmentRequest>;
    'request-canceled': CustomEvent<AssignmentRequest>;
    'decision-recorded': CustomEvent<DecisionRecordedDetail>;
    'access-removed': CustomEvent<AccessRemovedDetail>;
    'widget-error': CustomEvent<WidgetErrorDetail>;
    'package-created': CustomEvent<PackageCreatedDetail>;
    'package-updated': CustomEvent<AccessPackage>;
    'policy-saved': CustomEvent<AssignmentPolicy>;
  }
}

/** Fires a kit event: bubbling and composed, so a host page hears it from outside every shadow root. */
export function emit<K extends EntitlementEventName>(target: EventTarget, type: K, detail: EntitlementEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
