import type * as Y from 'yjs';
import { z } from 'zod';
import type { Step } from '../schema/enums';
import { STEPS, Step as StepSchema } from '../schema/enums';
import { CONTROL_ROOTS, LAYOUT_VERSION, STATE_FIELDS } from './layout';
import { LOCAL_ORIGIN, SERVER_ORIGIN } from './origins';
import { normaliseSteps, TEMPLATE_CONTENT, type TemplateContent, type WorkshopTemplate } from './templates';
import { themesMap } from './themes';
import { parseTimer, TimerState } from './timer';

/** The facilitation state everyone follows. */
export interface ControlState {
  step: Step;
  /** The workshop's steps, in the method's order (see templates.ts). */
  steps: readonly Step[];
  /** Participants may look at other steps than the room's. */
  stepsFree: boolean;
  locked: boolean;
  timer: TimerState | null;
  /** Silent ideation is on: new notes stay in each participant's private drafts until the reveal. */
  silent: boolean;
  /** Who may change a note: participants their own only (`own`), or anyone's (`all`). */
  noteEditing: NoteEditing;
}

/** Who may change a note's text, theme or existence (moving stays open to all): see docs/security.md. */
export const NOTE_EDITING = ['own', 'all'] as const;
export type NoteEditing = (typeof NOTE_EDITING)[number];

export function stateMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.state);
}

export function readControlState(control: Y.Doc): ControlState {
  const state = stateMap(control);
  const step = state.get(STATE_FIELDS.step);
  const steps = readSteps(control);
  return {
    step: steps.includes(step as Step) ? (step as Step) : (steps[0] ?? 'assessment'),
    steps,
    stepsFree: state.get(STATE_FIELDS.stepsFree) === true,
    locked: state.get(STATE_FIELDS.locked) === true,
    timer: readTimer(control),
    silent: state.get(STATE_FIELDS.silent) === true,
    noteEditing: readNoteEditing(control),
  };
}

/** Who may change a note; `own` unless the facilitator opened it to all (absent in older workshops). */
export function readNoteEditing(control: Y.Doc): NoteEditing {
  return stateMap(control).get(STATE_FIELDS.noteEditing) === 'all' ? 'all' : 'own';
}

/** Facilitator command: who may change a note (`own`: participants their own only; `all`: anyone's). */
export function setNoteEditing(control: Y.Doc, mode: NoteEditing): void {
  if (!NOTE_EDITING.includes(mode)) throw new Error(`Unknown note editing mode ${String(mode)}`);
  control.transact(() => stateMap(control).set(STATE_FIELDS.noteEditing, mode), LOCAL_ORIGIN);
}

/** Steps by stored array (a new array each time the facilitator changes them): one per change, not per read. */
const parsedSteps = new WeakMap<object, readonly Step[]>();
const ALL_STEPS: readonly Step[] = [...STEPS];

/** The workshop's steps (all six in documents written before templates). */
export function readSteps(control: Y.Doc): readonly Step[] {
  const value = stateMap(control).get(STATE_FIELDS.steps);
  if (!Array.isArray(value)) return ALL_STEPS;
  let steps = parsedSteps.get(value);
  if (steps === undefined) {
    steps = normaliseSteps(value);
    parsedSteps.set(value, steps);
  }
  return steps;
}

/** Longest question for the room (a sentence or two, read from the back of the room). */
export const STEP_QUESTION_MAX = 300;
export const StepQuestion = z.string().max(STEP_QUESTION_MAX);

export function questionsMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.questions);
}

/** The facilitator's question for the room at each step that has one (malformed entries skipped). */
export function readStepQuestions(control: Y.Doc): Partial<Record<Step, string>> {
  const out: Partial<Record<Step, string>> = {};
  // Reading must not define the root: a document without questions stays as it was.
  if (!control.share.has(CONTROL_ROOTS.questions)) return out;
  for (const [step, question] of questionsMap(control).entries()) {
    if (!StepSchema.safeParse(step).success || typeof question !== 'string') continue;
    const text = question.trim().slice(0, STEP_QUESTION_MAX);
    if (text !== '') out[step as Step] = text;
  }
  return out;
}

/** The question for the room at a step, or `null`. */
export function readStepQuestion(control: Y.Doc, step: Step): string | null {
  return readStepQuestions(control)[step] ?? null;
}

/** Facilitator command: sets the question for the room at a step; an empty one clears it. */
export function setStepQuestion(control: Y.Doc, step: Step, question: string): void {
  const key = StepSchema.parse(step);
  const text = StepQuestion.parse(question.trim());
  control.transact(() => {
    if (text === '') questionsMap(control).delete(key);
    else questionsMap(control).set(key, text);
  }, LOCAL_ORIGIN);
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
export function seedControl(control: Y.Doc, template: WorkshopTemplate = 'full'): void {
  seedControlContent(control, TEMPLATE_CONTENT[template]);
}

/**
 * Writes a new control document's first content with these steps (the room starts on the
 * first), themes (archived ones included) and questions for the room (an import's);
 * `seedControl` gives a template's.
 */
export function seedControlContent(
  control: Y.Doc,
  { steps, themes, questions = {} }: TemplateContent & { questions?: Partial<Record<Step, string>> },
): void {
  control.transact(() => {
    control.getMap(CONTROL_ROOTS.meta).set('layoutVersion', LAYOUT_VERSION);
    const state = stateMap(control);
    state.set(STATE_FIELDS.step, steps[0] ?? 'assessment');
    state.set(STATE_FIELDS.steps, [...steps]);
    state.set(STATE_FIELDS.stepsFree, false);
    state.set(STATE_FIELDS.locked, false);
    const map = themesMap(control);
    for (const theme of themes) map.set(theme.id, { ...theme, label: { ...theme.label } });
    for (const [step, question] of Object.entries(questions)) {
      const text = StepQuestion.parse(question.trim());
      if (text !== '') questionsMap(control).set(StepSchema.parse(step), text);
    }
  }, SERVER_ORIGIN);
}

/** Facilitator command: moves everyone to a step (one of the workshop's). */
export function setStep(control: Y.Doc, step: Step): void {
  const next = StepSchema.parse(step);
  if (!readSteps(control).includes(next)) throw new Error(`This workshop has no step ${next}`);
  control.transact(() => stateMap(control).set(STATE_FIELDS.step, next), LOCAL_ORIGIN);
}

/** Facilitator command: lets participants look at other steps than the room's, or brings them back. */
export function setStepsFree(control: Y.Doc, free: boolean): void {
  control.transact(() => stateMap(control).set(STATE_FIELDS.stepsFree, free), LOCAL_ORIGIN);
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

/**
 * Facilitator command: sets, starts, pauses… the timer (see timer.ts), or removes it (`null`).
 * The server sets it too, with its origin, when a timed vote round opens or gets more time.
 */
export function setTimer(
  control: Y.Doc,
  timer: TimerState | null,
  origin: typeof LOCAL_ORIGIN | typeof SERVER_ORIGIN = LOCAL_ORIGIN,
): void {
  control.transact(() => {
    if (timer === null) stateMap(control).delete(STATE_FIELDS.timer);
    // Validated here too: a bad value would be read back as "no timer" by everyone.
    else stateMap(control).set(STATE_FIELDS.timer, TimerState.parse(timer));
  }, origin);
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
