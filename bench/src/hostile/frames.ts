/**
 * The malformed frames of the hostile scenario: the kinds the server's robustness tests send
 * one by one (server/test/sync-robustness.test.ts), here as a cycle for a flood. Each closes
 * its connection (4400, or 1009 for the oversized one).
 */
import { addNote } from '@atelier/shared';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export interface FrameKind {
  name: string;
  frame: Uint8Array | string;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function noteUpdate(): Uint8Array {
  const doc = new Y.Doc();
  addNote(doc, { x: 3, y: 3, author: 'mallory', text: 'truncated note' });
  return Y.encodeStateAsUpdate(doc);
}

const update = noteUpdate();
const updateMessage = message((e) => {
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
});

const awareness = message((e) => {
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(
    e,
    message((inner) => {
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 42);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, JSON.stringify({ cursor: { x: 1, y: 2 } }));
    }),
  );
});

/** Every kind but the oversized one (which costs its size on the wire: sent more rarely). */
export const MALFORMED: readonly FrameKind[] = [
  { name: 'text frame', frame: '{"type":"sync"}' },
  { name: 'update cut in its declared length', frame: updateMessage.slice(0, updateMessage.length >> 1) },
  {
    name: 'update whose Yjs payload is cut',
    frame: message((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update.slice(0, update.length - 5));
    }),
  },
  {
    name: 'sync step 1 with a truncated state vector',
    frame: new Uint8Array([0, 0, 50, 1, 0x80]),
  },
  { name: 'empty binary frame', frame: new Uint8Array(0) },
  { name: 'type cut inside its varint', frame: new Uint8Array([0x80]) },
  { name: 'sync without its sync type', frame: new Uint8Array([0]) },
  { name: 'unknown sync type', frame: new Uint8Array([0, 7, 0]) },
  { name: 'update with a length but no bytes', frame: new Uint8Array([0, 2, 0x80]) },
  { name: 'unknown message type', frame: new Uint8Array([99, 1, 2, 3]) },
  { name: 'awareness cut short', frame: awareness.slice(0, awareness.length - 4) },
  { name: 'garbage varint (16 × 0xff)', frame: new Uint8Array(16).fill(0xff) },
];

/** One byte over the server's default MAX_MESSAGE_BYTES (1 MiB): `ws` refuses it with 1009. */
export const OVERSIZED: FrameKind = { name: 'oversized (1 MiB + 1)', frame: new Uint8Array(1024 * 1024 + 1) };

/** A message the server reads and ignores (y-protocols auth, type 2): for the rate edges. */
export function ignoredMessage(size: number): Uint8Array {
  const frame = new Uint8Array(size);
  frame[0] = 2;
  return frame;
}
