import { z } from 'zod';

/** A token bucket's settings: `burst` requests at once, then `perSecond` on average. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/**
 * A limit as an operator writes it in the environment: `BURST,COUNT/PERIOD` — `60,10/s` (60 at
 * once, then 10 a second), `5,1/10s` (then one every 10 s), `20,20/h` — or `off` (no limit).
 */
export const RateLimitSpec = z
  .string()
  .trim()
  .regex(/^(off|\d+,\d+\/\d*[smh])$/, 'BURST,COUNT/PERIOD (e.g. 60,10/s or 5,1/10s) or off')
  .transform((spec): RateLimit | null => {
    if (spec === 'off') return null;
    const [, burst = '', count = '', every = '', unit = 's'] = /^(\d+),(\d+)\/(\d*)([smh])$/.exec(spec) ?? [];
    const seconds = Number(every || 1) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
    return { burst: Number(burst), perSecond: Number(count) / seconds };
  })
  .refine(
    (limit) =>
      limit === null || (limit.burst >= 1 && limit.perSecond > 0 && Number.isFinite(limit.perSecond)),
    'a burst and a rate above 0',
  );
