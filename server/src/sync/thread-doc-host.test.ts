import { WRITE_DENIED_REASONS } from '@atelier/shared';
import { BOARD_ROOTS, type EditedItem } from '@atelier/shared/layout';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checksum } from '../store/docs';
import { startDocWorker } from '../workers/doc-threads';
import { WORKER_NICE } from '../workers/thread-priority';
import { threadIds, threadNice } from '../workers/threads.fixture';
import { channelThread } from './doc-thread.fixture';
import { encodeSyncStep2Update } from './messages';
import { BUS_ORIGIN } from './room-bus';
import { RoomDamaged, type StoredParts } from './stored-doc';
import { type DocThread, DocThreadFailed, ThreadDocHost } from './thread-doc-host';
import type { WriteCheck } from './write-check';

/** An update made by another client of `state`. */
function edit(state: Uint8Array, change: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client);
  return Y.mergeUpdates(updates);
}

/** A stored board: a snapshot with two issues, and one logged update after it. */
function storedBoard(): { stored: StoredParts; doc: Y.Doc } {
  const doc = new Y.Doc();
  doc.getMap(BOARD_ROOTS.clusters).set('i1', new Y.Map([['title', 'Mobilité']]));
  doc.getMap(BOARD_ROOTS.clusters).set('i2', new Y.Map([['title', 'Habitat']]));
  const snapshot = Y.encodeStateAsUpdate(doc);
  const logged = edit(snapshot, (d) => d.getMap('m').set('after', 1));
  Y.applyUpdate(doc, logged);
  return { stored: { snapshot, updates: [logged], snapshotChecksum: checksum(snapshot) }, doc };
}

const participant: WriteCheck = { role: 'participant', kind: 'board', participantId: 'p1' };
const observer: WriteCheck = { role: 'observer', kind: 'board', participantId: 'o1' };

const hosts: ThreadDocHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.destroy();
});

async function opened(thread: DocThread = channelThread(), tracksEdits = true) {
  const { stored, doc } = storedBoard();
  const snapshot = stored.snapshot as Uint8Array;
  const step2 = encodeSyncStep2Update(snapshot);
  const { host, ...rest } = await ThreadDocHost.open(thread, 'w/board', stored, true, tracksEdits);
  hosts.push(host);
  const changes: { update: Uint8Array; origin: unknown; edited: EditedItem[] | null }[] = [];
  const failures: Error[] = [];
  host.attach(
    (update, origin, edited) => changes.push({ update, origin, edited }),
    (error) => failures.push(error),
  );
  return { host, doc, changes, failures, step2, ...rest };
}

describe('ThreadDocHost', () => {
  it('rebuilds the stored document on its thread and hands back the fresh clients’ reply', async () => {
    const { host, doc, step2, snapshotStep2, skippedAt } = await opened();
    expect(snapshotStep2).toEqual(step2);
    expect(skippedAt).toEqual([]);
    const client = new Y.Doc();
    Y.applyUpdate(client, (await host.encodeState()).update);
    expect(client.getMap(BOARD_ROOTS.clusters).toJSON()).toEqual(doc.getMap(BOARD_ROOTS.clusters).toJSON());
    expect(client.getMap('m').get('after')).toBe(1);
    expect(await host.stateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it('reports a connection’s change, as that connection and with the items it touched, before the call resolves', async () => {
    const { host, doc, changes } = await opened();
    const connection = { participantId: 'p1' };
    const update = edit(Y.encodeStateAsUpdate(doc), (d) =>
      d.getMap(BOARD_ROOTS.clusters).get('i1') instanceof Y.Map
        ? (d.getMap(BOARD_ROOTS.clusters).get('i1') as Y.Map<unknown>).set('title', 'Mobilités')
        : null,
    );
    const applied = host.apply(update, connection, participant).then((refusal) => ({
      refusal,
      reported: changes.length,
    }));
    await expect(applied).resolves.toEqual({ refusal: null, reported: 1 });
    expect(changes[0]?.origin).toBe(connection);
    expect(changes[0]?.edited).toEqual([{ collection: 'issues', item: 'i1', field: 'title' }]);
    // Committed elsewhere: reported with the bus's origin, never as a connection's edit.
    await host.applyCommitted([edit(Y.encodeStateAsUpdate(doc), (d) => d.getMap('m').set('bus', 1))]);
    expect(changes[1]).toMatchObject({ origin: BUS_ORIGIN, edited: null });
    expect((await host.encodeState()).changes).toBe(2);
  });

  it('runs the write rules on its thread: a refused write changes nothing', async () => {
    const { host, doc, changes } = await opened();
    const state = Y.encodeStateAsUpdate(doc);
    await expect(
      host.apply(
        edit(state, (d) => d.getMap('m').set('j', 2)),
        {},
        observer,
      ),
    ).resolves.toEqual({ reason: WRITE_DENIED_REASONS.readOnly, bringsNewContent: true });
    await expect(host.apply(new Uint8Array([1, 2, 3, 255]), {}, participant)).rejects.toThrow();
    expect(changes).toEqual([]);
    expect((await host.encodeState(Y.encodeStateVector(doc))).update).toEqual(
      Y.encodeStateAsUpdate(new Y.Doc(), Y.encodeStateVector(doc)),
    );
  });

  it('frames a full state there, and encodes only what a client lacks', async () => {
    const { host, doc } = await opened();
    const full = await host.encodeState();
    expect(full.step2).toEqual(encodeSyncStep2Update(full.update));
    const client = new Y.Doc();
    Y.applyUpdate(client, full.update);
    await host.apply(
      edit(full.update, (d) => d.getMap('m').set('b', 2)),
      null,
    );
    const diff = await host.encodeState(Y.encodeStateVector(client));
    expect(diff.step2).toBeUndefined();
    Y.applyUpdate(client, diff.update);
    expect(client.getMap('m').toJSON()).toEqual({ after: 1, b: 2 });
    expect(doc.getMap('m').get('b')).toBeUndefined();
  });

  it('lends a replica whose changes come back as one update of the server’s own', async () => {
    const { host, changes } = await opened();
    const lent = await host.lend();
    expect(lent.doc.getMap(BOARD_ROOTS.clusters).size).toBe(2);
    lent.doc.getMap(BOARD_ROOTS.clusters).delete('i2');
    lent.doc.getMap('m').set('revealed', true);
    expect(changes).toEqual([]);
    await lent.giveBack();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ origin: null, edited: null });
    const client = new Y.Doc();
    Y.applyUpdate(client, (await host.encodeState()).update);
    expect(client.getMap(BOARD_ROOTS.clusters).has('i2')).toBe(false);
    expect(client.getMap('m').get('revealed')).toBe(true);
    // A replica read and left unchanged gives nothing back.
    await (await host.lend()).giveBack();
    expect(changes).toHaveLength(1);
  });

  it('refuses a damaged stored state with the room’s name, and stops the thread', async () => {
    const { stored } = storedBoard();
    const thread = channelThread();
    const damaged = { ...stored, snapshotChecksum: 'not-the-one' };
    const opening = ThreadDocHost.open(thread, 'w/board', damaged, true, false);
    await expect(opening).rejects.toBeInstanceOf(RoomDamaged);
    await expect(opening).rejects.toMatchObject({ room: 'w/board', why: expect.stringMatching(/checksum/) });
    expect(thread.stopped).toBe(true);
  });

  it('tells the room when its thread dies, then refuses what was pending and every later call', async () => {
    const thread = channelThread();
    const { host, failures } = await opened(thread);
    const pending = host.stateVector();
    thread.kill(new Error('out of memory'));
    expect(failures).toHaveLength(1);
    await expect(pending).rejects.toBeInstanceOf(DocThreadFailed);
    await expect(host.encodeState()).rejects.toThrow(/out of memory/);
  });

  it.runIf(process.platform === 'linux')(
    'runs on a worker thread of its own, below the sync loop’s priority',
    async () => {
      const before = threadIds();
      const { host, doc } = await opened(startDocWorker());
      const started = [...threadIds()].filter((tid) => !before.has(tid));
      expect(started.map(threadNice)).toContain(WORKER_NICE);
      const update = edit(Y.encodeStateAsUpdate(doc), (d) => d.getMap('m').set('worker', 1));
      await expect(host.apply(update, { participantId: 'p1' }, participant)).resolves.toBeNull();
      const client = new Y.Doc();
      Y.applyUpdate(client, (await host.encodeState()).update);
      expect(client.getMap('m').toJSON()).toEqual({ after: 1, worker: 1 });
    },
  );
});
