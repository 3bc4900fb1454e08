/** A wait as `Retry-After` says it: whole seconds, at least one. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * Token buckets: `capacity` tokens, refilled at `perSecond`; a take that finds too few is
 * refused and says how long until it would pass. The one mechanism behind every rate limit
 * (joins, upgrades, messages, HTTP writes).
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  /** Takes `n` tokens if there are enough; otherwise takes none. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Gives back `n` tokens taken for something that turned out not to cost (never above capacity). */
  give(n = 1): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + n);
  }

  /** Milliseconds until `n` tokens are there (0 when they are). */
  waitMs(n = 1): number {
    this.refill();
    if (this.tokens >= n) return 0;
    if (this.perSecond <= 0) return Number.POSITIVE_INFINITY;
    return Math.ceil(((n - this.tokens) / this.perSecond) * 1000);
  }

  /** Whether the bucket is full again (an entry that can be forgotten). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    if (t > this.at) {
      this.tokens = Math.min(this.capacity, this.tokens + ((t - this.at) / 1000) * this.perSecond);
      this.at = t;
    }
  }
}

/**
 * A bucket per key (an address, a token), bounded in memory: full buckets are forgotten when
 * the map grows, and past `maxKeys` the oldest entries go, so that an attacker spreading over
 * many addresses cannot grow it without end.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly options: { maxKeys?: number; now?: () => number } = {},
  ) {}

  take(key: string, n = 1): boolean {
    return this.bucket(key).take(n);
  }

  give(key: string, n = 1): void {
    this.buckets.get(key)?.give(n);
  }

  waitMs(key: string, n = 1): number {
    return this.buckets.get(key)?.waitMs(n) ?? 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  private bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const maxKeys = this.options.maxKeys ?? 100_000;
      if (this.buckets.size >= maxKeys) this.evict(maxKeys);
      bucket = new TokenBucket(this.capacity, this.perSecond, this.options.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private evict(maxKeys: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
    // Still too many: drop the oldest (insertion order) down to three quarters.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < (maxKeys * 3) / 4) break;
      this.buckets.delete(key);
    }
  }
}
