import { useSyncExternalStore } from 'react';

/** Whether this device chimes at the end of the timer: on unless the facilitator turned it off here. */
const KEY = 'atelier.timerSound';
const listeners = new Set<() => void>();

export function timerSoundOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setTimerSoundOn(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTimerSound(): boolean {
  return useSyncExternalStore(subscribe, timerSoundOn);
}
