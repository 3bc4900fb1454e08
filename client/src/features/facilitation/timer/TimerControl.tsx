import {
  addMinute,
  formatRemaining,
  MINUTE_MS,
  newTimer,
  pauseTimer,
  resetTimer,
  setTimer,
  startTimer,
  TimerSetting,
  type TimerState,
} from '@atelier/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { serverNow } from '../../../state/serverClock';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { useRemaining } from '../../../toolbox/time/useRemaining';
import { Icon } from '../../../ui/Icon';
import { useDismiss } from '../../../ui/useDismiss';
import { unlockAudio } from './chime';
import { setTimerSoundOn, useTimerSound } from './sound';

/** Durations a facilitator reaches for: a 30-second speed round up to a quarter of an hour. */
const PRESET_SECONDS = [30, 60, 180, 300, 600, 900] as const;

/**
 * The workshop's timer in the header: everyone sees the time left (counted from the
 * server's clock); the facilitator opens its controls from it.
 */
export function TimerControl() {
  const t = useT();
  const timer = useBoard((s) => s.control.timer);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const remaining = useRemaining(timer);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close);
  if (!timer && !facilitator) return null;

  const state = !timer
    ? 'none'
    : remaining === 0
      ? 'ended'
      : timer.endsAt !== null
        ? 'running'
        : timer.remainingMs < timer.durationMs
          ? 'paused'
          : 'ready';
  const time = timer ? formatRemaining(remaining ?? 0) : null;
  const spoken = time
    ? t(`timer.state.${state as 'ready' | 'running' | 'paused' | 'ended'}`, { time })
    : t('timer.open');
  const display = (
    <span className={`timer timer--${state}`} data-testid="timer.remaining" data-state={state}>
      <Icon name="timer" size={18} />
      <span className="timer__time">{time ?? t('timer.open')}</span>
      {state === 'paused' && <span className="timer__badge">{t('timer.pausedBadge')}</span>}
    </span>
  );
  return (
    <div className="timer-control" ref={rootRef}>
      {facilitator ? (
        <button
          type="button"
          className="timer-control__toggle"
          data-testid="timer.toggle"
          aria-expanded={open}
          aria-label={spoken}
          title={spoken}
          onClick={() => setOpen(!open)}
        >
          {display}
        </button>
      ) : (
        <span role="timer" aria-label={spoken} title={spoken}>
          {display}
        </span>
      )}
      {open && facilitator && <TimerPanel timer={timer} onClose={close} />}
    </div>
  );
}

/** The facilitator's timer controls: a duration, whether input freezes at zero, start/pause, +1 min, reset. */
function TimerPanel({ timer, onClose }: { timer: TimerState | null; onClose: () => void }) {
  const t = useT();
  const connection = useConnection();
  const [minutes, setMinutes] = useState(String(timer ? Math.round(timer.durationMs / MINUTE_MS) : 5));
  const [freeze, setFreeze] = useState(timer?.freezeAtEnd ?? false);
  const [invalid, setInvalid] = useState(false);
  const sound = useTimerSound();
  const panelRef = useRef<HTMLDivElement>(null);
  const minutesId = useId();
  const write = (next: TimerState | null) => setTimer(connection.controlDoc, next);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, []);

  /** A new timer of `value` minutes, stopped; refused (and said why) outside 1–240 minutes. */
  const setDuration = (value: string) => {
    const setting = TimerSetting.safeParse({
      durationMs: Math.round(Number(value) * MINUTE_MS),
      freezeAtEnd: freeze,
    });
    setInvalid(!setting.success || value.trim() === '');
    if (setting.success && value.trim() !== '') write(newTimer(setting.data));
  };
  const running = timer !== null && timer.endsAt !== null;

  return (
    <div
      ref={panelRef}
      className="popover timer-panel"
      role="dialog"
      aria-label={t('timer.title')}
      data-testid="timer.panel"
    >
      <h2 className="timer-panel__title">{t('timer.title')}</h2>
      <fieldset className="timer-panel__presets">
        <legend className="visually-hidden">{t('timer.presets')}</legend>
        {PRESET_SECONDS.map((s) => (
          <button
            key={s}
            type="button"
            className="button"
            data-testid={`timer.preset.${s}`}
            onClick={() => {
              setMinutes(String(s / 60));
              setDuration(String(s / 60));
            }}
          >
            {s < 60 ? t('timer.seconds', { n: s }) : t('timer.minutes', { n: s / 60 })}
          </button>
        ))}
      </fieldset>
      <form
        className="timer-panel__custom"
        onSubmit={(event) => {
          event.preventDefault();
          setDuration(minutes);
        }}
      >
        <label htmlFor={minutesId}>{t('timer.custom')}</label>
        <input
          id={minutesId}
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          value={minutes}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${minutesId}-error` : undefined}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit" className="button">
          {t('timer.set')}
        </button>
        {invalid && (
          <p id={`${minutesId}-error`} className="timer-panel__error" role="alert">
            {t('timer.invalid')}
          </p>
        )}
      </form>
      <label className="timer-panel__freeze">
        <input
          type="checkbox"
          checked={freeze}
          data-testid="timer.freeze"
          onChange={(event) => {
            setFreeze(event.target.checked);
            if (timer) write({ ...timer, freezeAtEnd: event.target.checked });
          }}
        />
        {t('timer.freeze')}
      </label>
      <label className="timer-panel__freeze">
        <input
          type="checkbox"
          checked={sound}
          data-testid="timer.sound"
          onChange={(event) => setTimerSoundOn(event.target.checked)}
        />
        {t('timer.sound')}
      </label>
      {timer && (
        <div className="timer-panel__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="timer.startPause"
            disabled={!running && timer.remainingMs === 0}
            onClick={() => {
              // A click is what lets the page play the chime later, with nobody touching it.
              if (!running && sound) unlockAudio();
              write(running ? pauseTimer(timer, serverNow()) : startTimer(timer, serverNow()));
            }}
          >
            <Icon name={running ? 'pause' : 'play'} size={16} />
            {t(
              running ? 'timer.pause' : timer.remainingMs < timer.durationMs ? 'timer.resume' : 'timer.start',
            )}
          </button>
          <button
            type="button"
            className="button"
            data-testid="timer.addMinute"
            onClick={() => write(addMinute(timer, serverNow()))}
          >
            {t('timer.addMinute')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="timer.reset"
            onClick={() => write(resetTimer(timer))}
          >
            {t('timer.reset')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="timer.remove"
            onClick={() => {
              write(null);
              onClose();
            }}
          >
            {t('timer.remove')}
          </button>
        </div>
      )}
    </div>
  );
}
