import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst of `capacity` through, then refills at its rate', () => {
    let t = 0;
    const bucket = new TokenBucket(3, 2, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(500);
    t = 500;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t = 10_000;
    expect(bucket.full).toBe(true);
  });

  it('takes nothing when a bigger take does not fit', () => {
    const bucket = new TokenBucket(10, 1, () => 0);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(10)).toBe(true);
  });
});

describe('KeyedBuckets', () => {
  it('keeps one bucket per key: one key exhausted does not slow another', () => {
    const buckets = new KeyedBuckets(1, 1, { now: () => 0 });
    expect(buckets.take('127.0.0.2')).toBe(true);
    expect(buckets.take('127.0.0.2')).toBe(false);
    expect(buckets.take('127.0.0.3')).toBe(true);
  });

  it('stays bounded when keys are many', () => {
    let t = 0;
    const buckets = new KeyedBuckets(1, 1, { maxKeys: 100, now: () => t });
    for (let i = 0; i < 1000; i++) {
      buckets.take(`10.0.${i >> 8}.${i & 255}`);
      t += 1;
    }
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});
