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

function remoteEdit(doc: Y.Doc, key: string, value: string): void {
  const other = new Y.Doc();
  other.getMap('m').set(key, value);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), SERVER);
}

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
    expect(reload(written).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('writes the person’s own edit at once, with what was queued before it', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'theirs', 'a');
    doc.getMap('m').set('mine', 'b');
    expect(written).toHaveLength(1);
    expect(reload(written).getMap('m').toJSON()).toEqual({ theirs: 'a', mine: 'b' });
  });

  it('stores nothing more once stopped (the copy is being cleared)', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    const stored = batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'queued', 'x');
    stored.stop();
    doc.getMap('m').set('after', 'y');
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(0);
  });

  it('writes a first sync of a big board on its own, without waiting or merging', () => {
    const doc = new Y.Doc();
    const { persistence, written } = fakePersistence(doc);
    batchStoredUpdates(persistence, (origin) => origin === SERVER);
    remoteEdit(doc, 'small', 'x');
    remoteEdit(doc, 'big', 'y'.repeat(100_000));
    expect(written).toHaveLength(2);
    expect(written[1]?.byteLength).toBeGreaterThan(100_000);
    expect(reload(written).getMap('m').get('small')).toBe('x');
  });
});
