import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PresenceClientState } from '../presence/awareness';
import {
  readControlState,
  readFollow,
  seedControl,
  setFollow,
  setLocked,
  setSilent,
  setStep,
  stateMap,
} from './control';
import { DEFAULT_THEMES, readThemes } from './themes';

describe('control document', () => {
  it('is seeded with the first step, unlocked, and the default themes in order', () => {
    const control = new Y.Doc();
    seedControl(control);
    expect(readControlState(control)).toEqual({
      step: 'assessment',
      locked: false,
      timer: null,
      silent: false,
    });
    expect(readThemes(control).map((t) => t.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
  });

  it('moves everyone to a step and locks the board', () => {
    const control = new Y.Doc();
    seedControl(control);
    setStep(control, 'axes');
    setLocked(control, true);
    expect(readControlState(control)).toEqual({ step: 'axes', locked: true, timer: null, silent: false });
  });

  it('reads an unknown step written by a foreign script as the first step', () => {
    const control = new Y.Doc();
    control.getMap('state').set('step', 'nonsense');
    expect(readControlState(control).step).toBe('assessment');
  });

  it('turns silent ideation on and off', () => {
    const control = new Y.Doc();
    seedControl(control);
    setSilent(control, true);
    expect(readControlState(control).silent).toBe(true);
    setSilent(control, false);
    expect(readControlState(control).silent).toBe(false);
  });
});

describe('follow me', () => {
  it('names the facilitator the room follows, and frees everyone again', () => {
    const control = new Y.Doc();
    seedControl(control);
    expect(readFollow(control)).toBeNull();
    setFollow(control, 'p-facilitator');
    expect(readFollow(control)).toBe('p-facilitator');
    setFollow(control, null);
    expect(readFollow(control)).toBeNull();
    stateMap(control).set('follow', 42);
    expect(readFollow(control)).toBeNull();
  });

  it('lets the leader share the area they see in their presence, and nothing malformed', () => {
    const view = { x: -120, y: 40, width: 1600, height: 900 };
    expect(PresenceClientState.parse({ view }).view).toEqual(view);
    expect(PresenceClientState.safeParse({ view: { ...view, width: 0 } }).success).toBe(false);
    expect(PresenceClientState.safeParse({ view: { ...view, x: Number.NaN } }).success).toBe(false);
  });
});
