import {
  addNote,
  assignNote,
  attachIssue,
  buildStrategy,
  createAction,
  createAxis,
  createCluster,
  seedBoard,
  seedControl,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportPreview } from './exportPreview';

const PEOPLE = [
  { id: 'f', name: 'Camille', group: 'staff', role: 'facilitator', coFacilitator: false, removed: false },
  { id: 'a', name: 'Alice', group: 'resident', role: 'participant', coFacilitator: false, removed: false },
  { id: 'b', name: 'Bob', group: 'business', role: 'participant', coFacilitator: false, removed: true },
] as const;

/** A workshop's documents after `build`, as the facilitator's client would hold them, read as the export. */
function strategyOf(build: (board: Y.Doc) => void) {
  const board = new Y.Doc();
  const control = new Y.Doc();
  seedBoard(board);
  seedControl(control, 'full');
  build(board);
  return buildStrategy({
    board,
    control,
    workshop: {
      id: 'w1',
      title: 'Atelier',
      territory: { name: 'Val de Loue', kind: 'epci' },
      locale: 'fr',
      createdAt: '2026-12-03T09:00:00.000Z',
    },
    people: PEOPLE,
    exportedBy: { id: 'f', name: 'Camille' },
    exportedAt: new Date(),
    includeNames: false,
    appVersion: '',
  });
}

const note = (board: Y.Doc, text: string) => addNote(board, { x: 0, y: 0, author: 'a', text });

describe('exportPreview', () => {
  it('counts what the export holds, people removed from the workshop left out', () => {
    const strategy = strategyOf((board) => {
      const issue = createCluster(board, { title: 'Mobilité', x: 0, y: 0 });
      assignNote(board, note(board, 'Pas de bus'), issue);
      assignNote(board, note(board, 'Pas de vélo'), issue);
      const axis = createAxis(board, { title: 'Se déplacer' });
      attachIssue(board, issue, axis);
      createAction(board, { title: 'Transport à la demande', axis });
    });
    expect(exportPreview(strategy, { unrevealedRounds: 0 })).toEqual({
      counts: { notes: 2, issues: 1, axes: 1, actions: 1, partners: 0, indicators: 0, rounds: 0, people: 2 },
      warnings: [],
    });
  });

  it('gives no warning about the steps a workshop stopped before', () => {
    const strategy = strategyOf((board) => {
      note(board, 'Pas de bus');
      createCluster(board, { title: 'Mobilité', x: 0, y: 0 });
    });
    // Issues exist, axes do not: the unsorted note is worth a word, the issue with no axis is not.
    expect(exportPreview(strategy, { unrevealedRounds: 0 }).warnings).toEqual([
      { kind: 'notesUnsorted', n: 1 },
    ]);
  });

  it('warns of unsorted and empty notes, issues and sheets with no axis, and unrevealed rounds', () => {
    const strategy = strategyOf((board) => {
      const issue = createCluster(board, { title: 'Mobilité', x: 0, y: 0 });
      createCluster(board, { title: 'Numérique', x: 0, y: 0 });
      assignNote(board, note(board, 'Pas de bus'), issue);
      note(board, '  ');
      note(board, 'Zones blanches');
      const axis = createAxis(board, { title: 'Se déplacer' });
      attachIssue(board, issue, axis);
      createAction(board, { title: 'Sans axe', axis: null });
      createAction(board, { title: 'Sans axe non plus', axis: null });
    });
    expect(exportPreview(strategy, { unrevealedRounds: 1 }).warnings).toEqual([
      { kind: 'notesUnsorted', n: 2 },
      { kind: 'emptyNotes', n: 1 },
      { kind: 'issuesWithoutAxis', n: 1 },
      { kind: 'sheetsWithoutAxis', n: 2 },
      { kind: 'roundsUnrevealed', n: 1 },
    ]);
  });
});
