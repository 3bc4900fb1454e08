/** The service's time: injectable so that tests can move past a round's deadline without waiting. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /**
   * Runs `fn` once `at` (epoch ms) has come, unless cancelled; never keeps the process alive.
   * `fn` handles its own failures; a test's clock may await what it returns.
   */
  at(at: number, fn: () => void | Promise<void>): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at, fn) {
    const timer = setTimeout(() => void fn(), Math.max(0, at - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
