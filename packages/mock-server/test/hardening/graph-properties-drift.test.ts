// The property table the mock checks body types and $select against is generated from packages/sdk/openapi.yaml;
// when the spec changes and the table does not, the mock would refuse valid input or accept invalid input again.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { GRAPH_PROPERTIES } from '../../src/generated/graph-properties.ts';

const script = fileURLToPath(new URL('../../scripts/graph-properties.mjs', import.meta.url));

it('src/generated/graph-properties.ts matches packages/sdk/openapi.yaml', () => {
  // --check exits non-zero (execFileSync throws) when the committed file differs from a fresh generation.
  expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  // And it is a real table: the request body types the routes check are in it with their key properties.
  expect(GRAPH_PROPERTIES.accessPackageAssignmentRequest.requestType).toMatchObject({ enum: expect.arrayContaining(['userAdd', 'adminRemove']) });
  expect(GRAPH_PROPERTIES.approvalStage.reviewResult).toBe('string');
  expect(GRAPH_PROPERTIES.temporaryAccessPassAuthenticationMethod.lifetimeInMinutes).toBe('integer');
});
