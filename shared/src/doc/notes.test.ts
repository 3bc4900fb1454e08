import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
    const a = board();
    const id = addNote(a, { x: 0, y: 0, author: 'p1', text: 'Piste cyclable' });
    const b = board();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setNoteText(a, id, 'Nouvelle piste cyclable');
    setNoteText(b, id, 'Piste cyclable sécurisée');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(a)[0]?.text).toBe('Nouvelle piste cyclable sécurisée');
    expect(readNotes(b)).toEqual(readNotes(a));
  });

  it('converges when replicas run conflicting commands and exchange updates in random order', () => {
    const replicas = [board(), board(), board()];
    const seed = replicas[0]!;
    const ids = [0, 1, 2, 3].map((i) =>
      addNote(seed, { x: i * 10, y: 0, author: 'seed', text: `n${i}`, now: i }),
    );
    for (const r of replicas.slice(1)) Y.applyUpdate(r, Y.encodeStateAsUpdate(seed));
    const updates: Uint8Array[] = [];
    for (const doc of replicas) {
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === LOCAL_ORIGIN) updates.push(u);
      });
    }
    let rnd = 42;
    const random = () => {
      rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
      return rnd / 2 ** 31;
    };
    replicas.forEach((doc, r) => {
      for (let step = 0; step < 20; step++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const op = Math.floor(random() * 4);
        if (op === 0) moveNote(doc, id, { x: random() * 1000, y: random() * 1000 }, step);
        else if (op === 1) setNoteText(doc, id, `${readNotes(doc).find((n) => n.id === id)?.text ?? ''}${r}`);
        else if (op === 2) setNoteTheme(doc, id, random() > 0.5 ? 'data' : null);
        else addNote(doc, { x: 0, y: 0, author: `r${r}`, text: `new ${r}/${step}` });
      }
    });
    if (ids[0]) deleteNote(replicas[1]!, ids[0]);
    const shuffled = [...updates].sort(() => random() - 0.5);
    for (const doc of replicas) for (const u of shuffled) Y.applyUpdate(doc, u, 'remote');
    const [first, ...rest] = replicas.map((doc) => readNotes(doc).sort((x, y) => x.id.localeCompare(y.id)));
    for (const other of rest) expect(other).toEqual(first);
  });
});
