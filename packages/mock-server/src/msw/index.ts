export { createMockGraph } from './mock-graph.ts';
export type { MockGraph, MockGraphOptions } from './mock-graph.ts';
