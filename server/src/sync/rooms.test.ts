import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { createSqliteBallotStore } from '../store/ballots';
import { type Db, openDb } from '../store/db';
import { createSqliteDocStore, type DocStore } from '../store/docs';
import { createStorageHealth, type StorageHealth } from '../store/health';
import { createSqliteJournalStore } from '../store/journal';
import { createSqliteStrategyStore } from '../store/strategies';
import { createSqliteStorage, type Storage } from '../store/transaction';
import { createSqliteWorkshopStore } from '../store/workshops';
import type { Peer, Room } from './room';
import { RoomManager } from './rooms';
import { RoomDropped } from './stored-doc';

const opened: { db: Db; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function manager(
  graceMs = 0,
  wrap: (store: DocStore) => DocStore = (store) => store,
  wrapStorage: (storage: Storage) => Storage = (storage) => storage,
  health?: StorageHealth,
) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-rooms-'));
  const db = openDb(dir);
  opened.push({ db, dir });
  const store = createSqliteDocStore(db);
  const storage = createSqliteStorage(db, {
    docs: store,
    journal: createSqliteJournalStore(db),
    workshops: createSqliteWorkshopStore(db),
    strategies: createSqliteStrategyStore(db),
    ballots: createSqliteBallotStore(db),
  });
  return {
    store,
    rooms: new RoomManager(
      wrap(store),
      wrapStorage(storage),
      pino({ level: 'silent' }),
      {
        graceMs,
        compactLogBytes: 64 * 1024,
        presenceTickMs: 0,
      },
      health,
    ),
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
    const room = await rooms.acquire('w1');
    write(room.doc, 'écrit juste avant la suppression');
    expect(rooms.drop((name) => name === 'w1')).toEqual(['w1']);
    await nextTurn();
    expect(await store.load('w1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    expect(rooms.has('w1')).toBe(false);
  });

  it('does not compact a dropped room when its last peer leaves later, nor at shutdown', async () => {
    const { store, rooms } = manager();
    const room = await rooms.acquire('w1/control');
    room.add(peer);
    write(room.doc, 'stocké');
    await nextTurn();
    expect((await store.load('w1/control')).updates).toHaveLength(1);
    rooms.drop((name) => name.startsWith('w1'));
    // What the stored rows' deletion leaves: nothing, and nothing may come back.
    const held = await rooms.hold('other');
    // The socket's close event comes after the drop: it schedules an unload of the old room.
    room.remove(peer);
    rooms.scheduleUnload(room);
    // The unload timer (grace 0) is due at once: it runs before this one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    held.release();
    await rooms.closeAll();
    expect((await store.load('w1/control')).snapshot).toBeNull();
  });

  it('refuses a retired workshop’s rooms from then on, loaded or not, and loads other workshops’', async () => {
    const { store, rooms } = manager();
    await rooms.acquire('w1/control');
    expect(rooms.retire('w1')).toEqual(['w1/control']);
    // A reconnect while the purge runs: the token may still be found, the room is not loaded.
    for (const name of ['w1', 'w1/control', 'w1/drafts/p1'])
      await expect(rooms.acquire(name)).rejects.toBeInstanceOf(RoomDropped);
    expect(rooms.has('w1')).toBe(false);
    expect((await rooms.acquire('w10')).name).toBe('w10');
    expect(await store.load('w1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('refuses one retired room from then on (an erased person’s drafts), its workshop’s others still served', async () => {
    const { store, rooms } = manager();
    const drafts = await rooms.acquire('w1/drafts/p1');
    write(drafts.doc, 'brouillon');
    expect(rooms.retireRoom('w1/drafts/p1')).toEqual(['w1/drafts/p1']);
    await nextTurn();
    await expect(rooms.acquire('w1/drafts/p1')).rejects.toBeInstanceOf(RoomDropped);
    expect(rooms.refuses('w1/drafts/p1')).toBe(true);
    expect(rooms.refuses('w1/drafts/p2')).toBe(false);
    expect((await rooms.acquire('w1/drafts/p2')).name).toBe('w1/drafts/p2');
    expect((await rooms.acquire('w1')).name).toBe('w1');
    expect(await store.load('w1/drafts/p1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('says when the writes in flight at a drop have ended, so that a purge comes after them', async () => {
    let commit: () => void = () => {};
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    // A slow database: the turn's transaction runs once the test says so.
    const { rooms } = manager(0, undefined, (storage) => ({
      withTransaction: (work) => committing.then(() => storage.withTransaction(work)),
    }));
    const room = await rooms.acquire('w1');
    write(room.doc, 'en route vers la base');
    await nextTurn();
    rooms.retire('w1');
    let settled = false;
    const ended = rooms.dropsSettled().then(() => {
      settled = true;
    });
    await nextTurn();
    expect(settled).toBe(false);
    commit();
    await ended;
    expect(settled).toBe(true);
  });

  it('refuses whoever waited for a room dropped while it loaded, and keeps nothing of it', async () => {
    let loaded: () => void = () => {};
    const { rooms } = manager(0, (store) => ({
      ...store,
      // A slow database: the load answers once the test says so.
      load: (name) =>
        new Promise((resolve) => {
          loaded = () => resolve(store.load(name));
        }),
    }));
    const waiting = rooms.acquire('w1');
    expect(rooms.drop((name) => name === 'w1')).toEqual([]);
    loaded();
    await expect(waiting).rejects.toBeInstanceOf(RoomDropped);
    expect(rooms.has('w1')).toBe(false);
  });
});

describe('loading a room', () => {
  it('loads a room once for everyone who asks meanwhile, and answers them in the order they asked', async () => {
    let loads = 0;
    let loaded: () => void = () => {};
    const { rooms } = manager(0, (store) => ({
      ...store,
      load: (name) => {
        loads++;
        return new Promise((resolve) => {
          loaded = () => resolve(store.load(name));
        });
      },
    }));
    const order: string[] = [];
    const asked = ['first', 'second', 'third'].map((who) =>
      rooms.acquire('w1').then((room) => {
        order.push(who);
        return room;
      }),
    );
    expect(rooms.has('w1')).toBe(false);
    loaded();
    const [a, b, c] = await Promise.all(asked);
    expect(loads).toBe(1);
    expect(order).toEqual(['first', 'second', 'third']);
    expect(new Set<Room | undefined>([a, b, c]).size).toBe(1);
    expect(rooms.has('w1')).toBe(true);
  });
});

describe('load hooks', () => {
  it('hands the room out only once every hook resolved, so its load listeners find what they read', async () => {
    const { rooms } = manager();
    let read: (faces: string) => void = () => {};
    const kept = new Map<string, string>();
    rooms.beforeLoad(async (name) => {
      kept.set(name, await new Promise<string>((resolve) => (read = resolve)));
    });
    const seen: (string | undefined)[] = [];
    rooms.onLoad((room) => seen.push(kept.get(room.name)));
    const gone: string[] = [];
    rooms.onUnload((name) => gone.push(name));

    const loading = rooms.acquire('w1/control');
    await nextTurn();
    expect(rooms.has('w1/control')).toBe(false);
    read('les faces du tour');
    const room = await loading;
    expect(seen).toEqual(['les faces du tour']);

    // Unloaded (grace 0) once nobody holds it: whoever kept something for it is told.
    room.add(peer);
    room.remove(peer);
    rooms.scheduleUnload(room);
    await vi.waitFor(() => expect(gone).toEqual(['w1/control']));
  });

  it('fails the load when a hook rejects, and says the room is gone', async () => {
    const { rooms } = manager();
    rooms.beforeLoad(async () => {
      throw new Error('the ballot store cannot be read');
    });
    const gone: string[] = [];
    rooms.onUnload((name) => gone.push(name));
    await expect(rooms.acquire('w1/control')).rejects.toThrow('the ballot store cannot be read');
    expect(rooms.has('w1/control')).toBe(false);
    expect(gone).toEqual(['w1/control']);
  });
});

describe('a turn’s transaction that PostgreSQL rolls back for a conflict', () => {
  it('is run again, stored once and broadcast, and the write gate stays open (40P01, deadlock detected)', async () => {
    const log = pino({ level: 'silent' });
    const reported: unknown[] = [];
    const health = createStorageHealth(async () => {}, log);
    const report = health.report.bind(health);
    health.report = (error) => {
      reported.push(error);
      report(error);
    };
    let conflicts = 1;
    // The second room's append is chosen as a deadlock's victim once, after the first room's went
    // through in the same transaction: the whole turn rolls back.
    const { store, rooms } = manager(
      0,
      undefined,
      (storage) => ({
        withTransaction: (work) =>
          storage.withTransaction((tx) =>
            work({
              ...tx,
              docs: Object.assign(Object.create(tx.docs) as DocStore, {
                append: (name: string, updates: Uint8Array[]) => {
                  if (name !== 'w1/control' || conflicts === 0) return tx.docs.append(name, updates);
                  conflicts--;
                  return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
                },
              }),
            }),
          ),
      }),
      health,
    );
    const heard = (room: Room) =>
      new Promise<Uint8Array>((resolve) => {
        room.add({ send: resolve, close: () => {}, awarenessClientId: null });
      });
    const board = await rooms.acquire('w1');
    const control = await rooms.acquire('w1/control');
    const broadcasts = Promise.all([heard(board), heard(control)]);
    write(board.doc, 'au tableau');
    write(control.doc, 'au contrôle');
    await broadcasts;
    expect(conflicts).toBe(0);
    expect(health.writable).toBe(true);
    expect(reported).toEqual([]);
    expect((await store.load('w1')).updates).toHaveLength(1);
    expect((await store.load('w1/control')).updates).toHaveLength(1);
    health.close();
  });
});
