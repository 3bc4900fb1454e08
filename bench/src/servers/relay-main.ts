/**
 * The floor: a WebSocket relay with no Yjs. Each frame goes, as it is, to the other sockets of
 * the same URL path. A stock client's sync step 1 is answered with a constant empty sync step 2
 * (so the client counts as synced) and not forwarded (no one would need it). Env: PORT, HOST.
 *
 * With `RELAY_TICK_MS` (e.g. 30, through `BENCH_SERVER_ENV`), presence is merged as Atelier merges
 * it and nothing else is done: each socket's last awareness entries are kept, and once per tick
 * one awareness message holding them all goes to every socket of the room — the I/O floor of
 * Atelier's design (the same reads and writes, no storage, checks or Yjs) on this Node and `ws`.
 */
import http from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as wsModule from 'ws';
import { type WebSocket, WebSocketServer } from 'ws';

/** `ws`'s own framing (a named export @types/ws does not declare), as server/src/sync/ws-frame.ts uses it. */
const { Sender } = wsModule as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean },
    ): Buffer[];
  };
};

/** [messageSync, syncStep1] opens a client's greeting. */
const SYNC_STEP1_PREFIX = [0, 0] as const;
/** [messageSync, syncStep2, length 2, empty update (0 structs, empty delete set)]. */
const EMPTY_SYNC_STEP2 = new Uint8Array([0, 1, 2, 0, 0]);
const MESSAGE_AWARENESS = 1;
const TICK_MS = Number(process.env.RELAY_TICK_MS ?? 0);
/** `RELAY_PREFRAMED=1`: each tick's message framed once and written to every socket's stream. */
const PREFRAMED = process.env.RELAY_PREFRAMED === '1';

interface Room {
  peers: Set<WebSocket>;
  /** Per socket, its last awareness entries (count, then the entries' bytes) not sent yet. */
  pending: Map<WebSocket, { count: number; entries: Uint8Array }>;
  timer: NodeJS.Timeout | null;
}

const rooms = new Map<string, Room>();
const server = http.createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server });

/** One awareness message with every pending entry, to every socket of the room. */
function flush(room: Room): void {
  room.timer = null;
  let count = 0;
  const inner = encoding.createEncoder();
  for (const { count: n } of room.pending.values()) count += n;
  encoding.writeVarUint(inner, count);
  for (const { entries } of room.pending.values()) encoding.writeUint8Array(inner, entries);
  room.pending.clear();
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(inner));
  const payload = Buffer.from(encoding.toUint8Array(message));
  if (!PREFRAMED) {
    for (const peer of room.peers) peer.send(payload);
    return;
  }
  // Framed once for the room and written straight to each socket, as Atelier does (ws-frame.ts).
  const frame = Buffer.concat(Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: true }));
  for (const peer of room.peers)
    (peer as unknown as { _socket: { write(b: Buffer): boolean } })._socket.write(frame);
}

wss.on('connection', (ws, req) => {
  const path = req.url ?? '/';
  let found = rooms.get(path);
  if (!found) {
    found = { peers: new Set(), pending: new Map(), timer: null };
    rooms.set(path, found);
  }
  const room = found;
  room.peers.add(ws);
  ws.on('message', (data: Buffer, isBinary) => {
    if (data[0] === SYNC_STEP1_PREFIX[0] && data[1] === SYNC_STEP1_PREFIX[1]) {
      ws.send(EMPTY_SYNC_STEP2);
      return;
    }
    if (TICK_MS > 0 && data[0] === MESSAGE_AWARENESS) {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      const update = decoding.readVarUint8Array(decoder);
      const inner = decoding.createDecoder(update);
      const count = decoding.readVarUint(inner);
      room.pending.set(ws, { count, entries: update.subarray(inner.pos) });
      room.timer ??= setTimeout(() => flush(room), TICK_MS);
      return;
    }
    for (const peer of room.peers) if (peer !== ws) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    room.peers.delete(ws);
    room.pending.delete(ws);
    if (room.peers.size > 0) return;
    if (room.timer) clearTimeout(room.timer);
    rooms.delete(path);
  });
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
