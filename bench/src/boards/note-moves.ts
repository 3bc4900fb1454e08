import { moveNote } from '@atelier/shared';
import * as Y from 'yjs';
import type { Board } from './generate-board';
import { seededRandom } from './seeded-random';

export interface RecordedMoves {
  /** One V1 update per move, in order, as each client would send it. */
  updates: Uint8Array[];
  bytes: number;
  /** Per update, its author's client id and that client's clock after it: what an observer must reach. */
  clients: Uint32Array;
  clocks: Uint32Array;
  /** The board after every move. */
  doc: Y.Doc;
}

/**
 * Moves random notes of `board` `count` times, each move by a random author in its own
 * transaction, and records every update. The same bytes are then replayed to every server, so
 * they all store exactly the same history. `board.doc` is left untouched.
 */
export function recordNoteMoves(board: Board, count: number, seed = 2): RecordedMoves {
  const random = seededRandom(seed);
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board.doc));
  const updates: Uint8Array[] = [];
  const clients = new Uint32Array(count);
  const clocks = new Uint32Array(count);
  let bytes = 0;
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
    bytes += update.byteLength;
  });
  const z = Date.UTC(2026, 11, 3, 14, 0, 0);
  for (let i = 0; i < count; i++) {
    doc.clientID = random.pick(board.authorClientIds);
    moveNote(doc, random.pick(board.noteIds), { x: random.int(20_000), y: random.int(8_000) }, z + i);
    clients[i] = doc.clientID;
    clocks[i] = Y.getState(doc.store, doc.clientID);
  }
  return { updates, bytes, clients, clocks, doc };
}
