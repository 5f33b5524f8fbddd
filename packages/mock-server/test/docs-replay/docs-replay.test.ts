// Microsoft's own reference examples (microsoft-graph-docs-contrib, api-reference/v1.0/api/) replayed against the
// mock's HTTP server. Each fixture file holds one page's examples as read at a recorded commit; ids are swapped for
// objects made through Graph calls (world.ts). An example passes when the answer has the documented status class,
// validates as the documented v1.0 type, and has every property the example shows. Outcomes other than pass carry
// their reason: skipped (cannot apply to this mock), docError (the page contradicts itself or the schema; the
// choice made is applied), knownFailing (a mock gap not fixed yet: it must still fail, for its stated reason, so a
// fix has to reclassify it).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenFor, useMockServer } from '../support/graph-http.ts';
import { missingProperties, schemaProblems, valuesAt, withoutBareTypeAnnotations, without } from './doc-shape.ts';
import { CALLERS, World, type Caller } from './world.ts';

interface DocExample {
  /** The request block's name on the page. */
  name: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  response: { status: number; type?: string; isCollection?: boolean; body?: unknown };
  /** Documented id (or placeholder) -> the world role that stands for it. */
  ids?: Record<string, string>;
  /** Roles to make first though no documented id names them (the policy a userAdd without a policy id finds). */
  needs?: string[];
  as: Caller;
  outcome: 'pass' | 'skipped' | 'docError' | 'knownFailing';
  reason?: string;
  /** For docError: the documented properties the error concerns (left out of the checks), and the body sent instead. */
  ignore?: string[];
  send?: unknown;
  /** For docError: the URL sent instead (a beta path on a v1.0 page, a path the page's own HTTP request section gives, or one placeholder written for two ids). */
  sendUrl?: string;
  /** Paths whose documented value is a rule rather than sample data (an undecided stage's `reviewedBy: null`). */
  sameValues?: string[];
  /** For knownFailing: text the failure must contain (the Graph error code, the missing property), so it fails for its reason. */
  failsWith?: string;
}
interface DocPage {
  page: string;
  commit: string;
  examples: DocExample[];
}

const folder = new URL('./fixtures/', import.meta.url);
export const pages: DocPage[] = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, folder), 'utf8')));

const graph = useMockServer();

/** Sends the documented request (ids swapped for the world's) and reads the answer. */
async function send(example: DocExample) {
  const http = graph();
  const world = new World(http);
  for (const role of example.needs ?? []) await world.id(role);
  const ids = await Promise.all(Object.entries(example.ids ?? {}).map(async ([doc, role]) => [doc, await world.id(role)] as const));
  const swap = (text: string) => ids.reduce((out, [doc, real]) => out.split(doc).join(real), text);
  const path = swap((example.sendUrl ?? example.request.url).replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, ''));
  const sent = example.send ?? example.request.body;
  const headers: Record<string, string> = { ...example.request.headers, authorization: `Bearer ${tokenFor(CALLERS[example.as])}` };
  if (sent !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${http.server.graphUrl}${path}`, { method: example.request.method, headers, body: sent === undefined ? undefined : swap(JSON.stringify(sent)) });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const where = `${example.request.method} ${path} -> ${response.status} ${text.slice(0, 600)}`;
  return { response, text, body, where };
}

async function replay(example: DocExample) {
  const { response, text, body, where } = await send(example);
  expect(Math.floor(response.status / 100), where).toBe(Math.floor(example.response.status / 100));
  if (example.response.status === 204) return expect(text, where).toBe('');
  if (example.response.body === undefined || !example.response.type) return;
  const docType = { type: example.response.type, isCollection: example.response.isCollection };
  const documented = withoutBareTypeAnnotations(without(example.response.body, example.ignore ?? []));
  expect(schemaProblems(docType, documented), 'the documented example itself breaks the v1.0 schema: list it as a docError').toEqual([]);
  expect(schemaProblems(docType, body), where).toEqual([]);
  expect(missingProperties(documented, body), where).toEqual([]);
  for (const path of example.sameValues ?? []) expect(valuesAt(body, path), `${where}: ${path}`).toEqual(valuesAt(documented, path).slice(0, 1).flatMap((v) => valuesAt(body, path).map(() => v)));
}

for (const page of pages) {
  describe(page.page.replace(/^.*\//, ''), () => {
    for (const example of page.examples) {
      const title = `${example.name}${example.reason ? ` (${example.outcome}: ${example.reason})` : ''}`;
      // Another Graph area: the mock must refuse it in Graph's error shape rather than fake a success.
      if (example.outcome === 'skipped') {
        it(title, async () => {
          const { response, body, where } = await send(example);
          expect(Math.floor(response.status / 100), where).toBe(4);
          expect(body?.error?.code, where).toEqual(expect.any(String));
        });
      }
      else if (example.outcome === 'knownFailing') {
        it(title, async () => {
          const failure: Error | undefined = await replay(example).then(() => undefined, (error: Error) => error);
          if (process.env.DOCS_REPLAY_DEBUG) console.log('KNOWN', example.name, failure?.message.slice(-700));
          expect(failure, 'this known-failing example now passes: reclassify it').toBeDefined();
          expect(failure!.message).toContain(example.failsWith);
        });
      }
      else it(title, () => replay(example));
    }
  });
}

describe('docs-replay fixtures', () => {
  it('name their page and commit, and give a reason for every outcome but pass', () => {
    for (const page of pages) {
      expect(page.page).toMatch(/^api-reference\/v1\.0\/api\/[\w-]+\.md$/);
      expect(page.commit).toMatch(/^[0-9a-f]{40}$/);
      for (const example of page.examples) {
        expect(['pass', 'skipped', 'docError', 'knownFailing']).toContain(example.outcome);
        if (example.outcome !== 'pass') expect(example.reason, example.name).toBeTruthy();
        if (example.outcome === 'knownFailing') expect(example.failsWith, example.name).toBeTruthy();
        if (example.outcome === 'docError') expect(example.ignore ?? example.send ?? example.sendUrl, `${example.name}: the choice made`).toBeDefined();
      }
    }
  });

  it('the counts in the mock-server README are the fixtures\' counts', () => {
    const counts = { pass: 0, skipped: 0, docError: 0, knownFailing: 0 };
    for (const example of pages.flatMap((p) => p.examples)) counts[example.outcome]++;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(
      `${pages.length} reference pages, ${total} examples: ${counts.pass} pass, ${counts.skipped} skipped, ${counts.docError} doc-error, ${counts.knownFailing} known failing`,
    );
  });
});
