import { z } from 'zod';

/**
 * The facilitator's timer, as the control document stores it. Times are the server's clock
 * (epoch ms): everyone computes what is left from `endsAt`, so a laptop that joins late,
 * reconnects or whose clock is wrong shows the same remaining time as the room.
 */
export const TIMER_MAX_MS = 4 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;

export const TimerState = z.object({
  /** The duration the facilitator set: what a reset goes back to. */
  durationMs: z.number().int().min(1000).max(TIMER_MAX_MS),
  /** Time left while paused (or before the start). */
  remainingMs: z.number().int().min(0).max(TIMER_MAX_MS),
  /** While running: when it reaches zero, server epoch ms; `null` while paused. */
  endsAt: z.number().int().min(0).nullable(),
  /** At zero, participants' input is frozen (enforced by the server) until more time is given. */
  freezeAtEnd: z.boolean(),
});
export type TimerState = z.infer<typeof TimerState>;

/** What the facilitator sets: a duration of 1 s to 4 h, and whether input freezes at zero. */
export const TimerSetting = TimerState.pick({ durationMs: true, freezeAtEnd: true });
export type TimerSetting = z.infer<typeof TimerSetting>;

export function timerRemaining(timer: TimerState, serverNow: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - serverNow);
}

export function timerRunning(timer: TimerState, serverNow: number): boolean {
  return timer.endsAt !== null && timer.endsAt > serverNow;
}

/** Whether participants' input is frozen now: the timer asked for it and has run out. */
export function inputFrozen(timer: TimerState | null, serverNow: number): boolean {
  if (!timer?.freezeAtEnd) return false;
  return timerRemaining(timer, serverNow) === 0;
}

/** A new timer, stopped, with its whole duration left. */
export function newTimer(setting: TimerSetting): TimerState {
  return { ...setting, remainingMs: setting.durationMs, endsAt: null };
}

export function startTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.endsAt !== null || timer.remainingMs === 0) return timer;
  return { ...timer, endsAt: Math.round(serverNow + timer.remainingMs) };
}

export function pauseTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.endsAt === null) return timer;
  return { ...timer, remainingMs: Math.round(timerRemaining(timer, serverNow)), endsAt: null };
}

/** One more minute, counted from now if the time had already run out. */
export function addMinute(timer: TimerState, serverNow: number): TimerState {
  if (timer.endsAt === null) {
    return { ...timer, remainingMs: Math.min(TIMER_MAX_MS, timer.remainingMs + MINUTE_MS) };
  }
  const endsAt = Math.max(timer.endsAt, serverNow) + MINUTE_MS;
  return { ...timer, endsAt: Math.round(Math.min(endsAt, serverNow + TIMER_MAX_MS)) };
}

/** Back to the set duration, stopped. */
export function resetTimer(timer: TimerState): TimerState {
  return { ...timer, remainingMs: timer.durationMs, endsAt: null };
}

/** A stored value as a timer, or `null` when there is none or it is not a valid one. */
export function parseTimer(value: unknown): TimerState | null {
  const parsed = TimerState.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** `m:ss` (or `h:mm:ss` from an hour), rounding up so 0:00 shows only when the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** `GET /api/time`: the server's clock, from which clients derive the offset of their own. */
export const ServerTime = z.object({ now: z.number().int() });
export type ServerTime = z.infer<typeof ServerTime>;
