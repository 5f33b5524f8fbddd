export { applyODataQuery, shapeEntity } from './apply-query.ts';
export type { ApplyOptions, ShapeOptions } from './apply-query.ts';
export { parseEntityQuery, parseODataQuery } from './parse-query.ts';
export { QueryErrorCode } from './query-errors.ts';
export type * from './query-types.ts';
export { readPath } from './values.ts';
export type { PathResolver } from './values.ts';
