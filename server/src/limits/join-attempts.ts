import { KeyedBuckets, TokenBucket } from './token-bucket';

/**
 * How many failed join attempts (unknown, malformed, closed or expired codes) are allowed.
 * docs/security.md ("Limits") shows what these numbers mean for someone guessing codes.
 */
export interface JoinLimits {
  /** Failures one address may make in a burst, refilled over a minute. */
  perMinute: number;
  /** …over an hour: past the burst, the wait between two attempts grows from seconds to minutes. */
  perHour: number;
  /** …over a day: the long-run rate one address cannot exceed. */
  perDay: number;
  /** Failures the whole server absorbs in an hour, every address together (sized from the code space). */
  globalPerHour: number;
  /** Once the global budget is spent: the failures an address may still make in a day. */
  whenSpentPerDay: number;
}

export const DEFAULT_JOIN_LIMITS: JoinLimits = {
  perMinute: 10,
  perHour: 30,
  perDay: 100,
  globalPerHour: 100,
  whenSpentPerDay: 3,
};

/** Why an attempt is refused before its code is looked up, and when it would pass. */
export interface JoinRefusal {
  limit: 'join-address' | 'join-global';
  retryAfterMs: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * Counts failed join attempts per client address and for the whole server. Only failures
 * cost: a correct code never spends anything, so an attacker cannot slow people who have it.
 *
 * Per address, three buckets (minute, hour, day) make the wait grow the longer guessing goes
 * on. The global bucket bounds what many addresses together can try; when it is empty, an
 * address that already failed `whenSpentPerDay` times today is refused before any lookup,
 * while an address with fewer failures (someone who has the right code) is still looked up.
 *
 * `admit` then `failed` must run without an `await` between them, so that concurrent requests
 * cannot all pass before any is counted. A lookup awaits the store (on PostgreSQL, a round trip):
 * `attempt` counts it as failed before, gives it back when the code turns out right, and makes an
 * attempt refused while other lookups are in flight wait for them and ask again, since theirs may
 * turn out right (a room of 45 joining at once behind one address must all get in).
 */
export class JoinAttempts {
  private readonly perAddress: KeyedBuckets[];
  private readonly whenSpent: KeyedBuckets;
  private readonly global: TokenBucket;
  /** Lookups under way (`attempt`), each settled once its count is final. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly limits: JoinLimits = DEFAULT_JOIN_LIMITS,
    options: { now?: () => number; maxKeys?: number } = {},
  ) {
    const keyed = (capacity: number, seconds: number) =>
      new KeyedBuckets(capacity, capacity / seconds, options);
    this.perAddress = [
      keyed(limits.perMinute, MINUTE),
      keyed(limits.perHour, HOUR),
      keyed(limits.perDay, DAY),
    ];
    this.whenSpent = keyed(limits.whenSpentPerDay, DAY);
    this.global = new TokenBucket(limits.globalPerHour, limits.globalPerHour / HOUR, options.now);
  }

  /** `null` when `address` may have its code looked up now; otherwise why not and for how long. */
  admit(address: string): JoinRefusal | null {
    const wait = Math.max(...this.perAddress.map((buckets) => buckets.waitMs(address)));
    if (wait > 0) return { limit: 'join-address', retryAfterMs: wait };
    const globalWait = this.global.waitMs();
    if (globalWait > 0) {
      const own = this.whenSpent.waitMs(address);
      if (own > 0) return { limit: 'join-global', retryAfterMs: Math.min(own, globalWait) };
    }
    return null;
  }

  /** Counts one failed attempt from `address` (after `admit` let it through). */
  failed(address: string): void {
    for (const buckets of this.perAddress) buckets.take(address);
    this.whenSpent.take(address);
    this.global.take();
  }

  /**
   * Admits an attempt from `address` and runs its lookup, counted as failed unless `right` says
   * its result is a right code (a lookup that throws costs nothing either); or the refusal, once
   * no lookup still in flight could give anything back.
   */
  async attempt<T>(
    address: string,
    lookup: () => Promise<T>,
    right: (result: T) => boolean,
  ): Promise<{ refused: JoinRefusal } | { result: T }> {
    for (;;) {
      const refusal = this.admit(address);
      if (!refusal) break;
      if (this.inFlight.size === 0) return { refused: refusal };
      await Promise.race(this.inFlight);
    }
    this.failed(address);
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.inFlight.add(settled);
    let cost = true;
    try {
      const result = await lookup();
      cost = !right(result);
      return { result };
    } catch (error) {
      cost = false;
      throw error;
    } finally {
      if (!cost) this.refund(address);
      this.inFlight.delete(settled);
      settle();
    }
  }

  /** Gives back what `failed` counted for an attempt whose code turned out right: it costs nothing. */
  refund(address: string): void {
    for (const buckets of this.perAddress) buckets.give(address);
    this.whenSpent.give(address);
    this.global.give();
  }

  /** The most addresses any of the per-address maps holds (bounded by `maxKeys`). */
  get trackedAddresses(): number {
    return Math.max(...[...this.perAddress, this.whenSpent].map((buckets) => buckets.size));
  }

  /** Whether the global budget is spent now (strict mode: only addresses with few failures are looked up). */
  get globalSpent(): boolean {
    return this.global.waitMs() > 0;
  }
}
