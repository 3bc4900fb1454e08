import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDb } from './db';
import { createSqliteDocStore } from './docs';
import { createSqliteJournalStore } from './journal';
import { useTempDirs } from './temp-dirs';
import { createSqliteStorage } from './transaction';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-docs-');
function store() {
  const dir = tempDir();
  const db = openDb(dir);
  return { db, dir, docs: createSqliteDocStore(db) };
}
function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
    Y.applyUpdate(doc, u);
  return doc;
}

describe('SQLite doc store', () => {
  it('loads what was appended, in order, per document', async () => {
    const { docs } = store();
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
    expect(rebuild(loaded).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(await docs.load('nothing')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('replaces the log with a snapshot on compaction and keeps later updates', async () => {
    const { docs } = store();
    const source = new Y.Doc();
    const appended: Promise<number>[] = [];
    source.on('update', (u: Uint8Array) => {
      appended.push(docs.append('w1', [u]));
    });
    for (let i = 0; i < 10; i++) source.getMap('m').set(`k${i}`, i);
    const upto = (await Promise.all(appended)).at(-1) ?? 0;
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
  });

  it('survives reopening the database', async () => {
    const { db, dir, docs } = store();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable');
    await docs.append('w1', [Y.encodeStateAsUpdate(doc)]);
    db.close();
    const reopened = createSqliteDocStore(openDb(dir));
    expect(
      rebuild(await reopened.load('w1'))
        .getText('t')
        .toString(),
    ).toBe('durable');
  });

  it('appends several documents in one transaction, each undone alone if its append fails', async () => {
    const { db, docs } = store();
    const storage = createSqliteStorage(db, {
      docs,
      journal: createSqliteJournalStore(db),
      workshops: createSqliteWorkshopStore(db),
    });
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    await storage.withTransaction(async (tx) => {
      await tx.docs.append('w1', [update]);
      await expect(tx.docs.append('w2', [null as unknown as Uint8Array])).rejects.toThrow();
      await tx.docs.append('w3', [update, update]);
    });
    expect(db.inTransaction).toBe(false);
    expect((await docs.load('w1')).updates).toHaveLength(1);
    expect((await docs.load('w2')).updates).toHaveLength(0);
    expect((await docs.load('w3')).updates).toHaveLength(2);
  });

  it('gives the space of a compacted log back to the disk', async () => {
    const { db, dir, docs } = store();
    const file = join(dir, 'atelier.sqlite');
    const big = new Uint8Array(64 * 1024).fill(7);
    let last = 0;
    for (let i = 0; i < 64; i++) last = await docs.append('w1', [big]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(file).size;
    await docs.compact('w1', Y.encodeStateAsUpdate(new Y.Doc()), last);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(before).toBeGreaterThan(4 * 1024 * 1024);
    expect(statSync(file).size).toBeLessThan(before / 10);
  });

  it('says a snapshot is damaged when its bytes are not the ones written, even if they decode', async () => {
    const { db, docs } = store();
    const source = new Y.Doc();
    source.getMap('m').set('a', 'x'.repeat(50));
    await docs.compact('w1', Y.encodeStateAsUpdate(source), 0);
    expect((await docs.load('w1')).snapshotDamaged).toBeUndefined();
    // Zeroed bytes decode as an empty document: only the checksum tells.
    db.prepare('UPDATE doc_snapshots SET data = zeroblob(length(data)) WHERE doc = ?').run('w1');
    expect((await docs.load('w1')).snapshotDamaged).toBe(true);
  });

  it('keeps the old log when a compaction cannot be written (a full database)', async () => {
    const { db, docs } = store();
    const source = new Y.Doc();
    const appended: Promise<number>[] = [];
    source.on('update', (u: Uint8Array) => appended.push(docs.append('w1', [u])));
    source.getMap('m').set('a', 1);
    source.getMap('m').set('big', 'x'.repeat(64 * 1024));
    await Promise.all(appended);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    await expect(docs.compact('w1', Y.encodeStateAsUpdate(source), 2)).rejects.toThrow(/full/);
    expect((await docs.load('w1')).snapshot).toBeNull();
    expect(
      rebuild(await docs.load('w1'))
        .getMap('m')
        .toJSON(),
    ).toEqual(source.getMap('m').toJSON());
  });
});
