import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDb } from './db';
import { createSqliteDocStore } from './docs';
import { useTempDirs } from './temp-dirs';

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
  it('loads what was appended, in order, per document', () => {
    const { docs } = store();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getMap('m').set('a', 1);
    source.getMap('m').set('b', 2);
    for (const u of updates) docs.append('w1', [u]);
    docs.append('w2', [Y.encodeStateAsUpdate(new Y.Doc())]);
    const loaded = docs.load('w1');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toHaveLength(2);
    expect(rebuild(loaded).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(docs.load('nothing')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('replaces the log with a snapshot on compaction and keeps later updates', () => {
    const { docs } = store();
    const source = new Y.Doc();
    let last = 0;
    source.on('update', (u: Uint8Array) => {
      last = docs.append('w1', [u]);
    });
    for (let i = 0; i < 10; i++) source.getMap('m').set(`k${i}`, i);
    const upto = last;
    docs.compact('w1', Y.encodeStateAsUpdate(source), upto);
    source.getMap('m').set('after', true);
    const loaded = docs.load('w1');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.lastSeq).toBe(upto + 1);
    expect(rebuild(loaded).getMap('m').toJSON()).toEqual({
      ...Object.fromEntries([...Array(10)].map((_, i) => [`k${i}`, i])),
      after: true,
    });
  });

  it('survives reopening the database', () => {
    const { db, dir, docs } = store();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable');
    docs.append('w1', [Y.encodeStateAsUpdate(doc)]);
    db.close();
    const reopened = createSqliteDocStore(openDb(dir));
    expect(rebuild(reopened.load('w1')).getText('t').toString()).toBe('durable');
  });

  it('appends several documents in one batch, each undone alone if its append fails', () => {
    const { db, docs } = store();
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    docs.batch(() => {
      docs.append('w1', [update]);
      expect(() => docs.append('w2', [null as unknown as Uint8Array])).toThrow();
      docs.append('w3', [update, update]);
    });
    expect(db.inTransaction).toBe(false);
    expect(docs.load('w1').updates).toHaveLength(1);
    expect(docs.load('w2').updates).toHaveLength(0);
    expect(docs.load('w3').updates).toHaveLength(2);
  });

  it('gives the space of a compacted log back to the disk', () => {
    const { db, dir, docs } = store();
    const file = join(dir, 'atelier.sqlite');
    const big = new Uint8Array(64 * 1024).fill(7);
    let last = 0;
    for (let i = 0; i < 64; i++) last = docs.append('w1', [big]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(file).size;
    docs.compact('w1', Y.encodeStateAsUpdate(new Y.Doc()), last);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(before).toBeGreaterThan(4 * 1024 * 1024);
    expect(statSync(file).size).toBeLessThan(before / 10);
  });

  it('says a snapshot is damaged when its bytes are not the ones written, even if they decode', () => {
    const { db, docs } = store();
    const source = new Y.Doc();
    source.getMap('m').set('a', 'x'.repeat(50));
    docs.compact('w1', Y.encodeStateAsUpdate(source), 0);
    expect(docs.load('w1').snapshotDamaged).toBeUndefined();
    // Zeroed bytes decode as an empty document: only the checksum tells.
    db.prepare('UPDATE doc_snapshots SET data = zeroblob(length(data)) WHERE doc = ?').run('w1');
    expect(docs.load('w1').snapshotDamaged).toBe(true);
  });

  it('keeps the old log when a compaction cannot be written (a full database)', () => {
    const { db, docs } = store();
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => docs.append('w1', [u]));
    source.getMap('m').set('a', 1);
    source.getMap('m').set('big', 'x'.repeat(64 * 1024));
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    expect(() => docs.compact('w1', Y.encodeStateAsUpdate(source), 2)).toThrow(/full/);
    expect(docs.load('w1').snapshot).toBeNull();
    expect(rebuild(docs.load('w1')).getMap('m').toJSON()).toEqual(source.getMap('m').toJSON());
  });
});
