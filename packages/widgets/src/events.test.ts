import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@entitlement-kit/sdk';
import { emit, type WidgetErrorDetail } from './events.ts';
import type { AssignmentRequest } from './internal/sdk.ts';
import './index.ts';

// A real client pointed at a port nothing listens on: every call fails as Graph calls fail offline.
const unreachable = () => createClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getAccessToken: () => 't', retries: 0 });

describe('events', () => {
  it('emit() fires a bubbling, composed CustomEvent that leaves shadow roots with its detail', async () => {
    const host = await fixture(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    const heard: CustomEvent<AssignmentRequest>[] = [];
    const listener = (event: CustomEvent<AssignmentRequest>) => heard.push(event);
    // Typed through GlobalEventHandlersEventMap: the listener's detail is an AssignmentRequest.
    document.addEventListener('request-submitted', listener);
    try {
      emit(inner, 'request-submitted', { id: 'r1', state: 'pendingApproval' });
    } finally {
      document.removeEventListener('request-submitted', listener);
    }
    expect(heard).to.have.length(1);
    expect(heard[0].bubbles).to.equal(true);
    expect(heard[0].composed).to.equal(true);
    expect(heard[0].detail.id).to.equal('r1');
  });

  for (const [tag, operation] of [
    ['request-access-pane', 'listRequestablePackages'],
    ['approval-inbox', 'listPendingApprovals'],
    ['manage-team', 'listDirectReports'],
  ] as const) {
    it(`<${tag}> reports a failed call as widget-error with the GraphError, outside its shadow root`, async () => {
      const heard: CustomEvent<WidgetErrorDetail>[] = [];
      const listener = (event: CustomEvent<WidgetErrorDetail>) => heard.push(event);
      document.addEventListener('widget-error', listener);
      try {
        const el = document.createElement(tag);
        el.client = unreachable();
        await fixture(el);
        await waitUntil(() => heard.some((e) => e.detail.operation === operation), `no widget-error for ${operation}`);
      } finally {
        document.removeEventListener('widget-error', listener);
      }
      const event = heard.find((e) => e.detail.operation === operation)!;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.error.name).to.equal('GraphError');
      expect((event.detail.error as { status?: number }).status).to.equal(0);
    });
  }
});
