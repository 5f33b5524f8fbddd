// Reply bodies are written as UTF-8 JSON; a page of projections shared between reads is joined from kept bytes.
// Whatever the body, the bytes are exactly those of JSON.stringify's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../src/core/projection-cache.ts';
import { jsonBytes } from '../../src/http/json-text.ts';

const decoder = new TextDecoder();
const expected = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));

/** An item as the engine keeps it (from the projection cache) or as a route builds it (plain). */
const item = fc.record({ shared: fc.boolean(), value: fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()) });
const member = fc.oneof(fc.jsonValue(), fc.constant(undefined));

describe('reply bodies as UTF-8 JSON', () => {
  it('are the bytes of JSON.stringify for pages mixing kept and plain items, any member order, undefined members and any text', () => {
    let id = 0;
    const cache = new ProjectionCache();
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.dictionary(fc.string(), member), fc.dictionary(fc.string(), member), (items, before, after) => {
        const value = items.map((i) => (i.shared ? cache.get('packages', String(id++), () => i.value) : i.value));
        const body = { ...before, value, ...after };
        // Twice: the second time the kept items' bytes are reused.
        expect(decoder.decode(jsonBytes(body))).toBe(JSON.stringify(body));
        expect(jsonBytes(body)).toEqual(expected(body));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('write other bodies as JSON.stringify does (entities, errors, arrays, a toJSON)', () => {
    for (const body of [{ id: 'x', n: 1 }, { error: { code: 'BadRequest', message: 'ä' } }, [1, 'two'], { value: 3 }, { toJSON: () => ({ a: 1 }), value: [] }]) {
      expect(decoder.decode(jsonBytes(body))).toBe(JSON.stringify(body));
    }
  });

  it('keep a projection frozen all the way down, so nobody can change what later readers get', () => {
    const cache = new ProjectionCache();
    const kept = cache.get('requests', 'r1', () => ({ id: 'r1', schedule: { expiration: { type: 'noExpiration' } }, answers: [{ value: 'EMEA' }] }));
    expect(Object.isFrozen(kept.schedule.expiration) && Object.isFrozen(kept.answers[0])).toBe(true);
    expect(cache.get('requests', 'r1', () => ({ id: 'other' }))).toBe(kept);
    cache.touch(['requests', 'r1']);
    expect(cache.get('requests', 'r1', () => ({ id: 'r1', state: 'Delivered' }))).toEqual({ id: 'r1', state: 'Delivered' });
    cache.touch(['requests']);
    expect(cache.get('requests', 'r1', () => ({ id: 'again' }))).toEqual({ id: 'again' });
  });
});
