import { timerRemaining } from '@atelier/shared';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useT } from '../../../i18n/locale';
import { serverClockOffset, subscribeServerClock } from '../../../state/serverClock';
import { boardStore, useBoard } from '../../../state/store';
import { playChime, unlockAudio } from './chime';
import { watchTimerEnd } from './expiry';
import { useTimerSound } from './sound';

/**
 * Keeps the store's `timeUp` true while a timer set to freeze input has run out (the
 * server refuses participants' writes then; the board shows it read-only), and signals the
 * end once, to those who saw it come: a "time is up" notice for everyone (the timer pulses
 * too), and the chime on a facilitator's machine (the one projected) unless they turned the
 * sound off there. Participants' devices stay silent: a room of phones chiming is noise.
 */
export function useTimerExpiry(): void {
  const t = useT();
  const timer = useBoard((s) => s.control.timer);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const sound = useTimerSound();
  const offset = useSyncExternalStore(subscribeServerClock, serverClockOffset);
  // Read when the time runs out, not a reason to watch the timer again.
  const signal = useRef({ t, chime: facilitator && sound });
  signal.current = { t, chime: facilitator && sound };

  useEffect(() => {
    const now = () => Date.now() + offset;
    const update = () => {
      const ended = timer !== null && timerRemaining(timer, now()) === 0;
      const timeUp = ended && timer.freezeAtEnd;
      if (boardStore.getState().timeUp !== timeUp) boardStore.setState({ timeUp });
    };
    update();
    return watchTimerEnd(timer, now(), () => {
      update();
      boardStore.getState().toast('info', signal.current.t('timer.state.ended'));
      if (signal.current.chime) playChime();
    });
  }, [timer, offset]);

  // While a timer runs, the facilitator's gestures unlock the audio the chime will need.
  const running = timer !== null && timer.endsAt !== null;
  useEffect(() => {
    if (!running || !facilitator || !sound) return;
    const options = { capture: true, passive: true };
    window.addEventListener('pointerdown', unlockAudio, options);
    window.addEventListener('keydown', unlockAudio, options);
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, options);
      window.removeEventListener('keydown', unlockAudio, options);
    };
  }, [running, facilitator, sound]);
}
