import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countDrafts, moveDraftsToBoard, updateAddsNote } from './drafts';
import {
  addNote,
  deleteNote,
  moveNote,
  type Note,
  notesMap,
  readNotes,
  setNoteText,
  setNoteTheme,
} from './notes';
import { NOTE_HEIGHT, NOTE_WIDTH } from './placement';

/** Runs `change` on a replica of `board` and returns the update it made. */
function updateOf(board: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(board));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

describe('updateAddsNote', () => {
  const board = new Y.Doc();
  addNote(board, { id: 'n1', x: 0, y: 0, author: 'a', text: 'hello' });

  it('sees a new note', () => {
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => addNote(r, { x: 1, y: 2, author: 'b' })),
      ),
    ).toBe(true);
  });

  it('sees a new map replacing an existing note', () => {
    const update = updateOf(board, (r) => notesMap(r).set('n1', new Y.Map()));
    expect(updateAddsNote(board, update)).toBe(true);
  });

  it('does not count edits, moves, theme changes and deletions', () => {
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => setNoteText(r, 'n1', 'hello world')),
      ),
    ).toBe(false);
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => moveNote(r, 'n1', { x: 9, y: 9 })),
      ),
    ).toBe(false);
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => setNoteTheme(r, 'n1', 't1')),
      ),
    ).toBe(false);
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => deleteNote(r, 'n1')),
      ),
    ).toBe(false);
  });

  it('does not count other roots', () => {
    expect(
      updateAddsNote(
        board,
        updateOf(board, (r) => r.getMap('clusters').set('c1', new Y.Map())),
      ),
    ).toBe(false);
  });

  it('sees a note added in the same update as a later overwrite of it', () => {
    const update = updateOf(board, (r) => {
      addNote(r, { id: 'n2', x: 0, y: 0, author: 'b' });
      notesMap(r).set('n2', new Y.Map());
    });
    expect(updateAddsNote(board, update)).toBe(true);
  });
});

describe('moveDraftsToBoard', () => {
  it('moves every draft with its id, text and place, signed by the owner, and empties the drafts', () => {
    const drafts = new Y.Doc();
    addNote(drafts, { id: 'd1', x: 10, y: 20, author: 'alice', text: 'Covoiturage' });
    addNote(drafts, { id: 'd2', x: 30, y: 40, author: 'someone-else', text: 'Tiers-lieu' });
    const board = new Y.Doc();
    addNote(board, { id: 'b1', x: 1000, y: 0, author: 'bob', text: 'Déjà là' });
    expect(countDrafts(drafts)).toBe(2);

    expect(moveDraftsToBoard(drafts, board, 'alice')).toBe(2);

    const notes = readNotes(board).sort((a, b) => a.id.localeCompare(b.id));
    expect(notes.map((n) => [n.id, n.text, n.author, n.x, n.y])).toEqual([
      ['b1', 'Déjà là', 'bob', 1000, 0],
      ['d1', 'Covoiturage', 'alice', 10, 20],
      ['d2', 'Tiers-lieu', 'alice', 30, 40],
    ]);
    expect(countDrafts(drafts)).toBe(0);
  });

  it('moves a draft that would cover someone else’s note to the nearest free spot', () => {
    const board = new Y.Doc();
    addNote(board, { id: 'b1', x: 0, y: 0, author: 'bob', text: 'Déjà là' });
    const alice = new Y.Doc();
    addNote(alice, { id: 'a1', x: 0, y: 0, author: 'alice', text: 'Covoiturage' });
    // Her own two drafts overlap as she laid them out: that stays.
    addNote(alice, { id: 'a2', x: 400, y: 0, author: 'alice', text: 'Navette' });
    addNote(alice, { id: 'a3', x: 420, y: 20, author: 'alice', text: 'Autopartage' });
    const chloe = new Y.Doc();
    addNote(chloe, { id: 'c1', x: 0, y: 0, author: 'chloe', text: 'Vélos' });
    moveDraftsToBoard(alice, board, 'alice');
    moveDraftsToBoard(chloe, board, 'chloe');

    const notes = readNotes(board);
    const at = (id: string) => notes.find((n) => n.id === id);
    const overlap = (a: Note, b: Note) =>
      Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;
    for (const a of notes)
      for (const b of notes)
        if (a.author !== b.author) expect(overlap(a, b), `${a.id} over ${b.id}`).toBe(false);
    expect([at('a2')?.x, at('a3')?.x]).toEqual([400, 420]);
    // The displaced ones stay close to where they were drafted.
    expect(Math.hypot(at('a1')?.x ?? 1e9, at('a1')?.y ?? 1e9)).toBeLessThan(3 * NOTE_WIDTH);
  });

  it('gives the moved notes the owner’s table when the server names one (a table round)', () => {
    const drafts = new Y.Doc();
    addNote(drafts, { id: 'd1', x: 0, y: 0, author: 'alice', text: 'Covoiturage', table: 't2' });
    addNote(drafts, { id: 'd2', x: 400, y: 0, author: 'alice', text: 'Navette' });
    const board = new Y.Doc();
    moveDraftsToBoard(drafts, board, 'alice', 't1');
    expect(readNotes(board).map((n) => n.table)).toEqual(['t1', 't1']);
    const outside = new Y.Doc();
    addNote(outside, { id: 'd3', x: 0, y: 0, author: 'bob', text: 'Vélo', table: 't2' });
    moveDraftsToBoard(outside, board, 'bob');
    expect(readNotes(board).find((n) => n.id === 'd3')?.table).toBe('t2');
  });

  it('changes nothing when there are no drafts', () => {
    const board = new Y.Doc();
    let updates = 0;
    board.on('update', () => updates++);
    expect(moveDraftsToBoard(new Y.Doc(), board, 'alice')).toBe(0);
    expect(updates).toBe(0);
  });
});
