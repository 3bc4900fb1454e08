import { describe, expect, it } from 'vitest';
import { throttleLatest } from './throttle';

function fakeClock() {
  let now = 0;
  let timers: { at: number; cb: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => {
      const id = ++ids;
      timers.push({ at: now + ms, cb, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.cb();
    },
  };
}

describe('throttleLatest', () => {
  it('sends at most once per interval and always ends with the latest value', () => {
    const clock = fakeClock();
    const sent: number[] = [];
    const send = throttleLatest((v: number) => sent.push(v), 50, clock);
    for (let i = 1; i <= 10; i++) {
      send(i);
      clock.advance(10);
    }
    clock.advance(100);
    // 100 ms of moves at 100 Hz: sent at t=0, 50 (latest was 5) and 100, then nothing.
    expect(sent).toEqual([1, 5, 10]);
  });

  it('flushes and cancels the trailing value', () => {
    const clock = fakeClock();
    const sent: string[] = [];
    const send = throttleLatest((v: string) => sent.push(v), 50, clock);
    send('a');
    send('b');
    send.flush();
    send('c');
    send.cancel();
    clock.advance(100);
    expect(sent).toEqual(['a', 'b']);
  });
});
