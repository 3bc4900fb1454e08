/**
 * The document store's and the edit journal's contract, on every backend (docs/scale-out.md,
 * "Store contract suite"): what one backend does, the other does, or this suite fails.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useBackends } from './backends.fixture';
import { snapshotDamaged } from './docs';
import type { JournalRow } from './journal';

const backends = useBackends();

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
    Y.applyUpdate(doc, u);
  return doc;
}
/** Opaque bytes that say what they are: the store never reads an update. */
const tagged = (text: string): Uint8Array => new TextEncoder().encode(text);
const untag = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const MINUTE = 60_000;
const T0 = Date.parse('2030-03-01T14:32:00Z');
function row(over: Partial<JournalRow> = {}): JournalRow {
  return {
    workshopId: 'w1',
    participantId: 'marie',
    collection: 'notes',
    item: 'n1',
    field: 'text',
    minute: T0,
    alone: false,
    ...over,
  };
}

describe.each(backends)('documents on $name', (backend) => {
  it('loads what was appended, in order, per document; a document never written is empty', async () => {
    const { docs } = await backend.open();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getMap('m').set('a', 1);
    source.getMap('m').set('b', 2);
    for (const u of updates) await docs.append('w1', [u]);
    await docs.append('w2', [Y.encodeStateAsUpdate(new Y.Doc())]);
    const loaded = await docs.load('w1');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.updates[0]).toBeInstanceOf(Uint8Array);
    expect(rebuild(loaded).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(await docs.load('nothing')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('answers an append with the number of its last update, increasing per document', async () => {
    const { docs } = await backend.open();
    const first = await docs.append('w1', [tagged('a'), tagged('b')]);
    const other = await docs.append('w2', [tagged('x')]);
    const second = await docs.append('w1', [tagged('c')]);
    expect(second).toBeGreaterThan(first);
    expect((await docs.load('w1')).lastSeq).toBe(second);
    expect((await docs.load('w2')).lastSeq).toBe(other);
    if (backend.contiguousSeq) expect([first, other, second]).toEqual([2, 1, 3]);
  });

  it('replaces the log with a snapshot on compaction and keeps later updates', async () => {
    const { docs } = await backend.open();
    const source = new Y.Doc();
    const appended: Promise<number>[] = [];
    source.on('update', (u: Uint8Array) => {
      appended.push(docs.append('w1', [u]));
    });
    for (let i = 0; i < 10; i++) source.getMap('m').set(`k${i}`, i);
    // Appends made at once outside a transaction may take their numbers in any order.
    const upto = Math.max(...(await Promise.all(appended)));
    await docs.compact('w1', Y.encodeStateAsUpdate(source), upto);
    source.getMap('m').set('after', true);
    await Promise.all(appended);
    const loaded = await docs.load('w1');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.lastSeq).toBe(upto + 1);
    expect(rebuild(loaded).getMap('m').toJSON()).toEqual({
      ...Object.fromEntries([...Array(10)].map((_, i) => [`k${i}`, i])),
      after: true,
    });
    // Compacted to the end: no log, and the last number stays the snapshot's.
    await docs.compact('w1', Y.encodeStateAsUpdate(source), upto + 1);
    expect(await docs.load('w1')).toMatchObject({ updates: [], lastSeq: upto + 1 });
  });

  it('keeps a snapshot up to a later update when an older compaction arrives after it', async () => {
    const { docs } = await backend.open();
    const one = await docs.append('w1', [tagged('1')]);
    const two = await docs.append('w1', [tagged('2')]);
    await docs.compact('w1', tagged('state at 2'), two);
    await docs.compact('w1', tagged('state at 1'), one);
    const loaded = await docs.load('w1');
    expect(untag(loaded.snapshot ?? new Uint8Array())).toBe('state at 2');
    expect(loaded).toMatchObject({ updates: [], lastSeq: two });
    // The same point again replaces it (a room compacting twice without new updates).
    await docs.compact('w1', tagged('state at 2, again'), two);
    expect(untag((await docs.load('w1')).snapshot ?? new Uint8Array())).toBe('state at 2, again');
  });

  it('reads what was stored after a given update: the updates after it, or the snapshot they were compacted into', async () => {
    const { docs } = await backend.open();
    const one = await docs.append('w1', [tagged('1')]);
    const three = await docs.append('w1', [tagged('2'), tagged('3')]);
    await docs.append('w2', [tagged('other')]);
    const after = await docs.loadAfter('w1', one);
    expect(after.snapshot).toBeNull();
    expect(after.updates.map(untag)).toEqual(['2', '3']);
    expect(after.lastSeq).toBe(three);
    // Nothing newer: nothing read, and the number asked stays the last one.
    expect(await docs.loadAfter('w1', three)).toEqual({ snapshot: null, updates: [], lastSeq: three });
    expect(await docs.loadAfter('nothing', 0)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    // Another node compacted the updates away: the snapshot holds them, then what came after.
    await docs.compact('w1', tagged('state at 3'), three);
    const four = await docs.append('w1', [tagged('4')]);
    const compacted = await docs.loadAfter('w1', one);
    expect(untag(compacted.snapshot ?? new Uint8Array())).toBe('state at 3');
    expect(compacted.updates.map(untag)).toEqual(['4']);
    expect(compacted.lastSeq).toBe(four);
    // A snapshot the reader already holds all of is not read again.
    expect((await docs.loadAfter('w1', three)).snapshot).toBeNull();
    expect((await docs.loadAfter('w1', three)).updates.map(untag)).toEqual(['4']);
  });

  it('tells the last update number of several documents in one call, leaving out those never written', async () => {
    const { docs } = await backend.open();
    const w1 = await docs.append('w1', [tagged('1'), tagged('2')]);
    const w2 = await docs.append('w2', [tagged('x')]);
    await docs.compact('w2', tagged('state'), w2);
    expect(await docs.lastSeqs(['w1', 'w2', 'never'])).toEqual(
      new Map([
        ['w1', w1],
        ['w2', w2],
      ]),
    );
    expect(await docs.lastSeqs([])).toEqual(new Map());
  });

  it('survives reopening the database', async () => {
    const stores = await backend.open();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable');
    await stores.docs.append('w1', [Y.encodeStateAsUpdate(doc)]);
    await stores.docs.compact('w1', Y.encodeStateAsUpdate(doc), 0);
    const reopened = await stores.reopen();
    const loaded = await reopened.docs.load('w1');
    expect(rebuild(loaded).getText('t').toString()).toBe('durable');
    expect(snapshotDamaged(loaded)).toBe(false);
  });

  it('says a snapshot is damaged when its bytes are not the ones written, even if they decode', async () => {
    const { docs, zeroSnapshot } = await backend.open();
    const source = new Y.Doc();
    source.getMap('m').set('a', 'x'.repeat(50));
    await docs.compact('w1', Y.encodeStateAsUpdate(source), 0);
    expect(snapshotDamaged(await docs.load('w1'))).toBe(false);
    // Zeroed bytes decode as an empty document: only the checksum tells.
    await zeroSnapshot('w1');
    expect(snapshotDamaged(await docs.load('w1'))).toBe(true);
  });
});

describe.each(backends)('transactions on $name', (backend) => {
  it('appends several documents in one transaction, each undone alone if its append fails', async () => {
    const { docs, storage } = await backend.open();
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const result = await storage.withTransaction(async (tx) => {
      await tx.docs.append('w1', [update]);
      await expect(tx.docs.append('w2', [update, null as unknown as Uint8Array])).rejects.toThrow();
      await tx.docs.append('w3', [update, update]);
      return 'committed';
    });
    expect(result).toBe('committed');
    expect((await docs.load('w1')).updates).toHaveLength(1);
    expect(await docs.load('w2')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    expect((await docs.load('w3')).updates).toHaveLength(2);
  });

  it('leaves nothing of a transaction that failed, and numbers on as if it never was', async () => {
    const { docs, journal, storage, addWorkshop } = await backend.open();
    await addWorkshop('w1', [['marie', 'elected']]);
    const before = await docs.append('board', [tagged('kept')]);
    await expect(
      storage.withTransaction(async (tx) => {
        await tx.docs.append('board', [tagged('lost 1'), tagged('lost 2')]);
        await tx.docs.append('other', [tagged('lost 3')]);
        await tx.journal.write([row()]);
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect((await docs.load('board')).updates.map(untag)).toEqual(['kept']);
    expect(await docs.load('other')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    expect(await journal.read('w1')).toEqual([]);
    const after = await docs.append('board', [tagged('next')]);
    if (backend.contiguousSeq) expect(after).toBe(before + 1);
    expect((await docs.load('board')).updates.map(untag)).toEqual(['kept', 'next']);
  });

  it('keeps the journal rows of a transaction in which one append failed', async () => {
    const { journal, storage, addWorkshop } = await backend.open();
    await addWorkshop('w1', [['marie', 'elected']]);
    await storage.withTransaction(async (tx) => {
      await expect(tx.docs.append('board', [null as unknown as Uint8Array])).rejects.toThrow();
      await tx.journal.write([row()]);
    });
    expect(await journal.read('w1')).toHaveLength(1);
  });

  it('keeps each document in number order when transactions append to it at once', async () => {
    const { docs, storage } = await backend.open();
    const turns = 8;
    const steps = 3;
    const seqs = await Promise.all(
      [...Array(turns)].map((_, t) =>
        storage.withTransaction(async (tx) => {
          const mine: number[] = [];
          for (let s = 0; s < steps; s++) {
            mine.push(await tx.docs.append('board', [tagged(`${t}.${s}`)]));
            await tx.docs.append(`side-${t % 2}`, [tagged(`${t}.${s}`)]);
          }
          return mine;
        }),
      ),
    );
    const all = seqs.flat();
    expect(new Set(all).size).toBe(turns * steps);
    const loaded = await docs.load('board');
    expect(loaded.lastSeq).toBe(Math.max(...all));
    // Each transaction's updates come together, in its order, at the numbers it was given.
    const order = loaded.updates.map(untag);
    const bySeq = [...seqs.entries()]
      .flatMap(([t, mine]) => mine.map((seq, s) => [seq, `${t}.${s}`] as const))
      .sort((a, b) => a[0] - b[0])
      .map(([, tag]) => tag);
    expect(order).toEqual(bySeq);
    for (let t = 0; t < turns; t++) {
      const at = order.indexOf(`${t}.0`);
      expect(order.slice(at, at + steps)).toEqual([...Array(steps)].map((_, s) => `${t}.${s}`));
    }
    if (backend.contiguousSeq) {
      expect([...all].sort((a, b) => a - b)).toEqual([...Array(turns * steps)].map((_, i) => i + 1));
      expect((await docs.load('side-0')).lastSeq).toBe((turns / 2) * steps);
    }
  });

  it('rejects with the commit failing, never resolving with an uncommitted result', async () => {
    const { storage } = await backend.open();
    await expect(storage.withTransaction(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    // The storage is usable afterwards.
    await expect(
      storage.withTransaction(async (tx) => tx.docs.append('w1', [tagged('a')])),
    ).resolves.toBeGreaterThan(0);
  });
});

describe.each(backends)('the edit journal on $name', (backend) => {
  it('keeps one row per person, item, field and minute, alone only if every write was', async () => {
    const { journal, addWorkshop } = await backend.open();
    await addWorkshop('w1', [
      ['marie', 'elected'],
      ['paul', 'staff'],
    ]);
    await journal.write([row({ alone: true }), row({ field: null, alone: true })]);
    // The same key twice in one write, and again in the next.
    await journal.write([
      row({ alone: true }),
      row({ alone: false }),
      row({ participantId: 'paul', minute: T0 + MINUTE }),
    ]);
    await journal.write([row({ field: null, alone: true })]);
    const read = await journal.read('w1');
    expect(read).toHaveLength(3);
    expect(
      read
        .filter((e) => e.participant === 'marie')
        .sort((a, b) => String(a.field).localeCompare(String(b.field))),
    ).toEqual([
      {
        collection: 'notes',
        item: 'n1',
        field: null,
        participant: 'marie',
        group: 'elected',
        at: '2030-03-01T14:32:00.000Z',
        alone: true,
      },
      {
        collection: 'notes',
        item: 'n1',
        field: 'text',
        participant: 'marie',
        group: 'elected',
        at: '2030-03-01T14:32:00.000Z',
        alone: false,
      },
    ]);
    expect(read.at(-1)).toEqual({
      collection: 'notes',
      item: 'n1',
      field: 'text',
      participant: 'paul',
      group: 'staff',
      at: '2030-03-01T14:33:00.000Z',
      alone: false,
    });
  });

  it('gives a person their own rows, oldest first, and leaves out what it does not know', async () => {
    const { journal, addWorkshop } = await backend.open();
    await addWorkshop('w1', [
      ['marie', 'elected'],
      ['paul', 'staff'],
    ]);
    await journal.write([
      row({ minute: T0 + 2 * MINUTE, item: 'n2' }),
      row({ minute: T0, collection: 'issues', item: 'i1', field: null }),
      row({ minute: T0, collection: 'actions', item: 'a1', alone: true }),
      row({ participantId: 'paul' }),
      row({ collection: 'unknown' as JournalRow['collection'] }),
    ]);
    expect(await journal.readParticipant('w1', 'marie')).toEqual([
      { collection: 'actions', item: 'a1', field: 'text', at: '2030-03-01T14:32:00.000Z', alone: true },
      { collection: 'issues', item: 'i1', field: null, at: '2030-03-01T14:32:00.000Z', alone: false },
      { collection: 'notes', item: 'n2', field: 'text', at: '2030-03-01T14:34:00.000Z', alone: false },
    ]);
    expect(await journal.readParticipant('w1', 'nobody')).toEqual([]);
    expect((await journal.read('w1')).map((e) => e.collection)).not.toContain('unknown');
  });

  it('says what each person edited, once per collection and field, leaving out erased people and unknown collections', async () => {
    const { journal, addWorkshop } = await backend.open();
    await addWorkshop('w1', [
      ['marie', 'elected'],
      ['paul', 'staff'],
    ]);
    await journal.write([
      row({ item: 'n1' }),
      row({ item: 'n2', minute: T0 + MINUTE }),
      row({ item: 'n2', field: null }),
      row({ collection: 'issues', item: 'i1', field: 'title' }),
      row({ participantId: 'paul', item: 'n3' }),
      row({ collection: 'unknown' as JournalRow['collection'] }),
    ]);
    const sorted = (kinds: Awaited<ReturnType<typeof journal.editedBy>>) =>
      [...kinds].sort((a, b) =>
        `${a.participant}/${a.collection}/${a.field}`.localeCompare(
          `${b.participant}/${b.collection}/${b.field}`,
        ),
      );
    expect(sorted(await journal.editedBy('w1'))).toEqual([
      { participant: 'marie', collection: 'issues', field: 'title' },
      { participant: 'marie', collection: 'notes', field: null },
      { participant: 'marie', collection: 'notes', field: 'text' },
      { participant: 'paul', collection: 'notes', field: 'text' },
    ]);
    await journal.forgetParticipant('w1', 'paul');
    expect((await journal.editedBy('w1')).map((k) => k.participant)).not.toContain('paul');
    expect(await journal.editedBy('nowhere')).toEqual([]);
  });

  it('forgets an erased person: their rows keep their times, name no one, and never merge again', async () => {
    const { journal, addWorkshop } = await backend.open();
    await addWorkshop('w1', [
      ['marie', 'elected'],
      ['paul', 'staff'],
    ]);
    await addWorkshop('w2', [['marie2', 'elected']]);
    await journal.write([row(), row({ item: 'n2' }), row({ participantId: 'paul' })]);
    expect(await journal.forgetParticipant('w1', 'marie')).toBe(2);
    expect(await journal.forgetParticipant('w1', 'marie')).toBe(0);
    expect(await journal.readParticipant('w1', 'marie')).toEqual([]);
    // A later write of the same key is a row of its own, beside the forgotten one.
    await journal.write([row()]);
    const read = await journal.read('w1');
    expect(read).toHaveLength(4);
    const forgotten = read.filter((e) => e.participant === null);
    expect(forgotten.map((e) => e.item).sort()).toEqual(['n1', 'n2']);
    for (const e of forgotten) expect(e).toMatchObject({ group: null, at: '2030-03-01T14:32:00.000Z' });
    expect(await journal.read('w2')).toEqual([]);
  });

  it('goes with its workshop', async () => {
    const { journal, addWorkshop, deleteWorkshop } = await backend.open();
    await addWorkshop('w1', [['marie', 'elected']]);
    await journal.write([row(), row({ item: 'n2' })]);
    await deleteWorkshop('w1');
    expect(await journal.read('w1')).toEqual([]);
  });
});
