import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { EncodedState } from './doc-host';
import { encodeSyncStep2Update, encodeUpdate } from './messages';
import { clientFrom } from './sync-frames.fixture';
import { SyncReplies } from './sync-replies';

const FRESH = new Uint8Array([0]);

/**
 * A document whose encodes answer only when the test says so, as a host on another thread would:
 * its changes are pushed to the replies as they happen, the encode comes back later.
 */
function slowHost() {
  const doc = new Y.Doc();
  let changes = 0;
  const asked: { resolve: () => void }[] = [];
  const replies = new SyncReplies(
    (stateVector) =>
      new Promise<EncodedState>((resolve) => {
        // Encoded when asked (in order with the changes), answered when released.
        const update = stateVector ? Y.encodeStateAsUpdate(doc, stateVector) : Y.encodeStateAsUpdate(doc);
        const at = changes;
        asked.push({ resolve: () => resolve({ update, changes: at }) });
      }),
  );
  doc.on('update', (update: Uint8Array) => {
    changes++;
    replies.push(encodeUpdate(update));
  });
  return { doc, replies, asked };
}

describe('SyncReplies', () => {
  it('gives clients asking during one encode that encode, each with the updates made before it asked', async () => {
    const { doc, replies, asked } = slowHost();
    doc.getMap('m').set('a', 1);
    const first = replies.reply(FRESH);
    doc.getMap('m').set('b', 2);
    const second = replies.reply(FRESH);
    expect(asked).toHaveLength(1);
    asked[0]?.resolve();
    const [one, two] = await Promise.all([first, second]);
    expect(one.version).toBe(1);
    expect(one.frames).toHaveLength(1);
    // The second asked after `b`: the update since the encode goes before the shared step 2.
    expect(two.version).toBe(2);
    expect(two.frames).toHaveLength(2);
    expect(two.frames[1]).toEqual(one.frames[0]);
    expect(clientFrom(one.frames).getMap('m').toJSON()).toEqual({ a: 1 });
    expect(clientFrom(two.frames).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('answers from its cache at once once an encode is kept, and encodes again when too much changed', async () => {
    const { doc, replies, asked } = slowHost();
    doc.getMap('m').set('a', 1);
    const first = replies.reply(FRESH);
    asked[0]?.resolve();
    const step2 = (await first).frames[0];
    expect(step2).toEqual(encodeSyncStep2Update(Y.encodeStateAsUpdate(doc)));
    doc.getMap('m').set('b', 2);
    const cached = await replies.reply(FRESH);
    expect(asked).toHaveLength(1);
    expect(cached.version).toBe(2);
    expect(cached.frames).toHaveLength(2);
    expect(cached.frames.at(-1)).toEqual(step2);
    expect(clientFrom(cached.frames).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    // Past the updates it keeps (256), a new encode.
    for (let i = 0; i < 300; i++) doc.getMap('m').set(`k${i}`, i);
    const later = replies.reply(FRESH);
    expect(asked).toHaveLength(2);
    asked[1]?.resolve();
    expect((await later).version).toBe(302);
  });
});
