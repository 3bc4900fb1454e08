import { newTimer, startTimer, type TimerState } from '@atelier/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { END_MARGIN_MS, watchTimerEnd } from './expiry';

const T0 = 1_800_000_000_000;
const running = (durationMs: number, startedAt = T0): TimerState =>
  startTimer(newTimer({ durationMs, freezeAtEnd: false }), startedAt);

describe('watchTimerEnd', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('fires once when a running timer reaches zero', () => {
    const onEnd = vi.fn();
    watchTimerEnd(running(60_000), Date.now(), onEnd);
    vi.advanceTimersByTime(60_000);
    expect(onEnd).not.toHaveBeenCalled();
    vi.advanceTimersByTime(END_MARGIN_MS);
    expect(onEnd).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('stays quiet for a timer already ended when the page opens, paused, or not started', () => {
    const onEnd = vi.fn();
    watchTimerEnd(running(60_000, T0 - 120_000), Date.now(), onEnd);
    watchTimerEnd(newTimer({ durationMs: 60_000, freezeAtEnd: false }), Date.now(), onEnd);
    watchTimerEnd(null, Date.now(), onEnd);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('fires once for the timer that replaced another (more time): the old watch is stopped', () => {
    const onEnd = vi.fn();
    const stop = watchTimerEnd(running(60_000), Date.now(), onEnd);
    vi.advanceTimersByTime(30_000);
    stop();
    watchTimerEnd(running(90_000, T0), Date.now(), onEnd);
    vi.advanceTimersByTime(30_000 + END_MARGIN_MS);
    expect(onEnd).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
