import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('grows exponentially up to the cap', () => {
    const max = () => 0.999999;
    expect(reconnectDelay(1, 2500, max)).toBe(199);
    expect(reconnectDelay(3, 2500, max)).toBe(799);
    expect(reconnectDelay(10, 2500, max)).toBe(2499);
  });

  it('spreads attempts over the whole window, so a room does not reconnect in lockstep', () => {
    const delays = Array.from({ length: 200 }, () => reconnectDelay(2, 2500));
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(300);
    expect(delays.every((d) => d >= 0 && d < 400)).toBe(true);
  });
});
