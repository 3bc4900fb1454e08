import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { convergence } from './convergence.fixture';
import { addNote, deleteNote, moveNote, noteText, readNotes, setNoteText, setNoteTheme } from './notes';
import { LOCAL_ORIGIN } from './origins';

function board() {
  return new Y.Doc();
}

describe('note commands', () => {
  it('adds a note that reads back with its text, position, theme and author', () => {
    const doc = board();
    const id = addNote(doc, {
      x: 10.4,
      y: -3.6,
      author: 'p1',
      text: 'Bus trop rares',
      theme: 'mobility',
      now: 5,
    });
    expect(readNotes(doc)).toEqual([
      {
        id,
        text: 'Bus trop rares',
        x: 10,
        y: -4,
        theme: 'mobility',
        author: 'p1',
        createdAt: 5,
        z: 5,
        cluster: null,
        order: '',
        table: null,
      },
    ]);
  });

  it('edits, moves, recolours and deletes a note', () => {
    const doc = board();
    const id = addNote(doc, { x: 0, y: 0, author: 'p1' });
    expect(setNoteText(doc, id, 'Fibre')).toBe(true);
    expect(moveNote(doc, id, { x: 300, y: 120 }, 9)).toBe(true);
    expect(setNoteTheme(doc, id, 'digital')).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'Fibre', x: 300, y: 120, z: 9, theme: 'digital' });
    expect(deleteNote(doc, id)).toBe(true);
    expect(readNotes(doc)).toEqual([]);
  });

  it('reports false for a note that does not exist and changes nothing', () => {
    const doc = board();
    const before = Y.encodeStateAsUpdate(doc);
    expect(moveNote(doc, 'missing', { x: 1, y: 1 })).toBe(false);
    expect(setNoteText(doc, 'missing', 'x')).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('runs each command in one transaction with the local origin', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const id = addNote(doc, { x: 0, y: 0, author: 'p1', text: 'a' });
    moveNote(doc, id, { x: 5, y: 5 });
    setNoteText(doc, id, 'ab');
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
  });

  it('keeps non-finite coordinates out of the document', () => {
    const doc = board();
    const id = addNote(doc, { x: Number.NaN, y: Number.POSITIVE_INFINITY, author: 'p1' });
    expect(readNotes(doc)[0]).toMatchObject({ id, x: 0, y: 0 });
  });

  it('undoes only local changes', () => {
    const local = board();
    const remote = board();
    const undo = new Y.UndoManager(local.getMap('notes'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const id = addNote(local, { x: 0, y: 0, author: 'me', text: 'mine' });
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    addNote(remote, { x: 50, y: 50, author: 'them', text: 'theirs' });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), 'remote');
    undo.undo();
    expect(readNotes(local).map((n) => n.text)).toEqual(['theirs']);
    expect(noteText(local, id)).toBeNull();
  });
});

describe('concurrent editing', () => {
  it('merges two people typing in the same note character by character', () => {
    const start = board();
    const id = addNote(start, { x: 0, y: 0, author: 'p1', text: 'Piste cyclable' });
    const net = convergence({ replicas: 2, from: { board: start } });
    const [a, b] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    setNoteText(a, id, 'Nouvelle piste cyclable');
    setNoteText(b, id, 'Piste cyclable sécurisée');
    net.expectConverged();
    expect(readNotes(a)[0]?.text).toBe('Nouvelle piste cyclable sécurisée');
    expect(readNotes(b)).toEqual(readNotes(a));
  });

  it('keeps a note deleted when others moved, retyped and recoloured it meanwhile', () => {
    const start = board();
    const id = addNote(start, { x: 0, y: 0, author: 'p1', text: 'Bus', now: 1 });
    const net = convergence({ from: { board: start } });
    const [a, b, c] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc, Y.Doc];
    deleteNote(a, id);
    moveNote(b, id, { x: 40, y: 40 }, 2);
    setNoteText(c, id, 'Bus du dimanche');
    setNoteTheme(c, id, 'mobility');
    expect(net.expectConverged().notes).toEqual([]);
  });
});
