import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readControlState, seedControl, setTimer } from './control';
import {
  addMinute,
  formatRemaining,
  inputFrozen,
  MINUTE_MS,
  newTimer,
  parseTimer,
  pauseTimer,
  resetTimer,
  startTimer,
  TIMER_MAX_MS,
  timerRemaining,
  timerRunning,
} from './timer';

const T0 = 1_800_000_000_000;

describe('facilitator timer', () => {
  it('counts down from the server time it was started at, for anyone who reads it later', () => {
    const timer = startTimer(newTimer({ durationMs: 5 * MINUTE_MS, freezeAtEnd: false }), T0);
    expect(timerRunning(timer, T0)).toBe(true);
    // Someone joining 90 s later sees 3:30 left, whatever their own clock says.
    expect(formatRemaining(timerRemaining(timer, T0 + 90_000))).toBe('3:30');
    expect(timerRemaining(timer, T0 + 6 * MINUTE_MS)).toBe(0);
    expect(timerRunning(timer, T0 + 5 * MINUTE_MS)).toBe(false);
  });

  it('pauses with the time left, resumes from it, and resets to the set duration', () => {
    const started = startTimer(newTimer({ durationMs: 10 * MINUTE_MS, freezeAtEnd: false }), T0);
    const paused = pauseTimer(started, T0 + 4 * MINUTE_MS);
    expect(paused.endsAt).toBeNull();
    expect(timerRemaining(paused, T0 + 9 * MINUTE_MS)).toBe(6 * MINUTE_MS);
    const resumed = startTimer(paused, T0 + 20 * MINUTE_MS);
    expect(timerRemaining(resumed, T0 + 21 * MINUTE_MS)).toBe(5 * MINUTE_MS);
    expect(resetTimer(resumed)).toMatchObject({ remainingMs: 10 * MINUTE_MS, endsAt: null });
    // Starting twice or pausing a paused timer changes nothing.
    expect(startTimer(resumed, T0 + 22 * MINUTE_MS)).toBe(resumed);
    expect(pauseTimer(paused, T0)).toBe(paused);
  });

  it('adds a minute to what is left, counted from now once the time has run out', () => {
    const timer = startTimer(newTimer({ durationMs: MINUTE_MS, freezeAtEnd: true }), T0);
    expect(timerRemaining(addMinute(timer, T0 + 30_000), T0 + 30_000)).toBe(90_000);
    expect(timerRemaining(addMinute(timer, T0 + 5 * MINUTE_MS), T0 + 5 * MINUTE_MS)).toBe(MINUTE_MS);
    const paused = newTimer({ durationMs: MINUTE_MS, freezeAtEnd: false });
    expect(addMinute(paused, T0).remainingMs).toBe(2 * MINUTE_MS);
    expect(addMinute({ ...paused, remainingMs: TIMER_MAX_MS }, T0).remainingMs).toBe(TIMER_MAX_MS);
  });

  it('freezes input only at zero and only when asked to', () => {
    const freezing = startTimer(newTimer({ durationMs: MINUTE_MS, freezeAtEnd: true }), T0);
    expect(inputFrozen(freezing, T0 + 59_000)).toBe(false);
    expect(inputFrozen(freezing, T0 + MINUTE_MS)).toBe(true);
    expect(inputFrozen(addMinute(freezing, T0 + 2 * MINUTE_MS), T0 + 2 * MINUTE_MS)).toBe(false);
    const relaxed = { ...freezing, freezeAtEnd: false };
    expect(inputFrozen(relaxed, T0 + 2 * MINUTE_MS)).toBe(false);
    expect(inputFrozen(null, T0)).toBe(false);
  });

  it('formats what is left as m:ss or h:mm:ss, rounding up', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(3_600_000 + 65_000)).toBe('1:01:05');
  });

  it('is stored in the control document, and an invalid stored value reads as no timer', () => {
    const doc = new Y.Doc();
    seedControl(doc);
    expect(readControlState(doc).timer).toBeNull();
    const timer = newTimer({ durationMs: 3 * MINUTE_MS, freezeAtEnd: true });
    setTimer(doc, timer);
    expect(readControlState(doc).timer).toEqual(timer);
    expect(() => setTimer(doc, { ...timer, durationMs: -1 })).toThrow();
    expect(readControlState(doc).timer).toEqual(timer);
    doc.getMap('state').set('timer', { durationMs: 'soon' });
    expect(readControlState(doc).timer).toBeNull();
    expect(parseTimer({ ...timer, endsAt: T0 })).toEqual({ ...timer, endsAt: T0 });
    setTimer(doc, null);
    expect(readControlState(doc).timer).toBeNull();
  });
});

describe('timer times', () => {
  it('stay whole milliseconds even from a fractional clock estimate', () => {
    const timer = startTimer(newTimer({ durationMs: MINUTE_MS, freezeAtEnd: false }), T0 + 0.5);
    expect(Number.isInteger(timer.endsAt)).toBe(true);
    expect(Number.isInteger(pauseTimer(timer, T0 + 1000.25).remainingMs)).toBe(true);
    expect(Number.isInteger(addMinute(timer, T0 + 0.5).endsAt)).toBe(true);
  });
});
