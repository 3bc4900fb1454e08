/**
 * The floor: a WebSocket relay with no Yjs. Each frame goes, as it is, to the other sockets of
 * the same URL path. A stock client's sync step 1 is answered with a constant empty sync step 2
 * (so the client counts as synced) and not forwarded (no one would need it). Env: PORT, HOST.
 */
import http from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

/** [messageSync, syncStep1] opens a client's greeting. */
const SYNC_STEP1_PREFIX = [0, 0] as const;
/** [messageSync, syncStep2, length 2, empty update (0 structs, empty delete set)]. */
const EMPTY_SYNC_STEP2 = new Uint8Array([0, 1, 2, 0, 0]);

const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const path = req.url ?? '/';
  let peers = rooms.get(path);
  if (!peers) {
    peers = new Set();
    rooms.set(path, peers);
  }
  const room = peers;
  room.add(ws);
  ws.on('message', (data: Buffer, isBinary) => {
    if (data[0] === SYNC_STEP1_PREFIX[0] && data[1] === SYNC_STEP1_PREFIX[1]) {
      ws.send(EMPTY_SYNC_STEP2);
      return;
    }
    for (const peer of room) if (peer !== ws) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    room.delete(ws);
    if (room.size === 0) rooms.delete(path);
  });
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
