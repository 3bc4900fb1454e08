/**
 * Calls `fn` at most once per `intervalMs`, always delivering the latest value (trailing
 * call). Cursor positions go through it so a moving pointer sends ≤ 1000 / intervalMs
 * awareness updates per second.
 */
export function throttleLatest<T>(
  fn: (value: T) => void,
  intervalMs: number,
  clock: {
    now(): number;
    setTimeout(cb: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
  } = {
    now: () => Date.now(),
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): { (value: T): void; flush(): void; cancel(): void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let pending: { value: T } | null = null;

  const run = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = clock.now();
    fn(value);
  };

  const throttled = (value: T) => {
    pending = { value };
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) {
      if (timer !== null) clock.clearTimeout(timer);
      run();
    } else if (timer === null) {
      timer = clock.setTimeout(run, wait);
    }
  };
  throttled.flush = () => {
    if (timer !== null) clock.clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
