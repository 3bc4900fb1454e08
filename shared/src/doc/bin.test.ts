import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { binNote, emptyBin, readBin, restoreNote } from './bin';
import { undoScope } from './board';
import { assignNote, createCluster, dissolveCluster, readClusters } from './clusters';
import { addNote, moveNote, readNotes, setNoteText } from './notes';
import { LOCAL_ORIGIN } from './origins';

function boardWithNote() {
  const doc = new Y.Doc();
  const id = addNote(doc, { x: 40, y: 60, author: 'ana', text: 'Bus trop rares', theme: 'mobility', now: 1 });
  return { doc, id };
}

/** Two replicas of one board that exchange their updates only when told to. */
function pair() {
  const { doc: a, id } = boardWithNote();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, id, sync };
}

describe('the bin', () => {
  it('keeps a deleted note with who deleted it and when, out of the board’s notes', () => {
    const { doc, id } = boardWithNote();
    expect(binNote(doc, id, 'bob', 1000)).toBe(true);
    expect(readNotes(doc)).toEqual([]);
    expect(readBin(doc)).toEqual([
      {
        note: expect.objectContaining({
          id,
          text: 'Bus trop rares',
          author: 'ana',
          x: 40,
          y: 60,
          theme: 'mobility',
        }),
        deletedBy: 'bob',
        deletedAt: 1000,
      },
    ]);
    expect(binNote(doc, id, 'bob')).toBe(false);
  });

  it('restores a note where it was, with its id and its issue when the issue still exists', () => {
    const { doc, id } = boardWithNote();
    const other = addNote(doc, { x: 0, y: 0, author: 'ana', text: 'Fibre' });
    const issue = createCluster(doc, { title: 'Mobilités', x: 0, y: 0 });
    const gone = createCluster(doc, { title: 'Numérique', x: 300, y: 0 });
    assignNote(doc, id, issue);
    assignNote(doc, other, gone);
    binNote(doc, id, 'bob');
    binNote(doc, other, 'bob');
    dissolveCluster(doc, gone);
    expect(restoreNote(doc, id)).toBe(true);
    expect(restoreNote(doc, other)).toBe(true);
    const notes = Object.fromEntries(readNotes(doc).map((n) => [n.id, n]));
    expect(notes[id]).toMatchObject({ text: 'Bus trop rares', x: 40, y: 60, author: 'ana', cluster: issue });
    expect(notes[other]).toMatchObject({ text: 'Fibre', cluster: null, order: '' });
    expect(readClusters(doc).find((c) => c.id === issue)?.noteIds).toEqual([id]);
    expect(readBin(doc)).toEqual([]);
    expect(restoreNote(doc, id)).toBe(false);
  });

  it('empties for good', () => {
    const { doc, id } = boardWithNote();
    binNote(doc, id, 'ana');
    expect(emptyBin(doc)).toBe(1);
    expect(readBin(doc)).toEqual([]);
    expect(readNotes(doc)).toEqual([]);
    expect(emptyBin(doc)).toBe(0);
  });

  it('gives the deleter’s Ctrl+Z the note back, and Ctrl+Y bins it again', () => {
    const { doc, id } = boardWithNote();
    const undo = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    undo.stopCapturing();
    binNote(doc, id, 'ana');
    undo.undo();
    expect(readNotes(doc)).toEqual([expect.objectContaining({ id, text: 'Bus trop rares', x: 40, y: 60 })]);
    expect(readBin(doc)).toEqual([]);
    undo.redo();
    expect(readNotes(doc)).toEqual([]);
    expect(readBin(doc).map((e) => e.note.id)).toEqual([id]);
  });

  it('converges when a note is edited and moved while someone bins it', () => {
    const { a, b, id, sync } = pair();
    setNoteText(a, id, 'Bus trop rares le soir');
    moveNote(a, id, { x: 500, y: 500 });
    binNote(b, id, 'bob', 5);
    sync();
    expect(readNotes(a)).toEqual([]);
    expect(readBin(a)).toEqual(readBin(b));
    expect(readBin(a)[0]?.note.text).toBe('Bus trop rares');
  });

  it('converges when two people bin the same note, and when it is restored while edited', () => {
    const { a, b, id, sync } = pair();
    binNote(a, id, 'ana', 5);
    binNote(b, id, 'bob', 6);
    sync();
    expect(readBin(a)).toEqual(readBin(b));
    expect(readBin(a)).toHaveLength(1);
    restoreNote(a, id);
    emptyBin(b);
    sync();
    expect(readNotes(a)).toEqual(readNotes(b));
    expect(readNotes(a).map((n) => n.id)).toEqual([id]);
    expect(readBin(a)).toEqual([]);
  });
});
