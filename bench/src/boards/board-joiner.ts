import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { now } from '../lib/clock';
import { packageVersion } from '../lib/paths';
import {
  hocuspocusAuth,
  MESSAGE,
  peek,
  SYNC,
  skipDocumentName,
  syncStep2,
  syncUpdate,
  withDocumentName,
} from '../load/messages';
import { byteLength } from '../load/traffic';
import { type BenchServer, type ClientInfo, SERVERS } from '../servers';

/** When a fresh client had the whole board (ms since `joinBoard` was called). */
export interface JoinTiming {
  /** Socket open. */
  openMs: number;
  /** First sync step 2 received. */
  step2Ms: number;
  /** The board's bytes received (step 2 plus any updates right after it). */
  syncedMs: number;
  /** Payload of the first sync step 2. */
  step2Bytes: number;
  /** Payload of every sync step 2 and update so far (counting goes on after the sync). */
  docBytes: number;
  /** Every byte received so far (framing, the server's own step 1, presence, later updates). */
  bytesIn: number;
}

export interface JoinOptions {
  /** Document bytes that count as the whole board; 0 (default): the first sync step 2 is enough. */
  boardBytes?: number;
  /** The state vector the client claims to hold (a returning client); empty (a fresh one) by default. */
  stateVector?: Uint8Array;
}

export interface BoardJoiner {
  synced: Promise<JoinTiming>;
  /** Sends one V1 update as the stock client would (for replaying recorded edits byte for byte). */
  sendUpdate(update: Uint8Array): void;
  close(): void;
}

/**
 * Document bytes that count as "the whole board arrived". ywss answers a fresh client's sync
 * before its y-leveldb load ends and sends the board as an update afterwards, so a sync step 2
 * alone does not mean a usable board; the board's own encoded size does, whatever the server.
 */
const COMPLETE_FRACTION = 0.9;
const EMPTY = new Y.Doc();
const EMPTY_VECTOR = Y.encodeStateVector(EMPTY);

/**
 * A client joining a big board: greets like the stock client (sync step 1 with its state
 * vector; Hocuspocus: its token message first), answers the server's step 1, and only counts
 * what arrives — never applies it, so 45 joiners of a 20k-note board measure the server and
 * not this process applying 45 copies of 8 MB.
 */
export function joinBoard(
  server: Pick<BenchServer, 'name' | 'url'>,
  room: string,
  client: ClientInfo,
  options: JoinOptions = {},
): BoardJoiner {
  const boardBytes = options.boardBytes ?? 0;
  const t0 = now();
  const hocuspocus = SERVERS[server.name].protocol === 'hocuspocus';
  const url = hocuspocus
    ? server.url
    : `${server.url}/${room}${client.token === undefined ? '' : `?${new URLSearchParams({ token: client.token })}`}`;
  const frame = (message: Uint8Array) => (hocuspocus ? withDocumentName(room, message) : message);
  const socket = new WebSocket(url);
  socket.binaryType = 'nodebuffer';
  const timing: JoinTiming = { openMs: 0, step2Ms: 0, syncedMs: 0, step2Bytes: 0, docBytes: 0, bytesIn: 0 };

  const synced = new Promise<JoinTiming>((resolve, reject) => {
    socket.on('open', () => {
      timing.openMs = now() - t0;
      if (hocuspocus)
        socket.send(hocuspocusAuth(room, client.token ?? 'bench', packageVersion('@hocuspocus/provider')));
      socket.send(frame(syncStep1(options.stateVector ?? EMPTY_VECTOR)));
    });
    socket.on('message', (data: Buffer) => {
      timing.bytesIn += byteLength(data);
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const message = peek(hocuspocus ? skipDocumentName(bytes) : decoding.createDecoder(bytes));
      if (message.type !== MESSAGE.sync) return;
      if (message.syncType === SYNC.step1) {
        socket.send(frame(syncStep2(EMPTY, decoding.readVarUint8Array(message.decoder))));
        return;
      }
      const payload = decoding.readVarUint8Array(message.decoder).byteLength;
      if (message.syncType === SYNC.step2 && timing.step2Ms === 0) {
        timing.step2Ms = now() - t0;
        timing.step2Bytes = payload;
      }
      timing.docBytes += payload;
      if (timing.syncedMs === 0 && timing.step2Ms > 0 && timing.docBytes >= COMPLETE_FRACTION * boardBytes) {
        timing.syncedMs = now() - t0;
        resolve(timing);
      }
    });
    socket.on('error', reject);
    socket.on('close', (code) =>
      reject(new Error(`${server.name}: joiner closed (${code}) before the board arrived`)),
    );
  });
  // Rejections are the caller's to see through `synced`; never unhandled.
  synced.catch(() => {});
  return {
    synced,
    sendUpdate: (update) => socket.send(frame(syncUpdate(update))),
    close: () => socket.terminate(),
  };
}

/** y-websocket's sync step 1 for a given state vector (y-protocols only writes one from a doc). */
function syncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
