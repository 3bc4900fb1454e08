import type * as Y from 'yjs';
import type { Step } from '../schema/enums';
import { STEPS } from '../schema/enums';
import { CONTROL_ROOTS, LAYOUT_VERSION, STATE_FIELDS } from './layout';
import { LOCAL_ORIGIN, SERVER_ORIGIN } from './origins';
import { DEFAULT_THEMES, type Theme, themesMap } from './themes';
import { parseTimer, TimerState } from './timer';

/** The facilitation state everyone follows. */
export interface ControlState {
  step: Step;
  locked: boolean;
  timer: TimerState | null;
  /** Silent ideation is on: new notes stay in each participant's private drafts until the reveal. */
  silent: boolean;
}

export function stateMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.state);
}

export function readControlState(control: Y.Doc): ControlState {
  const state = stateMap(control);
  const step = state.get(STATE_FIELDS.step);
  return {
    step: (STEPS as readonly unknown[]).includes(step) ? (step as Step) : 'assessment',
    locked: state.get(STATE_FIELDS.locked) === true,
    timer: readTimer(control),
    silent: state.get(STATE_FIELDS.silent) === true,
  };
}

/** Parsed timers by stored value: the server asks at every board write whether time is up. */
const parsedTimers = new WeakMap<object, TimerState | null>();

export function readTimer(control: Y.Doc): TimerState | null {
  const value = stateMap(control).get(STATE_FIELDS.timer);
  if (typeof value !== 'object' || value === null) return null;
  let timer = parsedTimers.get(value);
  if (timer === undefined) {
    timer = parseTimer(value);
    parsedTimers.set(value, timer);
  }
  return timer;
}

/**
 * Writes the initial content of a new workshop's control document. Run by the server when
 * the workshop is created, so every client finds the same theme list and step.
 */
export function seedControl(control: Y.Doc, themes: readonly Theme[] = DEFAULT_THEMES): void {
  control.transact(() => {
    control.getMap(CONTROL_ROOTS.meta).set('layoutVersion', LAYOUT_VERSION);
    const state = stateMap(control);
    state.set(STATE_FIELDS.step, 'assessment' satisfies Step);
    state.set(STATE_FIELDS.locked, false);
    const map = themesMap(control);
    for (const theme of themes) map.set(theme.id, { ...theme, label: { ...theme.label } });
  }, SERVER_ORIGIN);
}

/** Facilitator command: moves everyone to a step. */
export function setStep(control: Y.Doc, step: Step): void {
  control.transact(() => stateMap(control).set(STATE_FIELDS.step, step), LOCAL_ORIGIN);
}

/** Facilitator command: locks or unlocks the board for participants. */
export function setLocked(control: Y.Doc, locked: boolean): void {
  control.transact(() => stateMap(control).set(STATE_FIELDS.locked, locked), LOCAL_ORIGIN);
}

/**
 * Facilitator command: starts or stops silent ideation. Stopping it this way leaves drafts
 * where they are; the server's reveal moves them onto the board and turns it off (its origin).
 */
export function setSilent(
  control: Y.Doc,
  silent: boolean,
  origin: typeof LOCAL_ORIGIN | typeof SERVER_ORIGIN = LOCAL_ORIGIN,
): void {
  control.transact(() => stateMap(control).set(STATE_FIELDS.silent, silent), origin);
}

/** Facilitator command: sets, starts, pauses… the timer (see timer.ts), or removes it (`null`). */
export function setTimer(control: Y.Doc, timer: TimerState | null): void {
  control.transact(() => {
    if (timer === null) stateMap(control).delete(STATE_FIELDS.timer);
    // Validated here too: a bad value would be read back as "no timer" by everyone.
    else stateMap(control).set(STATE_FIELDS.timer, TimerState.parse(timer));
  }, LOCAL_ORIGIN);
}

/** Whose view the room follows ("follow me"), or `null` when everyone moves freely. */
export function readFollow(control: Y.Doc): string | null {
  const value = stateMap(control).get(STATE_FIELDS.follow);
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
}

/** Facilitator command: the room follows this person's view (`null`: everyone is free again). */
export function setFollow(control: Y.Doc, participantId: string | null): void {
  control.transact(() => {
    if (participantId === null) stateMap(control).delete(STATE_FIELDS.follow);
    else stateMap(control).set(STATE_FIELDS.follow, participantId);
  }, LOCAL_ORIGIN);
}
