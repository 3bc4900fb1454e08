import { addNote, LIMITS, readNotes } from '@atelier/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { batchStoredUpdates } from './storedUpdates';

const SERVER = Symbol('provider');

/** The two things batchStoredUpdates uses of y-indexeddb: the doc and its store function. */
function fakePersistence(doc: Y.Doc) {
  const written: Uint8Array[] = [];
  const persistence = { doc, _storeUpdate: (update: Uint8Array) => written.push(update) };
  doc.on('update', persistence._storeUpdate);
  return { persistence: persistence as unknown as IndexeddbPersistence, written };
}

/** What a fresh tab would load from the stored updates. */
function reload(written: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of written) Y.applyUpdate(doc, update);
  return doc;
}

/** Each note's text, by id. */
function texts(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries(readNotes(doc).map((note) => [note.id, note.text]));
}

/** Someone else's notes (id → text), arriving from the server as one update. */
function remoteNotes(doc: Y.Doc, notes: Record<string, string>): void {
  const other = new Y.Doc();
  for (const [id, text] of Object.entries(notes)) addNote(other, { id, text, x: 0, y: 0, author: 'them' });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), SERVER);
}

const remoteEdit = (doc: Y.Doc, id: string, text: string) => remoteNotes(doc, { [id]: text });
/** The person's own note, written on this tab. */
const ownEdit = (doc: Y.Doc, id: string, text: string) =>
  addNote(doc, { id, text, x: 0, y: 0, author: 'me' });

describe('stored updates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes other people’s updates together, a second later, and loses none', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    batchStoredUpdates(persistence, (origin) => origin === SERVER);
    for (let i = 0; i < 50; i++) remoteEdit(doc, `n${i}`, `text ${i}`);
    expect(written).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(1);
    expect(readNotes(doc)).toHaveLength(50);
    expect(texts(reload(written))).toEqual(texts(doc));
  });

  it('writes the person’s own edit at once, with what was queued before it', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'theirs', 'a');
    ownEdit(doc, 'mine', 'b');
    expect(written).toHaveLength(1);
    expect(texts(reload(written))).toEqual({ theirs: 'a', mine: 'b' });
  });

  it('stores nothing more once stopped (the copy is being cleared)', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    const stored = batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'queued', 'x');
    stored.stop();
    ownEdit(doc, 'after', 'y');
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(0);
  });

  it('writes a first sync of a big board on its own, without waiting or merging', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'small', 'x');
    // A big board: 60 full notes, over 100 kB in one update.
    const big = Array.from({ length: 60 }, (_, i) => [`big${i}`, 'y'.repeat(LIMITS.noteText)]);
    remoteNotes(doc, Object.fromEntries(big));
    expect(written).toHaveLength(2);
    expect(written[1]?.byteLength).toBeGreaterThan(100_000);
    expect(texts(reload(written)).small).toBe('x');
    expect(readNotes(reload(written))).toHaveLength(61);
  });
});
