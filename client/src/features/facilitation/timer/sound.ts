import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '../../../ui/devicePreference';

/** Whether this device chimes at the end of the timer: on unless the facilitator turned it off here. */
const KEY = 'atelier.timerSound';
const listeners = new Set<() => void>();

export function timerSoundOn(): boolean {
  return readPreference(KEY) !== 'off';
}

export function setTimerSoundOn(on: boolean): void {
  writePreference(KEY, on ? 'on' : 'off');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTimerSound(): boolean {
  return useSyncExternalStore(subscribe, timerSoundOn);
}
