import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../store/docs';
import { type Peer, PersistError, Room } from './room';

/** An in-memory DocStore whose appends can be made to fail, like a full disk. */
function memoryStore() {
  const docs = new Map<string, StoredDoc>();
  let seq = 0;
  const store = {
    failing: false as boolean,
    load: (name: string) => docs.get(name) ?? { snapshot: null, updates: [], lastSeq: 0 },
    append(name: string, update: Uint8Array) {
      if (store.failing) throw new Error('disk full');
      const doc = store.load(name);
      seq++;
      docs.set(name, { ...doc, updates: [...doc.updates, update], lastSeq: seq });
      return seq;
    },
    compact(name: string, snapshot: Uint8Array, uptoSeq: number) {
      docs.set(name, { snapshot, updates: [], lastSeq: uptoSeq });
    },
  } satisfies DocStore & { failing: boolean };
  return store;
}

function peer(): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return { received, awarenessClientId: null, send: (m) => received.push(m) };
}

function update(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  fn(doc);
  return Y.encodeStateAsUpdate(doc);
}

const log = pino({ level: 'silent' });

describe('Room', () => {
  it('stores an update before broadcasting it to the other peers, not back to its sender', () => {
    const store = memoryStore();
    const room = new Room('w1', store, log, { compactEvery: 100 });
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    room.applyUpdate(
      update((d) => d.getMap('m').set('k', 1)),
      alice,
    );
    expect(store.load('w1').updates).toHaveLength(1);
    expect(bob.received).toHaveLength(1);
    expect(alice.received).toHaveLength(0);
  });

  it('broadcasts nothing it could not store, and writes it with the next snapshot', () => {
    const store = memoryStore();
    const room = new Room('w1', store, log, { compactEvery: 100 });
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    store.failing = true;
    expect(() =>
      room.applyUpdate(
        update((d) => d.getMap('m').set('k', 1)),
        alice,
      ),
    ).toThrow(PersistError);
    expect(bob.received).toHaveLength(0);
    store.failing = false;
    room.compact();
    const reloaded = new Room('w1', store, log, { compactEvery: 100 });
    expect(reloaded.doc.getMap('m').get('k')).toBe(1);
  });

  it('compacts the log into a snapshot after the configured number of updates', () => {
    const store = memoryStore();
    const room = new Room('w1', store, log, { compactEvery: 3 });
    const author = peer();
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => room.applyUpdate(u, author));
    for (let i = 0; i < 4; i++) source.getMap('m').set(`k${i}`, i);
    const stored = store.load('w1');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    expect(new Room('w1', store, log, { compactEvery: 3 }).doc.getMap('m').toJSON()).toEqual({
      k0: 0,
      k1: 1,
      k2: 2,
      k3: 3,
    });
  });
});
