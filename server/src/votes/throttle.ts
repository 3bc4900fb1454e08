/**
 * Runs a keyed job at most once per `intervalMs`: the first request runs on the next turn
 * (so one turn's requests share it), later ones within the interval run once at its end.
 */
export class Throttle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  request(key: string, job: () => void): void {
    if (this.timers.has(key)) return;
    const wait = Math.max(
      0,
      (this.lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + this.intervalMs - performance.now(),
    );
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.lastRun.set(key, performance.now());
      job();
    }, wait);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Drops one key's pending job (its workshop was deleted). */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  /** Drops what is pending (shutdown). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
