// Stable error codes for rejected query options (all 400); `target` names the option.
import { badRequest, type MockGraphError } from '../core/errors.ts';

export const QueryErrorCode = {
  unsupported: 'UnsupportedQueryOption',
  invalid: 'InvalidQueryOption',
  invalidFilter: 'InvalidFilter',
  invalidSkipToken: 'InvalidSkipToken',
} as const;

export const unsupportedOption = (option: string, message: string): MockGraphError =>
  badRequest(QueryErrorCode.unsupported, message, option);
export const invalidOption = (option: string, message: string): MockGraphError =>
  badRequest(QueryErrorCode.invalid, message, option);
export const invalidFilter = (message: string): MockGraphError =>
  badRequest(QueryErrorCode.invalidFilter, message, '$filter');
