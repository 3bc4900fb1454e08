import { WRITE_DENIED_REASONS } from '@atelier/shared';
import { BOARD_ROOTS, type EditedItem } from '@atelier/shared/layout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocHost } from './doc-host';
import { BUS_ORIGIN } from './room-bus';
import type { WriteCheck } from './write-check';

/** An update made by another client of `doc`'s state. */
function edit(doc: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client);
  return Y.mergeUpdates(updates);
}

function hosted(tracksEdits = true) {
  const doc = new Y.Doc();
  const changes: { origin: unknown; edited: EditedItem[] | null }[] = [];
  const host = new LocalDocHost(
    doc,
    (_update, origin, edited) => changes.push({ origin, edited }),
    tracksEdits,
  );
  return { doc, host, changes };
}

const participant: WriteCheck = { role: 'participant', kind: 'board', participantId: 'p1' };
const observer: WriteCheck = { role: 'observer', kind: 'board', participantId: 'o1' };

describe('LocalDocHost', () => {
  it('applies a connection’s update and reports it with the board items it touched', async () => {
    const { doc, host, changes } = hosted();
    const connection = { participantId: 'p1' };
    const update = edit(doc, (d) =>
      d.getMap(BOARD_ROOTS.clusters).set('i1', new Y.Map([['title', 'Mobilité']])),
    );
    await expect(host.apply(update, connection, participant)).resolves.toBeNull();
    expect(doc.getMap(BOARD_ROOTS.clusters).has('i1')).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.origin).toBe(connection);
    expect(changes[0]?.edited).toEqual([{ collection: 'issues', item: 'i1', field: null }]);
    // Committed elsewhere: reported, never as a connection's edit.
    await host.applyCommitted([edit(doc, (d) => d.getMap(BOARD_ROOTS.clusters).delete('i1'))]);
    expect(changes[1]).toEqual({ origin: BUS_ORIGIN, edited: null });
    expect((await host.encodeState()).changes).toBe(2);
  });

  it('refuses what the write rules refuse, applying nothing, and says whether it was a real edit', async () => {
    const { doc, host, changes } = hosted();
    doc.getMap('m').set('k', 1);
    const fresh = edit(doc, (d) => d.getMap('m').set('j', 2));
    await expect(host.apply(fresh, {}, observer)).resolves.toEqual({
      reason: WRITE_DENIED_REASONS.readOnly,
      bringsNewContent: true,
    });
    // An observer's sync step 2 holding only what the room has: its greeting, not an edit.
    await expect(host.apply(Y.encodeStateAsUpdate(doc), {}, observer)).resolves.toEqual({
      reason: WRITE_DENIED_REASONS.readOnly,
      bringsNewContent: false,
    });
    expect(doc.getMap('m').toJSON()).toEqual({ k: 1 });
    expect(changes).toHaveLength(1);
  });

  it('rejects an update that does not decode, applying nothing', async () => {
    const { doc, host, changes } = hosted();
    await expect(host.apply(new Uint8Array([1, 2, 3, 255]), {}, participant)).rejects.toThrow();
    await expect(host.apply(new Uint8Array([1, 2, 3, 255]), {})).rejects.toThrow();
    expect(changes).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it('lends the document itself for the server’s own writes, which are reported as they happen', async () => {
    const { doc, host, changes } = hosted();
    const lent = await host.lend();
    expect(lent.doc).toBe(doc);
    lent.doc.getMap('m').set('reveal', true);
    expect(changes).toEqual([{ origin: null, edited: null }]);
    await lent.giveBack();
    expect(doc.getMap('m').get('reveal')).toBe(true);
  });

  it('encodes what a client lacks, and its state vector', async () => {
    const { doc, host } = hosted(false);
    doc.getMap('m').set('a', 1);
    const client = new Y.Doc();
    Y.applyUpdate(client, (await host.encodeState()).update);
    doc.getMap('m').set('b', 2);
    Y.applyUpdate(client, (await host.encodeState(Y.encodeStateVector(client))).update);
    expect(client.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(await host.stateVector()).toEqual(Y.encodeStateVector(doc));
  });
});
