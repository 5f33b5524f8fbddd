// The chunked snapshot writer must write exactly the text JSON.stringify writes, whatever the state holds.
import { describe, expect, it } from 'vitest';
import { writeJsonInChunks } from '../../src/server/json-chunks.ts';
import { contosoSeed } from '../../src/seed/contoso.ts';

function chunked(value: object): { text: string; chunks: number } {
  const parts: string[] = [];
  writeJsonInChunks(value, (chunk) => parts.push(chunk));
  return { text: parts.join(''), chunks: parts.length };
}

describe('writeJsonInChunks', () => {
  it('writes the seeded state as JSON.stringify does', () => {
    const state = contosoSeed.build(contosoSeed.start);
    expect(chunked(state).text).toBe(JSON.stringify(state));
  });

  it('keeps JSON.stringify rules at every level: undefined, functions, null in arrays, toJSON, odd keys', () => {
    const protoKey = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}');
    const value = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, null, 1, 'two', { d: undefined }],
      table: { __proto__: null, first: { e: [1, { f: 'g' }] }, skipped: undefined, '"quoted"\n': 3 },
      date: new Date(Date.UTC(2026, 11, 3)),
      protoKey,
      list: [[1, [2]], { h: undefined }],
      empty: {},
      none: [],
      text: 'ü \u2028 "',
    };
    expect(chunked(value).text).toBe(JSON.stringify(value));
    expect(chunked([1, undefined, { a: 1 }]).text).toBe(JSON.stringify([1, undefined, { a: 1 }]));
  });

  it('writes a large table in chunks, none much over a megabyte', () => {
    const requests: Record<string, object> = {};
    for (let i = 0; i < 20_000; i++) requests[`r${i}`] = { id: `r${i}`, justification: 'x'.repeat(100), stages: [{ id: i }] };
    const parts: string[] = [];
    writeJsonInChunks({ requests }, (chunk) => parts.push(chunk));
    expect(parts.join('')).toBe(JSON.stringify({ requests }));
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
  });
});
