import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type Db, openDb } from '../store/db';
import { createSqliteDocStore } from '../store/docs';
import type { Peer } from './room';
import { RoomManager } from './rooms';

const opened: { db: Db; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function manager(graceMs = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-rooms-'));
  const db = openDb(dir);
  opened.push({ db, dir });
  const store = createSqliteDocStore(db);
  return {
    store,
    rooms: new RoomManager(store, pino({ level: 'silent' }), {
      graceMs,
      compactLogBytes: 64 * 1024,
      presenceTickMs: 0,
    }),
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const peer: Peer = { send: () => {}, close: () => {}, awarenessClientId: null };

function write(doc: Y.Doc, text: string): void {
  doc.getMap('notes').set('n1', text);
}

describe('dropping a deleted workshop’s rooms', () => {
  it('never stores the updates of the current turn', async () => {
    const { store, rooms } = manager();
    const room = rooms.acquire('w1');
    write(room.doc, 'écrit juste avant la suppression');
    expect(rooms.drop((name) => name === 'w1')).toEqual(['w1']);
    await nextTurn();
    expect(store.load('w1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    expect(rooms.has('w1')).toBe(false);
  });

  it('does not compact a dropped room when its last peer leaves later, nor at shutdown', async () => {
    const { store, rooms } = manager();
    const room = rooms.acquire('w1/control');
    room.add(peer);
    write(room.doc, 'stocké');
    await nextTurn();
    expect(store.load('w1/control').updates).toHaveLength(1);
    rooms.drop((name) => name.startsWith('w1'));
    // What the stored rows' deletion leaves: nothing, and nothing may come back.
    const held = rooms.hold('other');
    // The socket's close event comes after the drop: it schedules an unload of the old room.
    room.remove(peer);
    rooms.scheduleUnload(room);
    // The unload timer (grace 0) is due at once: it runs before this one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    held.release();
    rooms.closeAll();
    expect(store.load('w1/control').snapshot).toBeNull();
  });
});
