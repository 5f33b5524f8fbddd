// Environment-neutral entry: the engine and the msw handlers. Browser worker: './browser'; HTTP server: './node'.
export * from './core/index.ts';
export { createMockGraph } from './msw/mock-graph.ts';
export type { MockGraph, MockGraphOptions } from './msw/mock-graph.ts';
export { mintToken, readBearerClaims, MOCK_TENANT_ID } from './identity/token.ts';
export { FaultInjector } from './http/faults.ts';
export type { FaultSettings } from './http/faults.ts';
