import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySlices, sliceUpdate } from './update-slices';

/** Three people editing one board at once, synced now and then: notes, moves, texts, deletions, nested maps. */
function busyBoard(): Y.Doc {
  const people = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const sync = () => {
    for (const a of people)
      for (const b of people) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < 30; round++) {
    people.forEach((doc, who) => {
      const notes = doc.getMap<Y.Map<unknown>>('notes');
      const order = doc.getArray<string>('order');
      const id = `n${round}-${who}`;
      const note = new Y.Map<unknown>();
      const text = new Y.Text(`idée ${round} de ${who}`);
      note.set('text', text);
      note.set('x', round * 10);
      note.set('tags', Y.Array.from(['mobilité', 'habitat']));
      notes.set(id, note);
      order.insert(Math.min(order.length, who), [id]);
      // Edits on what others wrote: moves, text typed in the middle, deletions.
      const others = [...notes.keys()].filter((key) => !key.endsWith(`-${who}`));
      const other = others[(round * 7 + who) % Math.max(1, others.length)];
      const theirs = other === undefined ? undefined : notes.get(other);
      if (theirs) {
        theirs.set('x', round * 3 + who);
        (theirs.get('text') as Y.Text).insert(2, `(${who})`);
      }
      if (round % 4 === 3 && others.length > 2) {
        notes.delete(others[0] as string);
        order.delete(0, 1);
      }
    });
    if (round % 3 === 2) sync();
  }
  sync();
  return people[0] as Y.Doc;
}

/** What the board holds (a Y.Doc's toJSON lists only the root types asked for on it). */
const content = (doc: Y.Doc) => ({
  notes: doc.getMap('notes').toJSON(),
  order: doc.getArray('order').toJSON(),
});

async function rebuilt(slices: readonly Uint8Array[]): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await applySlices(doc, slices, 0);
  return doc;
}

describe('sliceUpdate', () => {
  it('cuts a busy board into slices that rebuild the same document, each applying whole', async () => {
    const board = busyBoard();
    const state = Y.encodeStateAsUpdate(board);
    const slices = sliceUpdate(state, 7);
    expect(slices.length).toBeGreaterThan(10);
    // The deletions come last, in slices of their own too.
    const deletions = slices.filter((slice) => Y.decodeUpdate(slice).structs.length === 0);
    expect(deletions.length).toBeGreaterThan(1);
    expect(slices.slice(-deletions.length)).toEqual(deletions);

    const doc = new Y.Doc();
    for (const slice of slices) {
      Y.applyUpdate(doc, slice);
      // Nothing waits for a later slice: each one integrates completely.
      expect(doc.store.pendingStructs).toBeNull();
      expect(doc.store.pendingDs).toBeNull();
    }
    expect(content(doc)).toEqual(content(board));
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(board));
    // Same structs and deletions: what a client syncing from either would get is the same.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('rebuilds a snapshot and a log that overlaps it, merged', async () => {
    const board = busyBoard();
    const snapshot = Y.encodeStateAsUpdate(board);
    const before = Y.encodeStateVector(board);
    const log: Uint8Array[] = [];
    board.on('update', (update: Uint8Array) => log.push(update));
    const notes = board.getMap<Y.Map<unknown>>('notes');
    for (const key of [...notes.keys()].slice(0, 5)) notes.get(key)?.set('x', 999);
    notes.delete([...notes.keys()][6] as string);
    // The log also holds what the snapshot already has (compaction keeps the uncommitted tail).
    const overlap = Y.encodeStateAsUpdate(board, before);
    const merged = Y.mergeUpdates([snapshot, overlap, ...log]);

    const doc = await rebuilt(sliceUpdate(merged, 11));
    expect(content(doc)).toEqual(content(board));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(board));
  });

  it('leaves what refers to missing content pending, as one whole update would', async () => {
    const a = new Y.Doc();
    a.getArray('order').insert(0, ['first']);
    const early = Y.encodeStateVector(a);
    a.getArray('order').insert(1, ['second']);
    // What came after 'first' alone: 'second' refers to it.
    const missingTheFirst = Y.encodeStateAsUpdate(a, early);

    const doc = await rebuilt(sliceUpdate(missingTheFirst, 1));
    expect(doc.store.pendingStructs).not.toBeNull();
  });

  it('gives an empty document for an empty update, and throws on bytes that are not one', async () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(content(await rebuilt(sliceUpdate(empty)))).toEqual({ notes: {}, order: [] });
    expect(() => sliceUpdate(new Uint8Array([200, 1, 2, 3]))).toThrow();
  });

  it('yields to the event loop between slices once its budget is spent', async () => {
    const slices = sliceUpdate(Y.encodeStateAsUpdate(busyBoard()), 5);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    await applySlices(new Y.Doc(), slices, 0);
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(0);
  });
});
