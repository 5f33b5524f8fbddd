// Injected infrastructure trouble for exercising clients: latency, random 503/504 at `failRate`, and a 429 with
// Retry-After on every `throttleEvery`-th request. Deterministic: the same settings and seed give the same sequence.
import { MockGraphError, badRequest } from '../core/errors.ts';
import { own } from '../core/own-keys.ts';
import { graphErrorResponse, requestContext, type RequestContext } from './graph-response.ts';
import { mulberry32 } from './seeded-random.ts';

export interface FaultSettings {
  latencyMs?: number;
  failRate?: number;
  throttleEvery?: number;
  retryAfterSeconds?: number;
}

export interface FaultOutcome {
  delayMs: number;
  response?: Response;
}

const DEFAULT_SEED = 0x5eed;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

const LIMITS: Record<keyof FaultSettings, { min: number; max: number; integer: boolean }> = {
  latencyMs: { min: 0, max: 60_000, integer: true },
  failRate: { min: 0, max: 1, integer: false },
  throttleEvery: { min: 1, max: 1_000_000, integer: true },
  retryAfterSeconds: { min: 0, max: 3_600, integer: true },
};

/** Checks a fault settings body (from `PUT /_mock/faults`); 400 `InvalidFaultSettings` naming the bad field. */
export function parseFaultSettings(input: unknown): FaultSettings {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('InvalidFaultSettings', 'Fault settings must be a JSON object.');
  }
  const settings: FaultSettings = {};
  for (const [key, value] of Object.entries(input)) {
    const limit = own(LIMITS, key);
    if (!limit) {
      throw badRequest('InvalidFaultSettings', `Unknown fault setting '${key}'. Known: ${Object.keys(LIMITS).join(', ')}.`, key);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < limit.min || value > limit.max || (limit.integer && !Number.isInteger(value))) {
      const kind = limit.integer ? 'an integer' : 'a number';
      throw badRequest('InvalidFaultSettings', `'${key}' must be ${kind} from ${limit.min} to ${limit.max}.`, key);
    }
    settings[key as keyof FaultSettings] = value;
  }
  return settings;
}

export class FaultInjector {
  #settings: FaultSettings = {};
  #count = 0;
  #random: () => number;

  constructor(
    settings: unknown = {},
    private readonly seed = DEFAULT_SEED,
  ) {
    this.#random = mulberry32(seed);
    this.configure(settings);
  }

  get settings(): FaultSettings {
    return { ...this.#settings };
  }

  /** Replaces the settings (validated first) and restarts the request count and the random sequence. */
  configure(settings: unknown): FaultSettings {
    this.#settings = parseFaultSettings(settings);
    this.#count = 0;
    this.#random = mulberry32(this.seed);
    return this.settings;
  }

  clear(): void {
    this.configure({});
  }

  /** Counts one request and says how long to wait and whether to answer with a fault instead. */
  next(context: RequestContext = requestContext()): FaultOutcome {
    const { latencyMs = 0, failRate = 0, throttleEvery, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS } = this.#settings;
    this.#count++;
    const outcome: FaultOutcome = { delayMs: latencyMs };
    if (throttleEvery && this.#count % throttleEvery === 0) {
      const throttled = new MockGraphError(429, 'TooManyRequests', `Too many requests; retry after ${retryAfterSeconds} seconds.`);
      outcome.response = graphErrorResponse(throttled, context);
      outcome.response.headers.set('Retry-After', String(retryAfterSeconds));
    } else if (failRate > 0 && this.#random() < failRate) {
      const unavailable = this.#random() < 0.5;
      const failure = unavailable
        ? new MockGraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).')
        : new MockGraphError(504, 'GatewayTimeout', 'The gateway timed out (injected fault).');
      outcome.response = graphErrorResponse(failure, context);
      if (unavailable) outcome.response.headers.set('Retry-After', String(retryAfterSeconds));
    }
    return outcome;
  }
}
