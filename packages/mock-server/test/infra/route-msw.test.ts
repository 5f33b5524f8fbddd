// The route factory served by msw's setupServer, as tests and Node apps use the mock without a socket.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe } from 'vitest';
import { dummyGraph } from '../support/dummy-graph.ts';
import { routeScenarios } from '../support/route-scenarios.ts';

const ORIGIN = 'http://graph.mock.test';
const graph = dummyGraph('*/v1.0');
const server = setupServer(...graph.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createGraphRoutes through msw setupServer', () => {
  routeScenarios(() => ORIGIN, () => graph);
});
