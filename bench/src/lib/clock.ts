/**
 * One clock for every process and thread of a run: epoch milliseconds with sub-millisecond
 * precision (`performance.timeOrigin` is per process, `performance.now()` is monotonic).
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Stamps travel in bounded fields (cursor coordinates stay within ±1e7): time modulo this. */
export const STAMP_MODULO = 1e6;

export function stampOf(time: number): number {
  return time % STAMP_MODULO;
}

/** Milliseconds from a stamp to `at` (a receive time); correct across one wrap of the modulo. */
export function elapsedSinceStamp(stamp: number, at: number): number {
  const elapsed = stampOf(at) - stamp;
  return elapsed < 0 ? elapsed + STAMP_MODULO : elapsed;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
