// msw calls registration.update() on an existing worker without awaiting it; a failed update must not surface as an
// uncaught error in the page (issue 13, item 11).
import { expect } from '@open-wc/testing';
import { startBrowserMock } from '../../src/msw/browser.ts';

describe('the browser mock and a failed worker update', () => {
  it('a "Failed to update a ServiceWorker" rejection is handled, not uncaught', async () => {
    const mock = await startBrowserMock({ quiet: true });
    const seen: { message: string; handled: boolean }[] = [];
    // Registered after the mock's own listener, so it sees what that listener decided.
    const watch = (event: PromiseRejectionEvent) => {
      seen.push({ message: String((event.reason as Error).message), handled: event.defaultPrevented });
      event.preventDefault();
    };
    addEventListener('unhandledrejection', watch);
    try {
      // The rejection msw's unawaited registration.update() produces when the script cannot be fetched.
      void Promise.reject(new TypeError("Failed to update a ServiceWorker for scope ('http://localhost/') with script ('http://localhost/mockServiceWorker.js'): An unknown error occurred when fetching the script."));
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      removeEventListener('unhandledrejection', watch);
      mock.stop();
    }
    expect(seen.map((s) => [s.message.slice(0, 34), s.handled])).to.deep.equal([['Failed to update a ServiceWorker f', true]]);
  });
});
