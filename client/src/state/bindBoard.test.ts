import { addNote, deleteNote, moveNote, setNoteText, setNoteTheme } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindBoard } from './bindBoard';
import { createBoardStore } from './store';

function setup() {
  const doc = new Y.Doc();
  const store = createBoardStore();
  const { unbind } = bindBoard(store, doc);
  return { doc, store, unbind };
}

describe('bindBoard', () => {
  it('reflects notes that already exist when it binds', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'a', x: 1, y: 2, author: 'p1', text: 'hello' });
    const store = createBoardStore();
    bindBoard(store, doc);
    expect(store.getState().notes.a).toMatchObject({ id: 'a', x: 1, y: 2, text: 'hello', author: 'p1' });
  });

  it('reflects adds, text edits, theme changes, moves and deletes', () => {
    const { doc, store } = setup();
    addNote(doc, { id: 'a', x: 0, y: 0, author: 'p1' });
    expect(store.getState().notes.a?.text).toBe('');
    setNoteText(doc, 'a', 'Piste cyclable');
    expect(store.getState().notes.a?.text).toBe('Piste cyclable');
    setNoteTheme(doc, 'a', 'mobility');
    expect(store.getState().notes.a?.theme).toBe('mobility');
    moveNote(doc, 'a', { x: 120, y: -40 });
    expect(store.getState().notes.a).toMatchObject({ x: 120, y: -40 });
    deleteNote(doc, 'a');
    expect(store.getState().notes.a).toBeUndefined();
    expect(Object.keys(store.getState().notes)).toEqual([]);
  });

  it('keeps the other notes identical (===) when one note moves or changes', () => {
    const { doc, store } = setup();
    addNote(doc, { id: 'a', x: 0, y: 0, author: 'p1', text: 'A' });
    addNote(doc, { id: 'b', x: 10, y: 10, author: 'p1', text: 'B' });
    addNote(doc, { id: 'c', x: 20, y: 20, author: 'p2', text: 'C' });
    const before = store.getState().notes;
    moveNote(doc, 'b', { x: 300, y: 300 });
    const after = store.getState().notes;
    expect(after).not.toBe(before);
    expect(after.a).toBe(before.a);
    expect(after.c).toBe(before.c);
    expect(after.b).not.toBe(before.b);
    expect(after.b).toMatchObject({ x: 300, y: 300 });
    setNoteText(doc, 'c', 'C!');
    expect(store.getState().notes.a).toBe(before.a);
    expect(store.getState().notes.b).toBe(after.b);
  });

  it('applies remote updates from another replica', () => {
    const { doc, store } = setup();
    const remote = new Y.Doc();
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'));
    addNote(remote, { id: 'r', x: 5, y: 5, author: 'p2', text: 'remote' });
    setNoteText(remote, 'r', 'remote edit');
    expect(store.getState().notes.r?.text).toBe('remote edit');
  });

  it("folds other people's changes into one store write per frame, and writes one's own at once", () => {
    const doc = new Y.Doc();
    const store = createBoardStore();
    const frames: (() => void)[] = [];
    const binding = bindBoard(store, doc, (flush) => {
      frames.push(flush);
      return () => {};
    });
    let writes = 0;
    store.subscribe(() => writes++);
    const remote = new Y.Doc();
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'));
    addNote(remote, { id: 'r', x: 0, y: 0, author: 'p2' });
    for (let i = 1; i <= 20; i++) moveNote(remote, 'r', { x: i, y: 0 });
    expect(writes).toBe(0);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(writes).toBe(1);
    expect(store.getState().notes.r).toMatchObject({ x: 20, y: 0 });
    addNote(doc, { id: 'mine', x: 1, y: 1, author: 'p1' });
    expect(writes).toBe(2);
    expect(store.getState().notes.mine).toBeDefined();
    // Pending remote changes can be written on demand (the board's first sync, before fitting the view).
    moveNote(remote, 'r', { x: 99, y: 0 });
    binding.flush();
    expect(store.getState().notes.r).toMatchObject({ x: 99, y: 0 });
  });

  it('stops following the document once unbound', () => {
    const { doc, store, unbind } = setup();
    unbind();
    addNote(doc, { id: 'a', x: 0, y: 0, author: 'p1' });
    expect(store.getState().notes.a).toBeUndefined();
  });

  it('shows private drafts beside the board notes, marked, each binding keeping the other kind', () => {
    const board = new Y.Doc();
    const drafts = new Y.Doc();
    addNote(board, { id: 'b', x: 0, y: 0, author: 'p2', text: 'shared' });
    addNote(drafts, { id: 'd', x: 5, y: 5, author: 'p1', text: 'private' });
    const store = createBoardStore();
    bindBoard(store, board, null);
    const draftBinding = bindBoard(store, drafts, null, { draft: true });
    expect(store.getState().notes.b?.draft).toBeUndefined();
    expect(store.getState().notes.d).toMatchObject({ text: 'private', draft: true });

    // A replaced board document (resync) keeps the drafts.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(board));
    bindBoard(store, fresh, null);
    expect(Object.keys(store.getState().notes).sort()).toEqual(['b', 'd']);

    // The reveal: the draft leaves the drafts and arrives on the board under the same id.
    addNote(fresh, { id: 'd', x: 5, y: 5, author: 'p1', text: 'private' });
    deleteNote(drafts, 'd');
    expect(store.getState().notes.d).toMatchObject({ text: 'private' });
    expect(store.getState().notes.d?.draft).toBeUndefined();

    addNote(drafts, { id: 'd2', x: 0, y: 0, author: 'p1' });
    draftBinding.unbind();
    expect(Object.keys(store.getState().notes).sort()).toEqual(['b', 'd']);
  });
});
