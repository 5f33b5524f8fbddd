// Helpers for the core tests: a deterministic engine, request bodies, and assertions on failures.
import { expect } from 'vitest';
import { Engine, type EngineOptions } from '../../../src/core/engine.ts';
import { MockGraphError } from '../../../src/core/errors.ts';
import { countingIds } from '../../../src/core/ids.ts';
import { QUESTIONS } from '../../../src/seed/ids.ts';

import { USERS } from '../../../src/seed/ids.ts';
export { APPS, CATALOGS, EXTENSIONS, GROUPS, PACKAGES, POLICIES, QUESTIONS, USERS } from '../../../src/seed/ids.ts';

export const newEngine = (options: EngineOptions = {}) => new Engine({ newId: countingIds('7e570000'), ...options });

export const answer = (questionId: string, value: string) => ({
  '@odata.type': '#microsoft.graph.accessPackageAnswerString',
  value,
  answeredQuestion: { id: questionId },
});

export const addBody = (accessPackageId: string, assignmentPolicyId: string, extra: Record<string, unknown> = {}) => {
  const { targetId, ...rest } = extra;
  return {
    requestType: 'userAdd',
    assignment: { accessPackageId, assignmentPolicyId, ...(targetId ? { targetId } : {}) },
    ...rest,
  };
};

/** A complete, valid body for Marketing Campaigns under its manager-approval policy. */
export const campaignExtras = (code = 'MKT-1234') => ({
  justification: 'Winter campaign',
  answers: [answer(QUESTIONS.campaignCode, code)],
});

/** Asserts the call fails with this status and code, and that it changed nothing. */
export function expectRefused(engine: Engine, call: () => unknown, status: number, code: string): MockGraphError {
  const before = JSON.stringify(engine.toJSON());
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${status} ${code}`).toBeInstanceOf(MockGraphError);
  const graphError = error as MockGraphError;
  expect({ status: graphError.status, code: graphError.code }).toEqual({ status, code });
  expect(JSON.stringify(engine.toJSON())).toBe(before);
  return graphError;
}

/** The id of the stage a request currently waits on. */
export function openStageId(engine: Engine, approverId: string, requestId: string): string {
  const stage = engine.getApproval(approverId, requestId).stages?.find((s) => s.status === 'InProgress');
  expect(stage, 'an in-progress stage').toBeDefined();
  return stage?.id as string;
}

/**
 * Creates a request: Graph answers it submitted / Accepted and processes it afterwards, so this checks the answer
 * and reads the request back (any later call sees it processed).
 */
export function submit(engine: Engine, callerId: string, body: Parameters<Engine['createRequest']>[1], options: Parameters<Engine['createRequest']>[2] = {}) {
  const created = engine.createRequest(callerId, body, options);
  expect({ state: created.state, status: created.status }).toEqual({ state: 'submitted', status: 'Accepted' });
  return engine.getRequest(USERS.admin, created.id as string, options);
}
