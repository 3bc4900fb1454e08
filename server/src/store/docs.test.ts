import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDb } from './db';
import { createSqliteDocStore } from './docs';

const dirs: string[] = [];
function store() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-docs-'));
  dirs.push(dir);
  const db = openDb(dir);
  return { db, docs: createSqliteDocStore(db) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
    const { db, docs } = store();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable');
    docs.append('w1', [Y.encodeStateAsUpdate(doc)]);
    const dir = dirs[0]!;
    db.close();
    const reopened = createSqliteDocStore(openDb(dir));
    expect(rebuild(reopened.load('w1')).getText('t').toString()).toBe('durable');
  });
});
