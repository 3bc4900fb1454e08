import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterWave } from './after-wave';
import { fullGc } from './full-gc';

describe('afterWave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const relief = (collect: () => void) => afterWave({ wave: 100, quietMs: 5000, calm: 5, collect });

  it('collects once, in the first calm window after a wave, and not again until the next wave', () => {
    const collect = vi.fn();
    const wave = relief(collect);
    for (let i = 0; i < 150; i++) wave.asked();
    vi.advanceTimersByTime(5000); // the wave's own window is not calm
    expect(collect).not.toHaveBeenCalled();
    wave.asked(); // a participant reconnecting: still calm
    vi.advanceTimersByTime(5000);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) wave.asked();
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
    wave.stop();
  });

  it('leaves an ordinary day alone: reconnects that never add up to a wave, or a wave still going', () => {
    const collect = vi.fn();
    const wave = relief(collect);
    for (let window = 0; window < 19; window++) {
      for (let i = 0; i < 4; i++) wave.asked();
      vi.advanceTimersByTime(5000);
    }
    expect(collect).not.toHaveBeenCalled(); // 76 connections in 95 s: no wave
    for (let window = 0; window < 10; window++) {
      for (let i = 0; i < 50; i++) wave.asked();
      vi.advanceTimersByTime(5000);
    }
    expect(collect).not.toHaveBeenCalled(); // a wave, but never a calm window
    wave.stop();
  });
});

describe('fullGc', () => {
  it('gives back the heap of objects no longer referenced', () => {
    const gc = fullGc();
    let garbage: { i: number }[] | null = Array.from({ length: 500_000 }, (_, i) => ({ i }));
    const grown = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(500_000);
    garbage = null;
    gc();
    expect(process.memoryUsage().heapUsed).toBeLessThan(grown - 10 * 2 ** 20);
  });
});
