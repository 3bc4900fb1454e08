import { describe, expect, it } from 'vitest';
import { clockOffset } from './serverClock';

describe('server clock', () => {
  it('reads the server time as the middle of the round trip', () => {
    // Our clock is 5 s behind the server's; the answer took 200 ms there and back.
    expect(clockOffset(1_000_000, 1_005_100, 1_000_200)).toBe(5000);
    expect(clockOffset(2_000_000, 1_990_050, 2_000_100)).toBe(-10_000);
  });
});
