import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PresenceClientState } from '../presence/awareness';
import { STEPS } from '../schema/enums';
import {
  questionsMap,
  readControlState,
  readFollow,
  readNoteEditing,
  readStepQuestion,
  readStepQuestions,
  STEP_QUESTION_MAX,
  seedControl,
  seedControlContent,
  setFollow,
  setLocked,
  setNoteEditing,
  setSilent,
  setStep,
  setStepQuestion,
  setStepsFree,
  stateMap,
} from './control';
import { LOCAL_ORIGIN } from './origins';
import { DEFAULT_THEMES, readThemes } from './themes';

describe('control document', () => {
  it('is seeded with the first step, unlocked, and the default themes in order', () => {
    const control = new Y.Doc();
    seedControl(control);
    expect(readControlState(control)).toEqual({
      step: 'assessment',
      steps: STEPS,
      stepsFree: false,
      locked: false,
      timer: null,
      silent: false,
      noteEditing: 'own',
    });
    expect(readThemes(control).map((t) => t.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
  });

  it('lets participants change only their own notes unless the facilitator opens them to all', () => {
    const control = new Y.Doc();
    // Absent in workshops made before the setting: each their own.
    expect(readNoteEditing(control)).toBe('own');
    setNoteEditing(control, 'all');
    expect(readControlState(control).noteEditing).toBe('all');
    setNoteEditing(control, 'own');
    expect(readNoteEditing(control)).toBe('own');
    expect(() => setNoteEditing(control, 'nobody' as 'own')).toThrow();
  });

  it('moves everyone to a step and locks the board', () => {
    const control = new Y.Doc();
    seedControl(control);
    setStep(control, 'axes');
    setLocked(control, true);
    expect(readControlState(control)).toMatchObject({
      step: 'axes',
      locked: true,
      timer: null,
      silent: false,
    });
  });

  it('starts at the first step of its template, with its steps and themes', () => {
    const control = new Y.Doc();
    seedControl(control, 'sprint');
    expect(readControlState(control)).toMatchObject({
      step: 'axes',
      steps: ['axes', 'actions', 'partnerships', 'monitoring'],
    });
    expect(readThemes(control)).toEqual([]);
    expect(() => setStep(control, 'assessment')).toThrow(/no step assessment/);
    expect(() => setStep(control, 'nowhere' as never)).toThrow();
    expect(readControlState(control).step).toBe('axes');
  });

  it('lets participants browse the steps and brings them back', () => {
    const control = new Y.Doc();
    seedControl(control, 'assessment');
    setStepsFree(control, true);
    expect(readControlState(control)).toMatchObject({ steps: ['assessment', 'issues'], stepsFree: true });
    setStepsFree(control, false);
    expect(readControlState(control).stepsFree).toBe(false);
  });

  it('reads foreign step lists in the method order, and all steps when none is usable', () => {
    const control = new Y.Doc();
    stateMap(control).set('steps', ['monitoring', 'bogus', 'issues']);
    expect(readControlState(control).steps).toEqual(['issues', 'monitoring']);
    stateMap(control).set('steps', ['bogus']);
    expect(readControlState(control).steps).toEqual(STEPS);
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

describe('the question for the room', () => {
  it('is set per step by the facilitator, trimmed, in one local transaction, and cleared when empty', () => {
    const control = new Y.Doc();
    seedControl(control);
    const origins: unknown[] = [];
    control.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    setStepQuestion(control, 'assessment', '  Quels constats sur les mobilités ?  ');
    setStepQuestion(control, 'issues', 'Lesquels traiter en premier ?');
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN]);
    expect(readStepQuestion(control, 'assessment')).toBe('Quels constats sur les mobilités ?');
    expect(readStepQuestions(control)).toEqual({
      assessment: 'Quels constats sur les mobilités ?',
      issues: 'Lesquels traiter en premier ?',
    });
    setStepQuestion(control, 'assessment', '   ');
    expect(readStepQuestion(control, 'assessment')).toBeNull();
    expect(questionsMap(control).has('assessment')).toBe(false);
  });

  it('refuses a question too long or a step that does not exist, and changes nothing', () => {
    const control = new Y.Doc();
    seedControl(control);
    setStepQuestion(control, 'axes', 'Quels axes ?');
    expect(() => setStepQuestion(control, 'axes', 'x'.repeat(STEP_QUESTION_MAX + 1))).toThrow();
    expect(() => setStepQuestion(control, 'elsewhere' as never, 'Quoi ?')).toThrow();
    expect(readStepQuestions(control)).toEqual({ axes: 'Quels axes ?' });
  });

  it('skips what a malformed document holds', () => {
    const control = new Y.Doc();
    questionsMap(control).set('assessment', 42);
    questionsMap(control).set('nowhere', 'Perdue ?');
    questionsMap(control).set('issues', 'Gardée ?');
    expect(readStepQuestions(control)).toEqual({ issues: 'Gardée ?' });
  });

  it('comes with an imported workshop’s first content', () => {
    const control = new Y.Doc();
    seedControlContent(control, {
      steps: ['assessment', 'issues'],
      themes: [],
      questions: { issues: 'Quoi ?' },
    });
    expect(readStepQuestions(control)).toEqual({ issues: 'Quoi ?' });
  });
});
