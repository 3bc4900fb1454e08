import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, deleteAction } from './actions';
import { convergence } from './convergence.fixture';
import {
  emptyProcess,
  processMap,
  processProgress,
  readProcess,
  readProcesses,
  setProcessStep,
} from './process';

describe('partnership process (step 5)', () => {
  it('reads every step as todo until it is set, and sets steps one by one', () => {
    const doc = new Y.Doc();
    const sheet = createAction(doc, { title: 'Appli vélo', axis: null }, 's1');
    expect(readProcess(doc, sheet)).toEqual(emptyProcess());
    expect(readProcesses(doc)).toEqual({});
    setProcessStep(doc, sheet, 'socio-economic-assessment', 'done');
    setProcessStep(doc, sheet, 'economic-model', 'in-progress');
    setProcessStep(doc, sheet, 'procurement-procedure', 'not-applicable');
    const state = readProcess(doc, sheet);
    expect(state).toEqual({
      'socio-economic-assessment': 'done',
      'economic-model': 'in-progress',
      'financing-plan': 'todo',
      'business-plan': 'todo',
      'structure-choice': 'todo',
      'procurement-procedure': 'not-applicable',
    });
    expect(readProcesses(doc)).toEqual({ [sheet]: state });
    expect(processProgress(state)).toEqual({ done: 1, inProgress: 1, applicable: 5 });
  });

  it('refuses an unknown step, an unknown status or an unknown sheet, changing nothing', () => {
    const doc = new Y.Doc();
    const sheet = createAction(doc, { title: 'Appli vélo', axis: null }, 's1');
    expect(() => setProcessStep(doc, sheet, 'marketing' as never, 'done')).toThrow();
    expect(() => setProcessStep(doc, sheet, 'economic-model', 'finished' as never)).toThrow();
    expect(() => setProcessStep(doc, 'gone', 'economic-model', 'done')).toThrow(/No action sheet/);
    expect(processMap(doc).size).toBe(0);
  });

  it('keeps both of two people’s first ticks on the same sheet (flat keys, no per-sheet map to fight over)', () => {
    const start = new Y.Doc();
    const sheet = createAction(start, { title: 'Appli vélo', axis: null }, 's1');
    const net = convergence({ replicas: 2, from: { board: start } });
    const [a, b] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    setProcessStep(a, sheet, 'economic-model', 'done');
    setProcessStep(b, sheet, 'business-plan', 'in-progress');
    net.expectConverged();
    for (const doc of [a, b])
      expect(readProcess(doc, sheet)).toMatchObject({
        'economic-model': 'done',
        'business-plan': 'in-progress',
      });
  });

  it('keeps the process of a deleted sheet and skips malformed entries', () => {
    const doc = new Y.Doc();
    const sheet = createAction(doc, { title: 'Appli vélo', axis: null }, 's1');
    setProcessStep(doc, sheet, 'financing-plan', 'done');
    deleteAction(doc, sheet);
    processMap(doc).set('junk', 'done');
    processMap(doc).set(`${sheet}/marketing`, 'done');
    processMap(doc).set(`${sheet}/business-plan`, 42);
    expect(readProcesses(doc)).toEqual({ [sheet]: { ...emptyProcess(), 'financing-plan': 'done' } });
  });
});
