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
} from './graph-response.ts';
export type { CollectionBody, GraphResponseInit, RequestContext } from './graph-response.ts';
export { jsonObject, readJsonBody } from './json-body.ts';
export { compilePathTemplate, parseMountPoint } from './path-template.ts';
export type { MountPoint, PathMatcher, PathParams } from './path-template.ts';
export { createGraphRoutes } from './route.ts';
export type { ControlContext, GraphRoutes, GraphRoutesOptions, RouteContext } from './route.ts';
export { collection, created, empty, json } from './reply.ts';
export type { Reply } from './reply.ts';
export { compileRouteTable, controlRoute, graphRoute } from './route-table.ts';
export type { RouteDef, RouteTable } from './route-table.ts';
export { tableDispatch } from './table-dispatch.ts';
export type { Dispatch, ServerIncoming } from './table-dispatch.ts';
