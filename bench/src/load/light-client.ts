import type { Socket } from 'node:net';
import { withTimeout } from '@atelier/testing';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { packageVersion } from '../lib/paths';
import { FrameCounter } from './frame-counter';
import {
  applySyncPayload,
  awarenessMessage,
  hocuspocusAuth,
  MESSAGE,
  peek,
  SYNC,
  skipDocumentName,
  syncStep1,
  syncStep2,
  syncUpdate,
  withDocumentName,
} from './messages';
import { emptyTraffic } from './traffic';
import type { BenchClient, ClientTarget, ConnectOptions } from './types';

let hocuspocusProviderVersion: string | undefined;

/** WebSocket control opcodes the counter answers. */
const PING = 0x9;
const CLOSE = 0x8;

/** Marks updates the light client applies from the server, so they are not sent back. */
const REMOTE = Symbol('remote');

/**
 * A raw-socket client: greets like the stock client (sync step 1 + presence), answers the
 * server's sync step 1 with its own state, applies the server's first sync step 2 once, and
 * after that stops parsing: `ws`'s receiver is detached and a FrameCounter counts frames and
 * bytes in the TCP stream (answering pings and closes itself). Its own edits and presence
 * are encoded exactly as the stock client encodes them.
 */
export function connectLight(target: ClientTarget, options: ConnectOptions): BenchClient {
  const doc = options.doc ?? new Y.Doc();
  const traffic = emptyTraffic();
  const hocuspocus = target.protocol === 'hocuspocus';
  const url = hocuspocus
    ? target.url
    : `${target.url}/${target.room}${Object.keys(target.params).length > 0 ? `?${new URLSearchParams(target.params)}` : ''}`;
  let clock = 0;
  let presence: unknown = options.presence ?? null;
  let ws: WebSocket | null = null;
  let synced = false;
  let syncCount = 0;
  let closedForGood = false;
  let waiters: (() => void)[] = [];

  const frame = (message: Uint8Array) => (hocuspocus ? withDocumentName(target.room, message) : message);
  const send = (message: Uint8Array) => {
    if (ws?.readyState !== WebSocket.OPEN) return;
    const data = frame(message);
    traffic.framesOut++;
    traffic.bytesOut += data.byteLength;
    ws.send(data);
  };

  const markSynced = () => {
    synced = true;
    syncCount++;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const onMessage = (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const decoder = hocuspocus ? skipDocumentName(bytes) : decoding.createDecoder(bytes);
    const message = peek(decoder);
    if (message.type !== MESSAGE.sync) return;
    if (message.syncType === SYNC.step1) {
      send(syncStep2(doc, decoding.readVarUint8Array(decoder)));
    } else if (message.syncType === SYNC.step2 && !synced) {
      if (!options.discardSync) applySyncPayload(doc, decoder, REMOTE);
      markSynced();
      ws?.emit('synced');
    }
  };

  /**
   * Counts every frame the server sends on `socket` from its opening; once the client has
   * synced, `ws` stops parsing and the counter answers pings and the server's close.
   */
  const countFrames = (socket: WebSocket) => {
    const raw = (socket as unknown as { _socket?: Socket })._socket;
    if (!raw) return;
    let parsing = true;
    const counter = new FrameCounter((opcode, payload) => {
      if (parsing) return;
      if (opcode === PING) socket.pong(payload);
      else if (opcode === CLOSE) raw.destroy();
    });
    const count = (chunk: Buffer) => {
      const { messages, payloadBytes } = counter;
      counter.push(chunk);
      traffic.framesIn += counter.messages - messages;
      traffic.bytesIn += counter.payloadBytes - payloadBytes;
    };
    raw.prependListener('data', count);
    socket.once('synced', () => {
      parsing = false;
      for (const listener of raw.listeners('data')) {
        if (listener !== count) raw.removeListener('data', listener as (chunk: Buffer) => void);
      }
      raw.resume();
    });
  };

  const open = () => {
    synced = false;
    const socket = new WebSocket(url);
    ws = socket;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      countFrames(socket);
      if (hocuspocus) {
        hocuspocusProviderVersion ??= packageVersion('@hocuspocus/provider');
        const auth = hocuspocusAuth(target.room, target.token, hocuspocusProviderVersion);
        traffic.framesOut++;
        traffic.bytesOut += auth.byteLength;
        socket.send(auth);
      }
      send(syncStep1(doc));
      if (presence !== null) send(awarenessMessage(doc.clientID, ++clock, presence));
    });
    socket.on('message', onMessage);
    // Errors surface as a close; a light client stays down until `reconnect()`.
    socket.on('error', () => {});
    socket.on('close', () => {
      if (ws === socket) {
        ws = null;
        synced = false;
      }
    });
  };

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) send(syncUpdate(update));
  });

  open();

  return {
    kind: 'light',
    server: target.server,
    room: target.room,
    index: target.index,
    doc,
    clientId: doc.clientID,
    awareness: null,
    traffic,
    get synced() {
      return synced;
    },
    get syncCount() {
      return syncCount;
    },
    whenSynced: (timeoutMs = 30_000) =>
      synced
        ? Promise.resolve()
        : withTimeout(
            new Promise<void>((resolve) => waiters.push(resolve)),
            `light client ${target.index} of ${target.room} on ${target.server} to sync`,
            timeoutMs,
          ),
    setPresence(state) {
      presence = state;
      send(awarenessMessage(doc.clientID, ++clock, state));
    },
    drop() {
      ws?.terminate();
      ws = null;
      synced = false;
    },
    reconnect() {
      if (!closedForGood && ws === null) open();
    },
    close() {
      closedForGood = true;
      ws?.close();
      ws = null;
      doc.destroy();
    },
  };
}
