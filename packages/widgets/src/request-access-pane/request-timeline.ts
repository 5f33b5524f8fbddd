// A request's timeline, as My Access's "View" pane shows it: submitted, each approval stage (who decided, when,
// why; escalated; timed out), the custom extension callouts, delivery and the access's end. Part of the History
// tab's code (read on demand with it). The approval's stages come from `accessPackageAssignmentApprovals/{id}`,
// which Graph shows only to the request's approvers and to administrators: for the requestor alone the timeline
// says so and goes on from the request's own state.
import { css, html, nothing, type TemplateResult } from 'lit';
import { errorStatus } from '../internal/errors.ts';
import type { Approval, ApprovalStage, AssignmentRequest, CustomExtensionCalloutInstance } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';

interface Entry {
  status: 'loading' | 'ready' | 'error';
  request?: AssignmentRequest;
  approval?: Approval;
  /** Graph refused the approval to this caller (403/404): not an error, a limit of who may read it. */
  approvalHidden?: boolean;
  error?: Error;
}

const entries = new WeakMap<ViewHost, Map<string, Entry>>();

function entriesOf(h: ViewHost): Map<string, Entry> {
  let map = entries.get(h);
  if (!map) entries.set(h, (map = new Map()));
  return map;
}

const timelineStyles = css`
  ol.timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 2px solid var(--ek-color-border, #8a8a8a);
  }
  ol.timeline li {
    padding-block: calc(var(--ek-spacing, 0.75rem) / 4);
    padding-inline-start: var(--ek-spacing, 0.75rem);
    overflow-wrap: anywhere;
  }
  ol.timeline .when {
    color: var(--ek-color-text-muted, #595959);
  }
`;

/** Reads the request (with its assignment) and its approval again; each time the details open, to be current. */
async function load(h: ViewHost, request: AssignmentRequest): Promise<void> {
  const client = h.resolvedClient;
  const id = request.id;
  if (!client || !id) return;
  const map = entriesOf(h);
  map.set(id, { ...map.get(id), status: 'loading' });
  h.requestUpdate();
  const [read, approval] = await Promise.allSettled([
    client.getRequest(id, { expand: ['accessPackage', 'assignment', 'requestor'] }),
    client.getApproval(id),
  ]);
  const hidden = approval.status === 'rejected' && [403, 404].includes(errorStatus(approval.reason as Error) ?? 0);
  if (read.status === 'rejected' || (approval.status === 'rejected' && !hidden)) {
    const error = (read.status === 'rejected' ? read.reason : (approval as PromiseRejectedResult).reason) as Error;
    map.set(id, { status: 'error', error });
    h.reportError(error, 'getRequestTimeline');
  } else {
    map.set(id, {
      status: 'ready',
      request: read.value,
      approval: approval.status === 'fulfilled' ? approval.value : undefined,
      approvalHidden: hidden,
    });
  }
  h.requestUpdate();
}

/** Starts reading a request's timeline (called when its details open). */
export function openTimeline(h: ViewHost, request: AssignmentRequest): void {
  void load(h, request);
}

export function renderTimeline(h: ViewHost, listed: AssignmentRequest): TemplateResult {
  h.useStyles(timelineStyles);
  const entry = entriesOf(h).get(listed.id ?? '');
  const heading = html`<h4 class="timeline-heading" id="timeline-${listed.id ?? ''}">${h.t.timelineHeading}</h4>`;
  if (!entry || entry.status === 'loading') return html`${heading}${h.renderLoading(h.t.loadingTimeline)}`;
  if (entry.status === 'error' || !entry.request) return html`${heading}${h.renderError(entry.error, () => void load(h, listed))}`;
  const request = entry.request;
  return html`${heading}
    <ol class="timeline" aria-labelledby="timeline-${listed.id ?? ''}">
      ${step(h, h.msg('timelineSubmitted', { person: request.requestor?.displayName ?? h.t.someone }), request.createdDateTime)}
      ${entry.approval
        ? (entry.approval.stages ?? []).map((stage, i) => renderStage(h, request, stage, i + 1))
        : entry.approvalHidden && isApprovalPhase(request)
          ? step(h, h.t.timelineApprovalHidden)
          : nothing}
      ${(request.customExtensionCalloutInstances ?? []).map((callout) => renderCallout(h, callout))}
      ${renderOutcome(h, request)}
    </ol>`;
}

function step(h: ViewHost, text: string, when?: string | null, why?: string | null): TemplateResult {
  return html`<li>
    ${text}${when ? html` <span class="when">${h.formatDate(when, true)}</span>` : nothing}
    ${why ? html`<br /><span class="muted">${h.msg('timelineWhy', { why })}</span>` : nothing}
  </li>`;
}

/** Whether the request went through (or is in) approval: not for removals or requests refused outright. */
function isApprovalPhase(request: AssignmentRequest): boolean {
  return request.requestType !== 'userRemove' && request.requestType !== 'adminRemove' && request.status !== 'Accepted';
}

function renderStage(h: ViewHost, request: AssignmentRequest, stage: ApprovalStage, n: number): TemplateResult {
  const result = (stage.reviewResult ?? '').toLowerCase();
  const person = stage.reviewedBy?.displayName ?? h.t.someone;
  if (result === 'approve' || result === 'approved')
    return step(h, h.msg('timelineStageApproved', { n, person }), stage.reviewedDateTime, stage.justification);
  if (result === 'deny' || result === 'denied') return step(h, h.msg('timelineStageDenied', { n, person }), stage.reviewedDateTime, stage.justification);
  if (stage.status === 'Expired') return step(h, h.msg('timelineStageTimedOut', { n }), request.completedDateTime);
  if (stage.status === 'InProgress') {
    // Graph marks the escalation on the request while the stage waits (v1.0 keeps no record of it afterwards).
    const escalated = request.status === 'PendingApprovalEscalated';
    return html`${step(h, h.msg('timelineStageWaiting', { n }))}${escalated ? step(h, h.msg('timelineStageEscalated', { n })) : nothing}`;
  }
  return step(h, h.msg('timelineStageNotStarted', { n }));
}

const CALLOUT_KEYS = {
  calloutSent: 'timelineCalloutSent',
  callbackReceived: 'timelineCalloutDone',
  calloutFailed: 'timelineCalloutFailed',
  callbackTimedOut: 'timelineCalloutTimedOut',
  waitingForCallback: 'timelineCalloutWaiting',
} as const;

function renderCallout(h: ViewHost, callout: CustomExtensionCalloutInstance): TemplateResult {
  const key = CALLOUT_KEYS[callout.status as keyof typeof CALLOUT_KEYS] ?? 'timelineCalloutSent';
  return step(h, h.t[key], undefined, callout.detail);
}

function renderOutcome(h: ViewHost, request: AssignmentRequest): TemplateResult | typeof nothing {
  const done = request.completedDateTime;
  const removal = request.requestType === 'userRemove' || request.requestType === 'adminRemove';
  const assignment = request.assignment;
  const end = assignment?.schedule?.expiration?.endDateTime;
  switch (request.state) {
    case 'delivered':
      return html`${step(h, removal ? h.t.timelineRemoved : h.t.timelineDelivered, done)}
      ${removal
        ? nothing
        : assignment?.state === 'expired'
          ? step(h, h.t.timelineExpired, assignment.expiredDateTime ?? end)
          : end
            ? step(h, h.msg('timelineEnds', { date: h.formatDate(end) }))
            : step(h, h.t.timelineNoEnd)}`;
    case 'delivering':
      return step(h, h.t.timelineDelivering);
    case 'deliveryFailed':
      return step(h, h.t.timelineDeliveryFailed, done);
    case 'denied':
      return step(h, request.status === 'TimedOut' ? h.t.timelineTimedOut : h.t.timelineDenied, done);
    case 'canceled':
      return step(h, h.t.timelineCanceled, done);
    case 'scheduled':
      return step(h, h.msg('timelineScheduled', { date: h.formatDate(request.schedule?.startDateTime) }));
    default:
      return nothing;
  }
}
