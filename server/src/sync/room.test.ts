import * as decoding from 'lib0/decoding';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../store/docs';
import { channelThread } from './doc-thread.fixture';
import { AUDIENCE_MS, BIG_ROOM_TICK_MS, INTEREST_FROM_PEOPLE } from './interest';
import { encodeSyncStep2Update, MESSAGE } from './messages';
import { type Peer, Room, type RoomOptions, type RoomStore } from './room';
import { clientFrom } from './sync-frames.fixture';
import { docThreads } from './thread-doc-host';
import { type Transaction, TurnFlusher } from './turn';

/** An in-memory DocStore whose appends can be made to fail, like a full disk. */
function memoryStore() {
  const docs = new Map<string, StoredDoc>();
  let seq = 0;
  const read = (name: string) => docs.get(name) ?? { snapshot: null, updates: [], lastSeq: 0 };
  const store = {
    failing: false as boolean,
    transactions: 0,
    read,
    /** What is stored now, to put back when a transaction fails at its commit. */
    save: () => new Map(docs),
    restore(saved: Map<string, StoredDoc>) {
      docs.clear();
      for (const [name, doc] of saved) docs.set(name, doc);
    },
    load: async (name: string) => read(name),
    async append(name: string, updates: readonly Uint8Array[]) {
      if (store.failing) throw new Error('disk full');
      const doc = read(name);
      seq += updates.length;
      docs.set(name, { ...doc, updates: [...doc.updates, ...updates], lastSeq: seq });
      return seq;
    },
    async compact(name: string, snapshot: Uint8Array, uptoSeq: number) {
      const doc = read(name);
      docs.set(name, {
        snapshot,
        updates: doc.updates.slice(doc.updates.length - (doc.lastSeq - uptoSeq)),
        lastSeq: doc.lastSeq,
      });
    },
    /** The turn's transaction: every room's appends, counted once. */
    transaction: (async (work) => {
      store.transactions++;
      await work({ docs: store, journal: { write: async () => {} } });
    }) as Transaction,
  } satisfies Pick<DocStore, 'load' | 'append' | 'compact'> & {
    failing: boolean;
    transactions: number;
    read: unknown;
    save: unknown;
    restore: unknown;
    transaction: Transaction;
  };
  return store;
}

/**
 * The store's transactions with their commit held open: each waits, its writes made, until the
 * test commits it or fails it (its writes then undone, as a failed COMMIT leaves nothing).
 */
function heldCommits(store: ReturnType<typeof memoryStore>) {
  const waiting: { commit(): void; fail(): void }[] = [];
  let arrived: () => void = () => {};
  const transaction: Transaction = async (work) => {
    const before = store.save();
    await store.transaction(work);
    await new Promise<void>((resolve, reject) => {
      waiting.push({
        commit: resolve,
        fail: () => {
          store.restore(before);
          reject(new Error('connection lost during COMMIT'));
        },
      });
      arrived();
    });
  };
  /** The next transaction waiting for its commit. */
  const next = async () => {
    while (waiting.length === 0)
      await new Promise<void>((resolve) => {
        arrived = resolve;
      });
    return waiting.shift() as { commit(): void; fail(): void };
  };
  return { transaction, next };
}

interface TestPeer extends Peer {
  received: Uint8Array[];
  closed: number | null;
}

function peer(): TestPeer {
  const p: TestPeer = {
    received: [],
    closed: null,
    awarenessClientId: null,
    send: (m) => p.received.push(m),
    close: (code) => {
      p.closed = code;
    },
  };
  return p;
}

function update(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  fn(doc);
  return Y.encodeStateAsUpdate(doc);
}

/** The awareness entries of a frame, as a stock client applies them. */
function presenceOf(frame: Uint8Array): Map<number, unknown> {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE.awareness);
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}

/** What a frame sent to a peer is: `update`, `sync-step-1`, `sync-step-2` or `denied <reason>`. */
function kindOf(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE.auth) {
    decoding.readVarUint(decoder);
    return `denied ${decoding.readVarString(decoder)}`;
  }
  if (type !== MESSAGE.sync) return `type ${type}`;
  return ['sync-step-1', 'sync-step-2', 'update'][decoding.readVarUint(decoder)] ?? 'sync ?';
}

/** A stock client's answer to a sync step 1: the sync step 2 carrying what the server lacks. */
function answerStep1(step1: Uint8Array, doc: Y.Doc): Uint8Array {
  const decoder = decoding.createDecoder(step1);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder));
}

const log = pino({ level: 'silent' });
const OPTIONS: RoomOptions = { compactLogBytes: 1024 * 1024, presenceTickMs: 30 };

async function setup(options: Partial<RoomOptions> = {}, store = memoryStore()) {
  const flusher = new TurnFlusher(store.transaction);
  const room = await Room.open('w1', store, flusher, log, { ...OPTIONS, ...options });
  /** Ends the turn: stored, settled, sent, and any compaction it started over. */
  const turn = async () => {
    await flusher.run();
    await room.idle();
  };
  return { store, flusher, room, turn };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Room: document updates', () => {
  it('stores a turn’s updates in one transaction before broadcasting them to every peer but their sender', async () => {
    const { store, room, turn } = await setup();
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    room.applyUpdate(
      update((d) => d.getMap('m').set('k', 1)),
      alice,
    );
    room.applyUpdate(
      update((d) => d.getMap('m').set('j', 2)),
      alice,
    );
    expect(bob.received).toHaveLength(0);
    await turn();
    expect(store.transactions).toBe(1);
    expect(store.read('w1').updates).toHaveLength(2);
    expect(bob.received).toHaveLength(2);
    expect(alice.received).toHaveLength(0);
  });

  it('takes back a turn it could not store: nobody gets it, the room drops it, its sender is told and asked again', async () => {
    const { store, flusher, room, turn } = await setup();
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    const reloaded: Room[] = [];
    // A second room with hooks: whoever watches its document hears of the new one.
    const watched = await Room.open('w2', store, flusher, log, OPTIONS, {
      reloaded: (r) => reloaded.push(r),
    });
    watched.add(alice);
    store.failing = true;
    const aliceDoc = new Y.Doc();
    aliceDoc.getMap('m').set('k', 1);
    room.applyUpdate(Y.encodeStateAsUpdate(aliceDoc), alice);
    watched.applyUpdate(Y.encodeStateAsUpdate(aliceDoc), alice);
    await turn();
    // Not broadcast, not kept: the room holds only what is stored.
    expect(bob.received.map(kindOf)).toEqual(['sync-step-1']);
    expect(room.doc.getMap('m').get('k')).toBeUndefined();
    expect(alice.closed).toBeNull();
    expect(alice.received.map(kindOf)).toEqual([
      'denied storage-full',
      'sync-step-1',
      'denied storage-full',
      'sync-step-1',
    ]);
    expect(reloaded).toEqual([watched]);
    // Once the store takes writes, the sender's answer to the sync step 1 brings the edit back.
    store.failing = false;
    alice.received = [];
    await room.resync();
    const step1 = alice.received[0] as Uint8Array;
    const answer = answerStep1(step1, aliceDoc);
    room.applyUpdate(answer, alice);
    await turn();
    expect((await setup({}, store)).room.doc.getMap('m').get('k')).toBe(1);
    expect(bob.received.map(kindOf)).toEqual(['sync-step-1', 'sync-step-1', 'update']);
  });

  it('keeps a turn the database could not be reached for: unbroadcast, not reloaded, committed again with the next turn', async () => {
    const store = memoryStore();
    let reachable = false;
    // The turn's rows written, then the connection lost before its COMMIT: nothing stays.
    // As the storage health would: refused from the failure on, until the database is back.
    let writable = true;
    const flusher = new TurnFlusher(
      async (work) => {
        const before = store.save();
        await store.transaction(work);
        if (reachable) return;
        store.restore(before);
        throw new Error('Connection terminated unexpectedly');
      },
      {
        onStoreError: () => {
          writable = false;
        },
        writable: () => writable,
      },
    );
    const failures: unknown[] = [];
    const room = await Room.open('w1', store, flusher, log, OPTIONS, {
      keeps: (error) => String(error).includes('Connection terminated'),
      storeFailed: (error) => failures.push(error),
    });
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    const late = peer();
    room.applyUpdate(
      update((d) => d.getMap('m').set('k', 1)),
      alice,
    );
    // A newcomer's reply carries the kept update: it waits for its commit.
    room.answerSyncStep1(Y.encodeStateVector(new Y.Doc()), late);
    await flusher.run();
    expect(room.doc.getMap('m').get('k')).toBe(1);
    expect(room.holdsUnstored).toBe(true);
    expect([alice.received, bob.received, late.received]).toEqual([[], [], []]);
    expect(store.read('w1').updates).toHaveLength(0);

    reachable = true;
    writable = true;
    room.applyUpdate(
      update((d) => d.getMap('m').set('j', 2)),
      alice,
    );
    await flusher.run();
    // Both stored in order, in one turn, then sent; the held reply too.
    expect(store.read('w1').updates).toHaveLength(2);
    expect(bob.received.map(kindOf)).toEqual(['update', 'update']);
    expect(clientFrom(late.received).getMap('m').toJSON()).toEqual({ k: 1 });
    expect(room.holdsUnstored).toBe(false);
    // Told once, for the storage health to refuse writes until its probe succeeds.
    expect(failures.map(String)).toEqual(['Error: Connection terminated unexpectedly']);
  });

  it('keeps the log when a compaction fails, and does not retry it at every turn', async () => {
    const store = memoryStore();
    let compactions = 0;
    let compactionFails = true;
    const flaky: RoomStore = {
      ...store,
      async compact(name, snapshot, uptoSeq) {
        compactions++;
        if (compactionFails) throw new Error('disk full');
        await store.compact(name, snapshot, uptoSeq);
      },
    };
    const flusher = new TurnFlusher(store.transaction);
    const room = await Room.open('w1', flaky, flusher, log, { ...OPTIONS, compactLogBytes: 64 });
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => room.applyUpdate(u, null as never));
    const edit = async (key: string, value: string) => {
      source.getMap('m').set(key, value);
      await flusher.run();
      await room.idle();
    };
    await edit('a', 'x'.repeat(100));
    expect(compactions).toBe(1);
    // Tried again only once the log has grown by another COMPACT_LOG_BYTES.
    await edit('b', 'small');
    expect(compactions).toBe(1);
    await edit('c', 'x'.repeat(100));
    expect(compactions).toBe(2);
    expect(store.read('w1').updates).toHaveLength(3);
    compactionFails = false;
    await edit('d', 'x'.repeat(100));
    expect(compactions).toBe(3);
    expect(store.read('w1').updates).toHaveLength(0);
    expect((await Room.open('w1', store, flusher, log, OPTIONS)).doc.getMap('m').toJSON()).toEqual(
      source.getMap('m').toJSON(),
    );
  });

  it('compacts once the log outweighs the last snapshot, so storage stays within twice the state', async () => {
    const { store, room, turn } = await setup({ compactLogBytes: 1 });
    const author = peer();
    const source = new Y.Doc();
    source.on('update', (u: Uint8Array) => room.applyUpdate(u, author));
    source.getMap('m').set('text', 'x'.repeat(2000));
    await turn();
    expect(store.read('w1').snapshot).not.toBeNull();
    for (let i = 0; i < 40; i++) {
      source.getMap('m').set('n', i);
      await turn();
    }
    const stored = store.read('w1');
    const storedBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((s, u) => s + u.byteLength, 0);
    expect(stored.updates.length).toBeGreaterThan(0);
    expect(storedBytes).toBeLessThanOrEqual(2 * Y.encodeStateAsUpdate(room.doc).byteLength + 64);
    expect((await setup({}, store)).room.doc.getMap('m').get('n')).toBe(39);
  });
});

describe('Room: sync replies', () => {
  it('answers fresh clients from one cached encode followed by the updates since', async () => {
    const { room, turn } = await setup();
    const author = peer();
    room.applyUpdate(
      update((d) => d.getMap('m').set('a', 1)),
      author,
    );
    await turn();
    const first = await room.syncReply(Y.encodeStateVector(new Y.Doc()));
    room.applyUpdate(
      update((d) => d.getMap('m').set('b', 2)),
      author,
    );
    await turn();
    const second = await room.syncReply(Y.encodeStateVector(new Y.Doc()));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
    // The cached step 2 comes last: the client is synced only once it has everything.
    expect(second[1]).toBe(first[0]);
    expect(clientFrom(second).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('answers a client with local state with what it lacks', async () => {
    const { room, turn } = await setup();
    const author = peer();
    const client = new Y.Doc();
    client.getMap('m').set('mine', true);
    room.applyUpdate(Y.encodeStateAsUpdate(client), author);
    room.applyUpdate(
      update((d) => d.getMap('m').set('theirs', true)),
      author,
    );
    await turn();
    const reply = await room.syncReply(Y.encodeStateVector(client));
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(client));
    room.applyUpdate(
      update((d) => d.getMap('m').set('later', true)),
      author,
    );
    await turn();
    // A second client with the same state gets the same encoded reply, then what came since.
    const twinReply = await room.syncReply(Y.encodeStateVector(twin));
    expect(twinReply.at(-1)).toBe(reply.at(-1));
    expect(clientFrom(reply, client).getMap('m').toJSON()).toEqual({ mine: true, theirs: true });
    expect(clientFrom(twinReply, twin).getMap('m').toJSON()).toEqual({
      mine: true,
      theirs: true,
      later: true,
    });
  });

  it('serves a loaded room from its stored snapshot without encoding it again', async () => {
    const { store, room, turn } = await setup();
    room.applyUpdate(
      update((d) => d.getMap('m').set('a', 1)),
      peer(),
    );
    await turn();
    await room.compact();
    const reloaded = (await setup({}, store)).room;
    const [step2] = await reloaded.syncReply(Y.encodeStateVector(new Y.Doc()));
    const decoder = decoding.createDecoder(step2!);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
    expect(decoding.readVarUint8Array(decoder)).toEqual(store.read('w1').snapshot);
    expect(clientFrom([step2!]).getMap('m').toJSON()).toEqual({ a: 1 });
  });
});

describe('Room: sync replies and the commit in flight', () => {
  const EMPTY = Y.encodeStateVector(new Y.Doc());
  const kinds = (p: TestPeer) => p.received.map(kindOf);

  async function heldSetup() {
    const store = memoryStore();
    const commits = heldCommits(store);
    const flusher = new TurnFlusher(commits.transaction);
    const room = await Room.open('w1', store, flusher, log, { ...OPTIONS, presenceTickMs: 0 });
    return { store, commits, flusher, room };
  }

  it('holds a reply carrying updates not yet committed until their commit settles; presence does not wait', async () => {
    const { commits, flusher, room } = await heldSetup();
    const [alice, carol, bob] = [peer(), peer(), peer()];
    for (const p of [alice, carol, bob]) room.add(p);
    room.applyUpdate(
      update((d) => d.getMap('m').set('first', 1)),
      alice,
    );
    const first = flusher.run();
    const firstCommit = await commits.next();
    // Asked while the first turn's commit is in flight: the reply holds its update.
    room.answerSyncStep1(EMPTY, carol);
    // A second turn's update arrives, then bob asks: his reply holds both turns' updates.
    room.applyUpdate(
      update((d) => d.getMap('m').set('second', 2)),
      alice,
    );
    room.answerSyncStep1(EMPTY, bob);
    room.applyPresence([
      { clientId: 7, clock: 1, json: JSON.stringify({ cursor: { x: 1, y: 1 } }), light: '{}' },
    ]);
    await vi.waitFor(() => expect(kinds(bob)).toEqual(['type 1']));
    expect(kinds(carol)).toEqual(['type 1']);

    firstCommit.commit();
    await first;
    // Carol's reply leaves with the first turn's broadcast; bob's waits for the second turn.
    expect(kinds(carol)).toEqual(['type 1', 'update', 'sync-step-2']);
    expect(kinds(bob)).toEqual(['type 1', 'update']);
    expect(clientFrom(carol.received.slice(2)).getMap('m').toJSON()).toEqual({ first: 1 });

    const secondCommit = await commits.next();
    expect(kinds(bob)).toEqual(['type 1', 'update']);
    secondCommit.commit();
    await flusher.run();
    // The broadcast of the second turn, then the reply: carol's cached encode and the update since.
    expect(kinds(bob)).toEqual(['type 1', 'update', 'update', 'update', 'sync-step-2']);
    expect(clientFrom(bob.received.slice(3)).getMap('m').toJSON()).toEqual({ first: 1, second: 2 });
    // Nothing in flight: answered at once.
    const dave = peer();
    await room.answerSyncStep1(EMPTY, dave);
    expect(kinds(dave)).toEqual(['update', 'sync-step-2']);
  });

  it('drops a held reply when its commit fails and answers again from what is stored', async () => {
    const { store, commits, flusher, room } = await heldSetup();
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    room.applyUpdate(
      update((d) => d.getMap('m').set('kept', 1)),
      alice,
    );
    const stored = flusher.run();
    (await commits.next()).commit();
    await stored;
    room.applyUpdate(
      update((d) => d.getMap('m').set('lost', 2)),
      alice,
    );
    const failing = flusher.run();
    const commit = await commits.next();
    room.answerSyncStep1(EMPTY, bob);
    expect(kinds(bob)).toEqual(['update']);
    commit.fail();
    await failing;
    // The reply taken with the failed update never leaves; bob gets one from the stored document.
    expect(kinds(bob)).toEqual(['update', 'sync-step-1', 'sync-step-2']);
    expect(clientFrom(bob.received.slice(2)).getMap('m').toJSON()).toEqual({ kept: 1 });
    expect(kinds(alice)).toEqual(['denied storage-full', 'sync-step-1']);
    expect(store.read('w1').updates).toHaveLength(1);
  });
});

describe('Room: updates another node committed', () => {
  it('sends them to every peer at once and stores nothing of them', async () => {
    const { store, flusher, room } = await setup();
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    room.applyCommitted([update((d) => d.getMap('m').set('remote', 1))]);
    expect(alice.received.map(kindOf)).toEqual(['update']);
    expect(bob.received.map(kindOf)).toEqual(['update']);
    await flusher.run();
    expect(store.transactions).toBe(0);
    expect(store.read('w1').updates).toHaveLength(0);
    // And the sync-reply cache has them.
    expect(
      clientFrom(await room.syncReply(Y.encodeStateVector(new Y.Doc())))
        .getMap('m')
        .toJSON(),
    ).toEqual({ remote: 1 });
  });

  it('applies those arriving while a failed turn is taken back to the reloaded document', async () => {
    const store = memoryStore();
    let reload: () => void = () => {};
    let reloading: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      reloading = resolve;
    });
    let slow = false;
    const slowLoads = {
      ...store,
      load: async (name: string) => {
        if (slow) {
          reloading();
          await new Promise<void>((resolve) => {
            reload = resolve;
          });
        }
        return store.read(name);
      },
    };
    const flusher = new TurnFlusher(store.transaction);
    const room = await Room.open('w1', slowLoads, flusher, log, OPTIONS);
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    store.failing = true;
    slow = true;
    room.applyUpdate(
      update((d) => d.getMap('m').set('refused', 1)),
      alice,
    );
    const turn = flusher.run();
    await asked;
    room.applyCommitted([update((d) => d.getMap('m').set('remote', 2))]);
    expect(bob.received.map(kindOf)).toEqual([]);
    reload();
    await turn;
    expect(room.doc.getMap('m').toJSON()).toEqual({ remote: 2 });
    expect(bob.received.map(kindOf)).toEqual(['update', 'sync-step-1']);
    expect(store.read('w1').updates).toHaveLength(0);
  });
});

describe('Room: presence', () => {
  const entry = (clientId: number, clock: number, x: number) => ({
    clientId,
    clock,
    json: JSON.stringify({ cursor: { x, y: 0 }, user: { name: `u${clientId}` } }),
    light: JSON.stringify({ cursor: { x, y: 0 } }),
    pointer: { x, y: 0 },
    unpointed: '{}',
    unpointedJson: JSON.stringify({ user: { name: `u${clientId}` } }),
  });

  it('sends a lone change at once, then merges changes into one frame per tick', async () => {
    vi.useFakeTimers();
    const { room, turn } = await setup({ presenceTickMs: 30 });
    const watcher = peer();
    room.add(watcher);
    room.applyPresence([entry(1, 1, 10)]);
    vi.advanceTimersByTime(1);
    await turn();
    expect(watcher.received).toHaveLength(1);
    for (let i = 2; i < 6; i++) {
      room.applyPresence([entry(1, i, i)]);
      room.applyPresence([entry(2, i, -i)]);
    }
    vi.advanceTimersByTime(10);
    await turn();
    expect(watcher.received).toHaveLength(1);
    vi.advanceTimersByTime(20);
    await turn();
    expect(watcher.received).toHaveLength(2);
    // Client 1's user went out with its first state; client 2 is new, so its state carries it.
    const merged = presenceOf(watcher.received[1]!);
    expect(merged.get(1)).toEqual({ cursor: { x: 5, y: 0 } });
    expect(merged.get(2)).toEqual({ cursor: { x: -5, y: 0 }, user: { name: 'u2' } });
    // A peer arriving now gets everyone's user in its snapshot.
    expect(presenceOf(room.presence.snapshot()!).get(1)).toEqual({
      cursor: { x: 5, y: 0 },
      user: { name: 'u1' },
    });
  });

  it('ignores stale clocks and announces a leaving peer’s removal', async () => {
    vi.useFakeTimers();
    const { room, turn } = await setup({ presenceTickMs: 0 });
    const leaving = { ...peer(), awarenessClientId: 1 };
    const watcher = peer();
    room.add(leaving);
    room.add(watcher);
    room.applyPresence([entry(1, 5, 50)]);
    room.applyPresence([entry(1, 4, 40)]);
    vi.advanceTimersByTime(1);
    await turn();
    expect(presenceOf(watcher.received[0]!).get(1)).toEqual({
      cursor: { x: 50, y: 0 },
      user: { name: 'u1' },
    });
    room.remove(leaving);
    vi.advanceTimersByTime(1);
    await turn();
    expect(room.presence.size).toBe(0);
    const decoder = decoding.createDecoder(watcher.received[1]!);
    decoding.readVarUint(decoder);
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    expect([
      decoding.readVarUint(update),
      decoding.readVarUint(update),
      decoding.readVarUint(update),
    ]).toEqual([1, 1, 6]);
    expect(decoding.readVarString(update)).toBe('null');
  });

  it('past the interest threshold, sends stored updates with the tick (a longer one; to viewers within AUDIENCE_MS) and newcomers no cursors', async () => {
    vi.useFakeTimers();
    const { room, turn } = await setup({ presenceTickMs: 30 });
    const carol = { ...peer(), awarenessClientId: 2 };
    const peers = [peer(), peer(), carol, ...Array.from({ length: INTEREST_FROM_PEOPLE }, () => peer())];
    for (const p of peers) room.add(p);
    const [alice, bob] = peers as [TestPeer, TestPeer];
    room.applyPresence([entry(1, 1, 10), entry(2, 1, 20)]);
    vi.advanceTimersByTime(1);
    await turn();
    expect(presenceOf(room.presenceSnapshot()!).get(1)).toEqual({ user: { name: 'u1' } });
    const [bobBefore, carolBefore] = [bob.received.length, carol.received.length];
    room.applyUpdate(
      update((d) => d.getMap('m').set('k', 1)),
      alice,
    );
    await turn();
    // Stored, and held for the big room's tick (the last flush was just now), longer than the
    // room's own 30 ms.
    vi.advanceTimersByTime(30);
    await turn();
    expect(carol.received).toHaveLength(carolBefore);
    vi.advanceTimersByTime(BIG_ROOM_TICK_MS - 30);
    await turn();
    // Carol has a pointer: the next tick; Bob, who has none, within AUDIENCE_MS.
    expect(carol.received.slice(carolBefore).map(kindOf)).toEqual(['update']);
    expect(bob.received).toHaveLength(bobBefore);
    for (let t = BIG_ROOM_TICK_MS; t < AUDIENCE_MS; t += BIG_ROOM_TICK_MS) {
      vi.advanceTimersByTime(BIG_ROOM_TICK_MS);
      await turn();
    }
    expect(bob.received.slice(bobBefore).map(kindOf)).toEqual(['update']);
    expect(alice.received.filter((m) => kindOf(m) === 'update')).toHaveLength(0);
  });
});

describe('Room: a document on a thread of its own', () => {
  /** Every room's document on a thread served over a channel (doc-thread.fixture.ts), whatever its size. */
  function onThreads() {
    const started: ReturnType<typeof channelThread>[] = [];
    const threads = docThreads(
      () => true,
      () => {
        const thread = channelThread();
        started.push(thread);
        return thread;
      },
      0,
    );
    return { threads, started };
  }

  it('stores a turn before broadcasting it, answers sync from the thread and compacts from it', async () => {
    const { threads, started } = onThreads();
    const { store, room, turn } = await setup({ threads });
    expect(started).toHaveLength(1);
    expect(() => room.doc).toThrow(/thread of its own/);
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    await room.applyUpdate(
      update((d) => d.getMap('m').set('k', 1)),
      alice,
    );
    expect(bob.received).toHaveLength(0);
    await turn();
    expect(store.read('w1').updates).toHaveLength(1);
    expect(bob.received.map(kindOf)).toEqual(['update']);
    expect(alice.received).toHaveLength(0);
    const fresh = await room.syncReply(Y.encodeStateVector(new Y.Doc()));
    expect(clientFrom(fresh).getMap('m').toJSON()).toEqual({ k: 1 });
    await room.compact();
    const stored = store.read('w1');
    expect(stored.updates).toHaveLength(0);
    expect(
      clientFrom([encodeSyncStep2Update(stored.snapshot as Uint8Array)])
        .getMap('m')
        .toJSON(),
    ).toEqual({
      k: 1,
    });
    // The server's own writes go through a replica, stored and broadcast as any other.
    const lent = await room.lend();
    lent.doc.getMap('m').set('server', true);
    await lent.giveBack();
    await turn();
    expect(bob.received.map(kindOf)).toEqual(['update', 'update']);
    expect((await setup({}, store)).room.doc.getMap('m').toJSON()).toEqual({ k: 1, server: true });
    room.destroy();
    expect(started[0]?.stopped).toBe(true);
  });

  it('takes back a turn it could not store on a new thread, the old one stopped', async () => {
    const { threads, started } = onThreads();
    const { store, room, turn } = await setup({ threads });
    const alice = peer();
    room.add(alice);
    store.failing = true;
    await room.applyUpdate(
      update((d) => d.getMap('m').set('lost', 1)),
      alice,
    );
    await turn();
    expect(alice.received.map(kindOf)).toEqual(['denied storage-full', 'sync-step-1']);
    expect(started.map((t) => t.stopped)).toEqual([true, false]);
    const fresh = await room.syncReply(Y.encodeStateVector(new Y.Doc()));
    expect(clientFrom(fresh).getMap('m').toJSON()).toEqual({});
    room.destroy();
  });

  it('closes its peers and is dropped when its thread dies', async () => {
    const { threads, started } = onThreads();
    const store = memoryStore();
    const broken: Room[] = [];
    const room = await Room.open(
      'w1',
      store,
      new TurnFlusher(store.transaction),
      log,
      { ...OPTIONS, threads },
      {
        broken: (r) => broken.push(r),
      },
    );
    const [alice, bob] = [peer(), peer()];
    room.add(alice);
    room.add(bob);
    started[0]?.kill(new Error('out of memory'));
    expect([alice.closed, bob.closed]).toEqual([1011, 1011]);
    expect(broken).toEqual([room]);
    // What a connection still asks is not answered, and nothing throws.
    await room.answerSyncStep1(Y.encodeStateVector(new Y.Doc()), alice);
    await room.resync();
    room.applyCommitted([update((d) => d.getMap('m').set('bus', 1))]);
    await expect(
      room.applyUpdate(
        update((d) => d.getMap('m').set('k', 1)),
        alice,
      ),
    ).rejects.toThrow(/out of memory/);
    expect(alice.received).toEqual([]);
    room.destroy();
  });
});
