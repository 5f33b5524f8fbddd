// The mock in a page: a service worker answers Graph and /_mock calls, so a demo, a story or a widget test runs
// with no server at all. The page must serve msw's worker script (`npx msw init <public dir>`) at `workerUrl`.
import { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockGraph, type MockGraph, type MockGraphOptions } from './mock-graph.ts';

export interface BrowserMockOptions extends MockGraphOptions {
  /** Where the page serves mockServiceWorker.js; `/mockServiceWorker.js` by default. */
  workerUrl?: string;
  /** Log each intercepted request to the console (msw's own logging); off by default. */
  quiet?: boolean;
}

export interface BrowserMock extends MockGraph {
  worker: SetupWorker;
  stop(): void;
}

/**
 * msw updates an existing worker registration without waiting for the result (`registration.update()`); when the
 * script cannot be fetched at that moment (a dev server restarting, a flaky connection) the rejection surfaced as an
 * uncaught "Failed to update a ServiceWorker" error. The worker already installed keeps answering, so the failure
 * is only noted.
 */
function noteFailedWorkerUpdates(): void {
  addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) {
      event.preventDefault();
      console.warn(`mock Graph: the service worker was not updated; the installed one keeps answering. (${reason.message})`);
    }
  });
}
let notingFailedUpdates = false;

export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  if (!notingFailedUpdates) noteFailedWorkerUpdates();
  notingFailedUpdates = true;
  // $batch sub-requests go through the worker's current handlers, so `worker.use(...)` overrides reach them too.
  const current = () => worker.listHandlers().filter((h): h is HttpHandler => h instanceof HttpHandler);
  const mock = createMockGraph({ ...options, batchHandlers: current });
  const worker: SetupWorker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    quiet: options.quiet ?? true,
    // Anything that is not Graph or /_mock (the page's own scripts) goes to the network untouched.
    onUnhandledRequest: 'bypass',
  });
  return { ...mock, worker, stop: () => worker.stop() };
}

export { createMockGraph };
export type { MockGraph, MockGraphOptions };
