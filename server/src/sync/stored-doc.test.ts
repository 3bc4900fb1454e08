import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checksum, type StoredDoc } from '../store/docs';
import { encodeSyncStep2Update } from './messages';
import { type DocSlicer, loadStoredDoc, RoomDamaged, rebuildStoredDoc, sliceStoredDoc } from './stored-doc';

const log = pino({ level: 'silent' });

/** A document with two notes, as a snapshot, then one update by each of two other clients. */
function history() {
  const doc = new Y.Doc();
  const notes = doc.getMap('notes');
  for (const id of ['n1', 'n2']) {
    const note = new Y.Map();
    notes.set(id, note);
    note.set('text', `note ${id}`);
  }
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  for (const edit of [
    (d: Y.Doc) => d.getMap('other').set('k', 1),
    (d: Y.Doc) => (d.getMap('notes').get('n1') as Y.Map<string>).set('text', 'changed'),
  ]) {
    const client = new Y.Doc();
    Y.applyUpdate(client, snapshot);
    client.on('update', (u: Uint8Array) => updates.push(u));
    edit(client);
    Y.applyUpdate(doc, updates.at(-1) as Uint8Array);
  }
  return { doc, snapshot, updates };
}

const garbage = (bytes: Uint8Array) => bytes.map((_, i) => (i * 131 + 7) % 256);

describe('rebuildStoredDoc', () => {
  it('rebuilds the document from its snapshot and log', () => {
    const { doc, snapshot, updates } = history();
    const rebuilt = rebuildStoredDoc('w', { snapshot, updates, lastSeq: 3 }, log);
    expect(rebuilt.doc.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
    expect(rebuilt.skipped).toBe(0);
  });

  it('leaves out a logged update that does not decode when nothing else built on it', () => {
    const { snapshot, updates } = history();
    const [first, second] = updates as [Uint8Array, Uint8Array];
    const rebuilt = rebuildStoredDoc('w', { snapshot, updates: [garbage(first), second], lastSeq: 3 }, log);
    expect(rebuilt.skipped).toBe(1);
    expect(rebuilt.updates).toEqual([second]);
    expect((rebuilt.doc.getMap('notes').get('n1') as Y.Map<string>).get('text')).toBe('changed');
    expect(rebuilt.doc.getMap('other').get('k')).toBeUndefined();
  });

  it('refuses a room whose snapshot does not decode: the log behind it is gone', () => {
    const { snapshot, updates } = history();
    expect(() => rebuildStoredDoc('w', { snapshot: garbage(snapshot), updates, lastSeq: 3 }, log)).toThrow(
      RoomDamaged,
    );
  });

  it('refuses a room whose log builds on content that is not stored (a missing snapshot)', () => {
    const { updates } = history();
    expect(() => rebuildStoredDoc('w', { snapshot: null, updates, lastSeq: 3 }, log)).toThrow(
      /refer to content that is not stored/,
    );
  });

  it('refuses a room whose snapshot is not the one written, even if it decodes (its checksum)', () => {
    const { snapshot, updates } = history();
    const stored = { snapshot, updates, lastSeq: 3 };
    expect(() =>
      rebuildStoredDoc('w', { ...stored, snapshotChecksum: checksum(garbage(snapshot)) }, log),
    ).toThrow(/checksum mismatch/);
    expect(rebuildStoredDoc('w', { ...stored, snapshotChecksum: checksum(snapshot) }, log).skipped).toBe(0);
  });

  it('refuses a seeded room (a board, a control document) with nothing stored, but not a drafts room', () => {
    const empty = { snapshot: null, updates: [], lastSeq: 0 };
    expect(() => rebuildStoredDoc('w', empty, log, true)).toThrow(/snapshot is missing/);
    expect(rebuildStoredDoc('w/drafts/p', empty, log, false).skipped).toBe(0);
  });
});

describe('loadStoredDoc off the room thread', () => {
  // The worker's half run here: what a worker thread runs is this same function (workers/jobs.ts).
  const inProcess: DocSlicer = { sliceDoc: async (stored) => sliceStoredDoc(stored) };
  const load = (stored: StoredDoc, seeded = false, slicer = inProcess) =>
    loadStoredDoc('w', async () => stored, log, { seeded, slicer, fromBytes: 0 });

  it('rebuilds the same document from slices, keeping the log and the framed snapshot for the first sync replies', async () => {
    const { doc, snapshot, updates } = history();
    const rebuilt = await load({ snapshot, updates, lastSeq: 3 });
    expect(rebuilt.doc.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
    expect(rebuilt.doc.getMap('other').toJSON()).toEqual({ k: 1 });
    expect(rebuilt.snapshotStep2).toEqual(encodeSyncStep2Update(snapshot));
    expect(rebuilt.snapshotBytes).toBe(snapshot.byteLength);
    expect(rebuilt.lastSeq).toBe(3);
    expect(rebuilt.updates).toEqual(updates);
  });

  it('lets the event loop turn while a big board is applied', async () => {
    // Big enough that applying it takes several 8-ms budgets even once the JIT is warm (3,000
    // notes took 7 ms then: one turn, no yield).
    const doc = new Y.Doc();
    const notes = doc.getMap('notes');
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++)
        notes.set(`n${i}`, new Y.Map(Object.entries({ text: `idée ${i}`, x: i })));
    });
    const snapshot = Y.encodeStateAsUpdate(doc);
    // Counts event-loop turns: one immediate per turn, each queueing the next.
    let turns = 0;
    let counting = setImmediate(function count() {
      turns++;
      counting = setImmediate(count);
    });
    const rebuilt = await load({ snapshot, updates: [], lastSeq: 1 });
    clearImmediate(counting);
    expect(rebuilt.doc.getMap('notes').size).toBe(20_000);
    expect(turns).toBeGreaterThan(1);
  });

  it('slices a big logged update too (an import writes a whole board as one), applied after the snapshot', async () => {
    const { doc, snapshot, updates } = history();
    const big: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => big.push(u));
    doc.transact(() => {
      for (let i = 0; i < 2000; i++)
        doc.getMap('notes').set(`b${i}`, `constat ${i} sur la mobilité du territoire`);
    });
    const log = [...updates, ...big];
    expect(big[0]?.byteLength).toBeGreaterThan(64 * 1024);
    const answer = sliceStoredDoc({ snapshot, updates: log });
    // The snapshot's slices, the two small updates as they are, then the big one in slices.
    expect(answer.slices.length).toBeGreaterThan(2 + 3);
    const rebuilt = await load({ snapshot, updates: log, lastSeq: 4 });
    expect(rebuilt.doc.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
    expect(rebuilt.updates).toEqual(log);
  });

  it('leaves out a logged update that does not decode, as at once', async () => {
    const { snapshot, updates } = history();
    const [first, second] = updates as [Uint8Array, Uint8Array];
    const rebuilt = await load({ snapshot, updates: [garbage(first), second], lastSeq: 3 });
    expect(rebuilt.skipped).toBe(1);
    expect(rebuilt.updates).toEqual([second]);
    expect((rebuilt.doc.getMap('notes').get('n1') as Y.Map<string>).get('text')).toBe('changed');
  });

  it('refuses what rebuilding at once refuses: a bad snapshot, missing content, a seeded room with nothing', async () => {
    const { snapshot, updates } = history();
    await expect(load({ snapshot: garbage(snapshot), updates, lastSeq: 3 })).rejects.toThrow(
      /snapshot does not decode/,
    );
    await expect(load({ snapshot: null, updates, lastSeq: 3 })).rejects.toThrow(
      /refer to content that is not stored/,
    );
    await expect(load({ snapshot: null, updates: [], lastSeq: 0 }, true)).rejects.toThrow(
      /snapshot is missing/,
    );
    // The checksum is checked by the worker: the bytes decode, but they are not the ones written.
    const damaged = { snapshot, updates, lastSeq: 3, snapshotChecksum: checksum(garbage(snapshot)) };
    await expect(load(damaged)).rejects.toThrow(/checksum mismatch/);
    await expect(load({ ...damaged, snapshotChecksum: checksum(snapshot) })).resolves.toBeDefined();
  });

  it('reads the document again and rebuilds it at once when the worker failed, even holding the snapshot', async () => {
    const { doc, snapshot, updates } = history();
    let reads = 0;
    const read = async (): Promise<StoredDoc> => {
      reads++;
      return { snapshot: snapshot.slice(), updates, lastSeq: 3 };
    };
    // A worker that took the snapshot's buffer over, then failed (timed out, crashed).
    const failing: DocSlicer = {
      sliceDoc: async (stored) => {
        if (stored.snapshot)
          structuredClone(stored.snapshot, { transfer: [stored.snapshot.buffer as ArrayBuffer] });
        throw new Error('the worker stopped');
      },
    };
    const rebuilt = await loadStoredDoc('w', read, log, { seeded: false, slicer: failing, fromBytes: 0 });
    expect(reads).toBe(2);
    expect(rebuilt.doc.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
    expect(rebuilt.snapshotStep2).toEqual(encodeSyncStep2Update(snapshot));
  });
});
