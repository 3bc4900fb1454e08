import type * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { requireAction } from './partners';

/**
 * Step 5 (partnerships): where each action sheet stands in the partnership process (French:
 * démarche partenariale), six steps each with a status.
 *
 * Layout: the board's `process` root is a `Y.Map` whose keys are `<action sheet id>/<step>`
 * and whose values are statuses. It is flat on purpose: with one nested `Y.Map` per sheet,
 * two people ticking the first steps of the same sheet at once (or one of them offline)
 * would each create that sheet's map, and Yjs keeps only one of two values written to the
 * same key: the other person's ticks would be lost. With one key per step, concurrent ticks
 * of different steps all survive, and two ticks of the same step resolve to one of them.
 * A missing key reads as `todo`. Entries of a deleted sheet stay (undoing the deletion
 * brings the sheet back with its process).
 */

/** The six steps of the process, in the order they are usually taken. */
export const PROCESS_STEPS = [
  'socio-economic-assessment',
  'economic-model',
  'financing-plan',
  'business-plan',
  'structure-choice',
  'procurement-procedure',
] as const;
export const ProcessStep = z.enum(PROCESS_STEPS);
export type ProcessStep = z.infer<typeof ProcessStep>;

/** French: à faire, en cours, fait, non concerné. */
export const PROCESS_STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
export const ProcessStatus = z.enum(PROCESS_STATUSES);
export type ProcessStatus = z.infer<typeof ProcessStatus>;

/** One sheet's process: a status for every step. */
export type ProcessState = Record<ProcessStep, ProcessStatus>;

/** How far a sheet's process is: steps done among those that apply to it. */
export interface ProcessProgress {
  done: number;
  inProgress: number;
  /** Steps that apply (all six minus the `not-applicable` ones). */
  applicable: number;
}

export function processMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.process);
}

function keyOf(action: string, step: ProcessStep): string {
  return `${action}/${step}`;
}

/** Every step `todo`. */
export function emptyProcess(): ProcessState {
  return Object.fromEntries(PROCESS_STEPS.map((step) => [step, 'todo'])) as ProcessState;
}

/**
 * The process of every sheet that has at least one step set, keyed by sheet id (sheets
 * that were deleted included); malformed entries are skipped.
 */
export function readProcesses(doc: Y.Doc): Record<string, ProcessState> {
  const out: Record<string, ProcessState> = {};
  for (const [key, value] of processMap(doc).entries()) {
    const slash = key.lastIndexOf('/');
    if (slash <= 0) continue;
    const step = ProcessStep.safeParse(key.slice(slash + 1));
    const status = ProcessStatus.safeParse(value);
    if (!step.success || !status.success) continue;
    const action = key.slice(0, slash);
    const state = out[action] ?? emptyProcess();
    state[step.data] = status.data;
    out[action] = state;
  }
  return out;
}

/** One sheet's process (`todo` for the steps never set). */
export function readProcess(doc: Y.Doc, action: string): ProcessState {
  const state = emptyProcess();
  const map = processMap(doc);
  for (const step of PROCESS_STEPS) {
    const status = ProcessStatus.safeParse(map.get(keyOf(action, step)));
    if (status.success) state[step] = status.data;
  }
  return state;
}

/**
 * The `process` root's entries that hold one sheet's `state` (to be set in a transaction): one
 * per step that is not `todo`, since a missing key reads as `todo`.
 */
export function processEntries(action: string, state: ProcessState): [string, ProcessStatus][] {
  return PROCESS_STEPS.filter((step) => state[step] !== 'todo').map((step) => [
    keyOf(action, step),
    state[step],
  ]);
}

export function processProgress(state: ProcessState): ProcessProgress {
  const statuses = PROCESS_STEPS.map((step) => state[step]);
  return {
    done: statuses.filter((s) => s === 'done').length,
    inProgress: statuses.filter((s) => s === 'in-progress').length,
    applicable: statuses.filter((s) => s !== 'not-applicable').length,
  };
}

/** Sets one step of a sheet's process; throws (zod) on an unknown step or status, or an unknown sheet. */
export function setProcessStep(doc: Y.Doc, action: string, step: ProcessStep, status: ProcessStatus): void {
  const parsedStep = ProcessStep.parse(step);
  const parsedStatus = ProcessStatus.parse(status);
  requireAction(doc, action);
  const map = processMap(doc);
  const key = keyOf(action, parsedStep);
  if (map.get(key) === parsedStatus) return;
  doc.transact(() => map.set(key, parsedStatus), LOCAL_ORIGIN);
}
