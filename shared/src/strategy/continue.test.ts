import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { binNote, readBin } from '../doc/bin';
import { readClusters } from '../doc/clusters';
import {
  readControlState,
  readFollow,
  readNoteEditing,
  readStepQuestions,
  setFollow,
  setLocked,
  setNoteEditing,
  setSilent,
  setTimer,
} from '../doc/control';
import { readNotes } from '../doc/notes';
import { readAllThemes } from '../doc/themes';
import { newTimer } from '../doc/timer';
import { readRounds } from '../votes/votesDoc';
import { buildStrategy } from './build';
import { continueSession } from './continue';
import { fixtureWorkshop } from './workshop.fixture';

/** The fixture as a session mid-way: locked, timed, silent, followed, a note in the bin. */
function earlierSession() {
  const fixture = fixtureWorkshop();
  const { control, board } = fixture;
  setLocked(control, true);
  setSilent(control, true);
  setFollow(control, 'p-camille');
  setTimer(control, newTimer({ durationMs: 60_000, freezeAtEnd: true }));
  setNoteEditing(control, 'all');
  binNote(board, 'n6', 'p-hugo', 1);
  return fixture;
}

describe('continueSession', () => {
  it('starts the new board from the earlier one, every item with its id, authors renamed', () => {
    const { board, control, source } = earlierSession();
    const target = { board: new Y.Doc(), control: new Y.Doc() };
    const people = new Map([
      ['p-lea', 'new-lea'],
      ['p-hugo', 'new-hugo'],
    ]);
    continueSession({ board, control }, target, { steps: ['axes', 'actions'], people });

    const before = buildStrategy(source);
    const after = buildStrategy({ ...source, board: target.board, control: target.control });
    for (const collection of ['issues', 'axes', 'actions', 'partners', 'indicators'] as const)
      expect(after[collection].map((x) => x.id)).toEqual(before[collection].map((x) => x.id));
    expect(readClusters(target.board)).toEqual(readClusters(board));
    // Notes keep their ids and texts; their authors are the new session's people (others unchanged).
    const authors = Object.fromEntries(readNotes(target.board).map((n) => [n.id, n.author]));
    expect(authors).toMatchObject({ n1: 'new-lea', n2: 'new-hugo', n3: 'new-lea', n4: 'p-gone' });
    expect(readNotes(target.board).map((n) => n.text)).toEqual(readNotes(board).map((n) => n.text));
    expect(readBin(target.board)).toEqual([
      expect.objectContaining({
        deletedBy: 'new-hugo',
        note: expect.objectContaining({ id: 'n6', author: 'new-hugo' }),
      }),
    ]);
    // The earlier session is left as it was.
    expect(readNotes(board).find((n) => n.id === 'n1')?.author).toBe('p-lea');
  });

  it('gives the new session its own control: the new steps, the themes and note rule kept, the rest afresh', () => {
    const { board, control } = earlierSession();
    const target = { board: new Y.Doc(), control: new Y.Doc() };
    continueSession({ board, control }, target, { steps: ['actions', 'axes'], people: new Map() });

    expect(readControlState(target.control)).toEqual({
      step: 'axes',
      steps: ['axes', 'actions'],
      stepsFree: false,
      locked: false,
      timer: null,
      silent: false,
      noteEditing: 'all',
    });
    expect(readFollow(target.control)).toBeNull();
    expect(readStepQuestions(target.control)).toEqual({});
    expect(readRounds(target.control)).toEqual([]);
    expect(readAllThemes(target.control)).toEqual(readAllThemes(control));
    expect(readNoteEditing(target.control)).toBe('all');
  });
});
