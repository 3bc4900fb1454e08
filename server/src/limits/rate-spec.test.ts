import { describe, expect, it } from 'vitest';
import { RateLimitSpec } from './rate-spec';

describe('RateLimitSpec', () => {
  it('reads a burst and a count per period', () => {
    expect(RateLimitSpec.parse('60,10/s')).toEqual({ burst: 60, perSecond: 10 });
    expect(RateLimitSpec.parse('5,1/10s')).toEqual({ burst: 5, perSecond: 0.1 });
    expect(RateLimitSpec.parse(' 20,1/m ')).toEqual({ burst: 20, perSecond: 1 / 60 });
    expect(RateLimitSpec.parse('20,20/h')).toEqual({ burst: 20, perSecond: 20 / 3600 });
  });

  it('reads off as no limit, and refuses anything else', () => {
    expect(RateLimitSpec.parse('off')).toBeNull();
    for (const bad of ['', '10', '10/s', '0,1/s', '5,0/s', '5,1/0s', '5,1/d', '-1,1/s', 'a,b/s'])
      expect(RateLimitSpec.safeParse(bad).success, bad).toBe(false);
  });
});
