// The kit's events as @lit/react event props: `onRequestSubmitted={(e) => e.detail.id}` is typed from the detail.
import type { EventName } from '@lit/react';
import type { AccessRemovedDetail, DecisionRecordedDetail, PackageCreatedDetail, WidgetErrorDetail } from '../events.ts';
import type { AccessPackage, AssignmentPolicy, AssignmentRequest } from '../internal/sdk.ts';

export const requestSubmitted = 'request-submitted' as EventName<CustomEvent<AssignmentRequest>>;
export const requestCanceled = 'request-canceled' as EventName<CustomEvent<AssignmentRequest>>;
export const decisionRecorded = 'decision-recorded' as EventName<CustomEvent<DecisionRecordedDetail>>;
export const accessRemoved = 'access-removed' as EventName<CustomEvent<AccessRemovedDetail>>;
export const widgetError = 'widget-error' as EventName<CustomEvent<WidgetErrorDetail>>;
export const packageCreated = 'package-created' as EventName<CustomEvent<PackageCreatedDetail>>;
export const packageUpdated = 'package-updated' as EventName<CustomEvent<AccessPackage>>;
export const policySaved = 'policy-saved' as EventName<CustomEvent<AssignmentPolicy>>;
