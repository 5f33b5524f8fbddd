export { MAX_BATCH_REQUESTS, executeBatch } from './batch.ts';
export type { BatchSubResponse } from './batch.ts';
export { FaultInjector, parseFaultSettings } from './faults.ts';
export type { FaultOutcome, FaultSettings } from './faults.ts';
export {
  GRAPH_JSON,
  collectionBody,
  graphCollection,
  graphErrorResponse,
  graphJson,
  noContent,
  requestContext,
  unknownPath,
  withRequestIds,
} from './graph-response.ts';
export type { CollectionBody, GraphResponseInit, RequestContext } from './graph-response.ts';
export { jsonObject, readJsonBody } from './json-body.ts';
export { compilePathTemplate, parseMountPoint } from './path-template.ts';
export type { MountPoint, PathMatcher, PathParams } from './path-template.ts';
export { createGraphRoutes } from './route.ts';
export type { ControlContext, GraphRoutes, GraphRoutesOptions, RouteContext } from './route.ts';
