import { describe, expect, it } from 'vitest';
import { MockGraphError } from '../../src/core/errors.ts';
import { FaultInjector, parseFaultSettings } from '../../src/http/faults.ts';
import { mulberry32 } from '../../src/http/seeded-random.ts';

const statuses = (faults: FaultInjector, n: number) => Array.from({ length: n }, () => faults.next().response?.status ?? 200);

describe('FaultInjector', () => {
  it('does nothing by default', () => {
    const faults = new FaultInjector();
    expect(statuses(faults, 50).every((s) => s === 200)).toBe(true);
    expect(faults.next().delayMs).toBe(0);
  });

  it('answers every Nth request 429 with Retry-After, in Graph error shape', async () => {
    const faults = new FaultInjector({ throttleEvery: 3, retryAfterSeconds: 7 });
    expect(statuses(faults, 7)).toEqual([200, 200, 429, 200, 200, 429, 200]);
    faults.configure({ throttleEvery: 1 });
    const { response } = faults.next();
    expect(response?.headers.get('retry-after')).toBe('1');
    expect(response?.headers.get('request-id')).toBeTruthy();
    expect((await response!.json()).error.code).toBe('TooManyRequests');
  });

  it('fails at roughly failRate with 503 and 504, the same sequence for the same seed', () => {
    const a = statuses(new FaultInjector({ failRate: 0.3 }), 1000);
    const b = statuses(new FaultInjector({ failRate: 0.3 }), 1000);
    expect(a).toEqual(b);
    const failures = a.filter((s) => s !== 200);
    expect(failures.length).toBeGreaterThan(240);
    expect(failures.length).toBeLessThan(360);
    expect(new Set(failures)).toEqual(new Set([503, 504]));
    expect(statuses(new FaultInjector({ failRate: 0.3 }, 42), 1000)).not.toEqual(a);
    expect(statuses(new FaultInjector({ failRate: 1 }), 20).every((s) => s !== 200)).toBe(true);
  });

  it('reconfiguring restarts the count and the sequence; clear stops faults', () => {
    const faults = new FaultInjector({ failRate: 0.5 });
    const first = statuses(faults, 30);
    faults.configure({ failRate: 0.5 });
    expect(statuses(faults, 30)).toEqual(first);
    faults.clear();
    expect(faults.settings).toEqual({});
    expect(statuses(faults, 30).every((s) => s === 200)).toBe(true);
  });

  it('adds latency to every request', () => {
    const faults = new FaultInjector({ latencyMs: 250, throttleEvery: 2 });
    expect([faults.next().delayMs, faults.next().delayMs]).toEqual([250, 250]);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const [x, y] = [mulberry32(7), mulberry32(7)];
    const values = Array.from({ length: 100 }, () => x());
    expect(values).toEqual(Array.from({ length: 100 }, () => y()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('parseFaultSettings', () => {
  it('accepts valid settings and treats null as unset', () => {
    expect(parseFaultSettings({ latencyMs: 10, failRate: 0.25, throttleEvery: 5, retryAfterSeconds: 0 })).toEqual({
      latencyMs: 10,
      failRate: 0.25,
      throttleEvery: 5,
      retryAfterSeconds: 0,
    });
    expect(parseFaultSettings({ latencyMs: null, failRate: 0.5 })).toEqual({ failRate: 0.5 });
  });

  it.each([
    [null, /JSON object/],
    [[1], /JSON object/],
    [{ failRate: 1.5 }, /'failRate' must be a number from 0 to 1/],
    [{ failRate: '0.5' }, /'failRate'/],
    [{ latencyMs: -1 }, /'latencyMs' must be an integer/],
    [{ latencyMs: 1.5 }, /'latencyMs' must be an integer/],
    [{ throttleEvery: 0 }, /'throttleEvery' must be an integer from 1/],
    [{ retryAfterSeconds: 99999 }, /'retryAfterSeconds'/],
    [{ chaos: true }, /Unknown fault setting 'chaos'/],
  ])('400 InvalidFaultSettings for %j', (input, message) => {
    let error: unknown;
    try {
      parseFaultSettings(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MockGraphError);
    expect(error).toMatchObject({ status: 400, code: 'InvalidFaultSettings', message: expect.stringMatching(message) });
  });
});
