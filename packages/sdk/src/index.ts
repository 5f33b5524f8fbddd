// @entitlement-kit/sdk: a typed client for Microsoft Graph v1.0 entitlement management.
export { createClient } from './client.ts';
export { GraphError } from './errors.ts';
export { MAX_BATCH_SIZE } from './batch.ts';
export type { GraphErrorInit, TransportErrorCode } from './errors.ts';
export type { BatchRequestBody, BatchRequestItem, BatchResponseBody, BatchResponseItem } from './batch.ts';
export type * from './api.ts';
export type * from './models.ts';
export type { paths, components, operations } from './generated/graph.ts';
