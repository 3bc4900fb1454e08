import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JOIN_LIMITS, JoinAttempts, type JoinLimits } from './join-attempts';

const LIMITS: JoinLimits = {
  perMinute: 10,
  perHour: 30,
  perDay: 100,
  globalPerHour: 100,
  whenSpentPerDay: 3,
};

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Fails from `address` until refused; the number of failures let through. */
function failUntilRefused(attempts: JoinAttempts, address: string, max = 1000): number {
  let n = 0;
  while (n < max && attempts.admit(address) === null) {
    attempts.failed(address);
    n++;
  }
  return n;
}

describe('join attempts per address', () => {
  it('lets 10 failures through in a burst, then refuses with the time until the next one', () => {
    const time = clock();
    const attempts = new JoinAttempts(LIMITS, { now: time.now });
    expect(failUntilRefused(attempts, '127.0.0.2')).toBe(10);
    // 10 a minute refill one every 6 s.
    expect(attempts.admit('127.0.0.2')).toEqual({ limit: 'join-address', retryAfterMs: 6000 });
    time.advance(6000);
    expect(attempts.admit('127.0.0.2')).toBeNull();
  });

  it('counts lookups still in flight, and a refunded one (a right code) costs nothing', () => {
    const attempts = new JoinAttempts(LIMITS, { now: clock().now });
    // Ten lookups admitted and counted before any answered: the eleventh is refused.
    for (let i = 0; i < 10; i++) {
      expect(attempts.admit('127.0.0.2')).toBeNull();
      attempts.failed('127.0.0.2');
    }
    expect(attempts.admit('127.0.0.2')?.limit).toBe('join-address');
    // One of them had the right code: its count is given back, the next attempt passes.
    attempts.refund('127.0.0.2');
    expect(attempts.admit('127.0.0.2')).toBeNull();
    expect(failUntilRefused(attempts, '127.0.0.2')).toBe(1);
  });

  it('lets lookups in flight decide: right codes all pass, wrong ones stop at the burst', async () => {
    const attempts = new JoinAttempts(LIMITS, { now: clock().now });
    // 30 lookups started at once from one address (each awaits before answering), all right or
    // all wrong: how many were looked up, and how many refused.
    const atOnce = async (address: string, right: boolean) => {
      const tried = await Promise.all(
        Array.from({ length: 30 }, () =>
          attempts.attempt(
            address,
            async () => right,
            (ok) => ok,
          ),
        ),
      );
      return {
        looked: tried.filter((t) => 'result' in t).length,
        refused: tried.filter((t) => 'refused' in t).length,
      };
    };
    // A room joining with the right code: past the burst they wait for the first ones, given back.
    expect(await atOnce('127.0.0.2', true)).toEqual({ looked: 30, refused: 0 });
    // Wrong codes from another address: 10 looked up, the others refused once those failed.
    expect(await atOnce('127.0.0.3', false)).toEqual({ looked: 10, refused: 20 });
  });

  it('makes the wait grow the longer guessing goes on: seconds, then minutes, then a quarter hour', () => {
    const time = clock();
    const attempts = new JoinAttempts(LIMITS, { now: time.now });
    const waits: number[] = [];
    let failures = 0;
    // Always retry exactly when told: the rate an obedient script reaches.
    while (failures < 120) {
      const refusal = attempts.admit('10.0.0.1');
      if (refusal) {
        waits.push(refusal.retryAfterMs);
        time.advance(refusal.retryAfterMs);
        continue;
      }
      attempts.failed('10.0.0.1');
      failures++;
    }
    expect(waits[0]).toBe(6000);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(800_000);
    // Each new wait is at least as long as the first ones: delays grow, never shrink back while guessing.
    expect(waits.at(-1)).toBeGreaterThan(waits[0] ?? 0);
  });

  it('never slows another address, nor a correct code (only failures count)', () => {
    const attempts = new JoinAttempts(LIMITS, { now: clock().now });
    failUntilRefused(attempts, '127.0.0.2');
    expect(attempts.admit('127.0.0.2')).not.toBeNull();
    expect(attempts.admit('127.0.0.4')).toBeNull();
    // Admitted many times with no failure: a correct code costs nothing.
    for (let i = 0; i < 1000; i++) expect(attempts.admit('127.0.0.5')).toBeNull();
  });
});

describe('the global budget', () => {
  it('once spent, refuses addresses that failed already and still looks up a clean one', () => {
    const time = clock();
    const attempts = new JoinAttempts({ ...LIMITS, globalPerHour: 25 }, { now: time.now });
    expect(failUntilRefused(attempts, '127.0.0.2')).toBe(10);
    expect(failUntilRefused(attempts, '127.0.0.3')).toBe(10);
    expect(failUntilRefused(attempts, '127.0.0.5', 2)).toBe(2);
    expect(attempts.globalSpent).toBe(false);
    // 3 left: a new address spends them, then its per-day strict allowance (3) is used up.
    expect(failUntilRefused(attempts, '127.0.0.6')).toBe(3);
    expect(attempts.globalSpent).toBe(true);
    const refusal = attempts.admit('127.0.0.6');
    expect(refusal?.limit).toBe('join-global');
    // 25 an hour: one more every 144 s (sooner than its own strict allowance comes back).
    expect(refusal?.retryAfterMs).toBe(144_000);

    // 127.0.0.5 failed twice: one more lookup allowed, then refused as the others.
    expect(failUntilRefused(attempts, '127.0.0.5')).toBe(1);
    expect(attempts.admit('127.0.0.5')?.limit).toBe('join-global');
    // A clean address is looked up (it may have the right code)…
    expect(attempts.admit('127.0.0.4')).toBeNull();
    // …and if it too fails, it only gets its few tries.
    expect(failUntilRefused(attempts, '127.0.0.4')).toBe(3);

    // An hour later the budget is back: 127.0.0.6's minute bucket decides again.
    time.advance(3_600_000);
    expect(attempts.globalSpent).toBe(false);
    expect(attempts.admit('127.0.0.6')).toBeNull();
  });

  it('by default, makes finding one of 1,000 live codes take about a year at the global limit', () => {
    const codeSpace = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
    expect(codeSpace).toBe(887_503_681);
    const expectedGuesses = codeSpace / 1000;
    const hours = expectedGuesses / DEFAULT_JOIN_LIMITS.globalPerHour;
    expect(hours / 24).toBeGreaterThan(365);
    // One address alone, at its daily rate: decades.
    expect(expectedGuesses / DEFAULT_JOIN_LIMITS.perDay / 365).toBeGreaterThan(20);
  });
});

describe('memory', () => {
  it('stays bounded when an attacker spreads over many addresses', () => {
    const attempts = new JoinAttempts(LIMITS, { now: clock().now, maxKeys: 1000 });
    for (let i = 0; i < 20_000; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      if (attempts.admit(address) === null) attempts.failed(address);
    }
    expect(attempts.trackedAddresses).toBeLessThanOrEqual(1000);
    expect(attempts.trackedAddresses).toBeGreaterThan(0);
  });
});
