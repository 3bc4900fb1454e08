/** What the sync tests share (`room.test.ts`, `sync-replies.test.ts`): reading frames as a stock client does. */
import * as decoding from 'lib0/decoding';
import { expect } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from './messages';

/** A stock client's document (`doc`, or a new one) after reading `frames` (sync messages) in order. */
export function clientFrom(frames: readonly Uint8Array[], doc = new Y.Doc()): Y.Doc {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE.sync);
    syncProtocol.readSyncMessage(decoder, { toUint8Array: () => new Uint8Array() } as never, doc, 'server');
  }
  return doc;
}
