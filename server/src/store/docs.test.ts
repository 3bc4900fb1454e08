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

// The contract both backends share is in stores.contract.test.ts; here, what only SQLite does.
describe('SQLite doc store', () => {
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
