import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { addNote, CLOSE_CODES, FINAL_CLOSE_CODES, readNotes, roomName } from '@atelier/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  logEntries,
  openRaw,
  type RawSocket,
  type RunningServer,
  rawEnded,
  startServer,
  syncStep1Message,
  waitDoc,
  waitFor,
  withTimeout,
} from './harness';
import { parsePrometheusText, sampleValue } from './prometheus-text';

/**
 * The sync endpoint's socket caps (docs/security.md, "Socket limits"), attacked from several
 * loopback addresses: every 127.0.0.x is this machine, seen by the server as another client.
 */

const MAX_MESSAGE_BYTES = 64 * 1024;
/** Small caps, so that each attack is a few hundred sockets or messages at most. */
const SMALL_CAPS = {
  MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
  SOCKETS_PER_ADDRESS: '4',
  SOCKETS_PER_TOKEN: '3',
  UPGRADE_BURST: '20',
  UPGRADES_PER_SECOND: '1',
  SOCKET_MESSAGE_BURST: '100',
  SOCKET_MESSAGES_PER_SECOND: '50',
  SOCKET_BYTE_BURST: String(2 * MAX_MESSAGE_BYTES),
  SOCKET_BYTES_PER_SECOND: String(MAX_MESSAGE_BYTES / 2),
};

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: SMALL_CAPS });
});
afterAll(cleanup);

interface UpgradeAnswer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

/** A bare upgrade request from `localAddress`: the HTTP status (101 when accepted), Retry-After and body. */
function upgrade(target: RunningServer, path: string, localAddress: string): Promise<UpgradeAnswer> {
  const { hostname, port } = new URL(target.url);
  return withTimeout(
    new Promise<UpgradeAnswer>((resolve, reject) => {
      const req = request({
        hostname,
        port,
        path,
        localAddress,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        },
      });
      req.on('upgrade', (_response, socket) => {
        socket.destroy();
        resolve({ status: 101, retryAfter: undefined, body: '' });
      });
      req.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }),
        );
      });
      req.on('error', reject);
      req.end();
    }),
    `the upgrade of ${path} from ${localAddress}`,
  );
}

function refusals(target: RunningServer, limit: string): number {
  return logEntries(target).filter((e) => e.msg === 'sync upgrade refused' && e.limit === limit).length;
}

describe('open sockets per address', () => {
  it('refuses sockets from 127.0.0.2 past SOCKETS_PER_ADDRESS with a 429 before the handshake, while 127.0.0.3 connects', async () => {
    const workshop = await createWorkshop(server.url);
    const room = roomName(workshop.id, 'board');
    const people = await Promise.all(
      ['Ana', 'Ben', 'Cléo', 'Dan', 'Eve'].map((name) =>
        join(server.url, workshop.joinCode, { name, group: 'resident' }),
      ),
    );
    const held: DocClient[] = [];
    for (const person of people.slice(0, 4)) {
      held.push(await connectDoc(server.wsUrl, room, person.token, { localAddress: '127.0.0.2' }));
    }

    const refused = await upgrade(server, `/sync/${room}?token=${people[4]?.token}`, '127.0.0.2');
    expect(refused).toEqual({ status: 429, retryAfter: '10', body: 'socket-address' });
    expect(refusals(server, 'socket-address')).toBeGreaterThanOrEqual(1);

    const elsewhere = await connectDoc(server.wsUrl, room, people[4]?.token ?? '', {
      localAddress: '127.0.0.3',
    });
    addNote(held[0]?.doc ?? elsewhere.doc, {
      x: 0,
      y: 0,
      author: people[0]?.participantId ?? '',
      text: 'still here',
    });
    await waitDoc(elsewhere, (d) => readNotes(d).length === 1, 'the client from 127.0.0.3 to sync');

    // A socket that leaves gives its place back.
    held.pop()?.destroy();
    await waitFor(
      async () =>
        (await upgrade(server, `/sync/${room}?token=${people[3]?.token}`, '127.0.0.2')).status === 101,
      'a socket from 127.0.0.2 to be accepted again once one left',
    );
    for (const client of [...held, elsewhere]) client.destroy();
  });
});

describe('malformed connections', () => {
  it('give back their slot under the per-address cap and leave no connection counted, however many there were', async () => {
    const workshop = await createWorkshop(server.url);
    const room = roomName(workshop.id, 'board');
    const people = await Promise.all(
      ['Fay', 'Gil', 'Hana', 'Ivo'].map((name) =>
        join(server.url, workshop.joinCode, { name, group: 'resident' }),
      ),
    );
    // 16 bad connections from one address (under UPGRADE_BURST), 4 at a time: the cap (4) is
    // reached by each batch, so a slot not given back would refuse the next batch with a 429.
    for (let batch = 0; batch < 4; batch++) {
      const sockets = people.map((person) =>
        openRaw(server.wsUrl, room, person.token, { localAddress: '127.0.0.7' }),
      );
      for (const socket of sockets) {
        expect(await socket.opened).toBe(true);
        socket.send(new Uint8Array([0x80]));
      }
      for (const socket of sockets) {
        expect(await rawEnded(socket, 'a malformed connection to be closed')).toMatchObject({
          kind: 'close',
          code: 4400,
        });
      }
    }
    // Every slot back: the cap's worth of sockets from the same address is admitted at once.
    await waitFor(async () => (await syncConnections(server)) === 0, 'no sync connection to be counted');
    const again = await Promise.all(
      people.map((person) => connectDoc(server.wsUrl, room, person.token, { localAddress: '127.0.0.7' })),
    );
    expect(await syncConnections(server)).toBe(4);
    for (const client of again) client.destroy();
  });
});

/** Open board sockets as `GET /metrics` counts them (the sync endpoint's connections). */
async function syncConnections(target: RunningServer): Promise<number> {
  const families = parsePrometheusText(await (await fetch(`${target.url}/metrics`)).text());
  return sampleValue(families, 'atelier_sync_connections', { kind: 'board' });
}

describe('open sockets per token', () => {
  it('refuses a token past SOCKETS_PER_TOKEN from any address; another token from the same address connects', async () => {
    const workshop = await createWorkshop(server.url);
    const [paul, rita] = await Promise.all([
      join(server.url, workshop.joinCode, { name: 'Paul', group: 'resident' }),
      join(server.url, workshop.joinCode, { name: 'Rita', group: 'staff' }),
    ]);
    const board = roomName(workshop.id, 'board');
    const control = roomName(workshop.id, 'control');
    const held = [
      await connectDoc(server.wsUrl, board, paul.token, { localAddress: '127.0.0.4' }),
      await connectDoc(server.wsUrl, control, paul.token, { localAddress: '127.0.0.4' }),
      await connectDoc(server.wsUrl, board, paul.token, { localAddress: '127.0.0.5' }),
    ];
    const refused = await upgrade(server, `/sync/${board}?token=${paul.token}`, '127.0.0.6');
    expect(refused).toEqual({ status: 429, retryAfter: '10', body: 'socket-token' });
    expect(refusals(server, 'socket-token')).toBeGreaterThanOrEqual(1);
    const other = await connectDoc(server.wsUrl, board, rita.token, { localAddress: '127.0.0.6' });
    for (const client of [...held, other]) client.destroy();
  });
});

describe('upgrades per second per address', () => {
  it('answers an upgrade flood with plain 429s before the handshake, loads no room, and serves other addresses meanwhile', async () => {
    const workshop = await createWorkshop(server.url);
    const board = roomName(workshop.id, 'board');
    const flood = Array.from({ length: 200 }, (_, i) =>
      upgrade(server, `/sync/${board}?token=forged-${i}`, '127.0.0.7'),
    );
    const honest = connectDoc(server.wsUrl, roomName(workshop.id, 'control'), workshop.facilitatorToken, {
      localAddress: '127.0.0.8',
    });
    const answers = await Promise.all(flood);
    const statuses = answers.map((a) => a.status);
    // The burst (20, plus what refilled meanwhile) reaches the handshake and its 4401; the rest never does.
    expect(statuses.filter((s) => s === 101).length).toBeLessThanOrEqual(25);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(175);
    expect(statuses.every((s) => s === 101 || s === 429)).toBe(true);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.body).toBe('upgrade-rate');
    expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refusals(server, 'upgrade-rate')).toBeGreaterThanOrEqual(175);
    expect(
      logEntries(server).filter((e) => e.msg === 'room loaded' && e.room === board),
      'the board the flood aimed at was never loaded',
    ).toEqual([]);
    (await honest).destroy();
  });
});

/** A message the server reads and ignores (y-protocols auth), `size` bytes long. */
function ignoredMessage(size: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 2);
  encoding.writeUint8Array(encoder, new Uint8Array(size - 1));
  return encoding.toUint8Array(encoder);
}

/** Alice and Bob on a board, syncing; Mallory (a valid participant) ready to flood from 127.0.0.9. */
async function roomWithMallory() {
  const workshop = await createWorkshop(server.url);
  const room = roomName(workshop.id, 'board');
  const [alice, bob, mallory] = await Promise.all(
    ['Alice', 'Bob', 'Mallory'].map((name) =>
      join(server.url, workshop.joinCode, { name, group: 'resident' }),
    ),
  );
  const a = await connectDoc(server.wsUrl, room, alice?.token ?? '');
  const b = await connectDoc(server.wsUrl, room, bob?.token ?? '');
  const socket = openRaw(server.wsUrl, room, mallory?.token ?? '', { localAddress: '127.0.0.9' });
  expect(await socket.opened).toBe(true);
  socket.send(syncStep1Message());
  await waitFor(() => socket.messages.length > 0, 'the server to greet Mallory');
  return { room, alice: alice?.participantId ?? '', a, b, socket };
}

/** Alice's new notes keep reaching Bob while (and after) Mallory floods; neither is ever closed. */
async function expectRoomKeepsSyncing(
  r: Awaited<ReturnType<typeof roomWithMallory>>,
  flood: (socket: RawSocket) => void,
) {
  addNote(r.a.doc, { x: 0, y: 0, author: r.alice, text: 'during' });
  flood(r.socket);
  const outcome = await rawEnded(r.socket, 'the flood to close Mallory’s connection');
  addNote(r.a.doc, { x: 1, y: 1, author: r.alice, text: 'after' });
  await waitDoc(r.b, (d) => readNotes(d).length === 2, 'Bob to see both of Alice’s notes');
  expect(r.a.closes).toEqual([]);
  expect(r.b.closes).toEqual([]);
  r.a.destroy();
  r.b.destroy();
  return outcome;
}

describe('message and byte rates per connection', () => {
  it('closes a connection flooding messages with 4529 (not final), while the room keeps syncing', async () => {
    const r = await roomWithMallory();
    const outcome = await expectRoomKeepsSyncing(r, (socket) => {
      for (let i = 0; i < 1000; i++) socket.send(ignoredMessage(8));
    });
    expect(outcome).toMatchObject({
      kind: 'close',
      code: CLOSE_CODES.rateLimited,
      reason: expect.stringMatching(/^message-rate \(connection /),
    });
    expect(FINAL_CLOSE_CODES.has(CLOSE_CODES.rateLimited)).toBe(false);
    expect(
      logEntries(server).some((e) => e.limit === 'message-rate' && e.code === CLOSE_CODES.rateLimited),
    ).toBe(true);
  });

  it('closes a connection flooding bytes with 4529, in messages each under MAX_MESSAGE_BYTES', async () => {
    const r = await roomWithMallory();
    const outcome = await expectRoomKeepsSyncing(r, (socket) => {
      for (let i = 0; i < 20; i++) socket.send(ignoredMessage(MAX_MESSAGE_BYTES / 2));
    });
    expect(outcome).toMatchObject({
      kind: 'close',
      code: CLOSE_CODES.rateLimited,
      reason: expect.stringMatching(/^byte-rate \(connection /),
    });
  });

  it('lets the stock client reconnect after a 4529 by itself, and sync again', async () => {
    const workshop = await createWorkshop(server.url);
    const room = roomName(workshop.id, 'board');
    const client = await connectDoc(server.wsUrl, room, workshop.facilitatorToken, {
      localAddress: '127.0.0.10',
    });
    const ws = client.provider.ws as unknown as { send(data: Uint8Array): void };
    for (let i = 0; i < 200; i++) ws.send(ignoredMessage(8));
    await waitFor(() => client.closes.some((c) => c.code === CLOSE_CODES.rateLimited), 'the 4529 close');
    await waitFor(() => client.provider.wsconnected && client.provider.synced, 'the stock client to be back');
    client.destroy();
  });
});

describe('the defaults', () => {
  it('never refuse a room of 45 behind one address reconnecting all at once while its old sockets linger', async () => {
    const own = await startServer();
    const workshop = await createWorkshop(own.url);
    const people = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        join(own.url, workshop.joinCode, { name: `P${i}`, group: 'resident' }),
      ),
    );
    const rooms = [roomName(workshop.id, 'board'), roomName(workshop.id, 'control')];
    const connectAll = () =>
      withTimeout(
        Promise.all(
          people.flatMap((p) =>
            rooms.map((room) =>
              connectDoc(own.wsUrl, room, p.token, { localAddress: '127.0.0.11', timeoutMs: 20_000 }),
            ),
          ),
        ),
        '90 sockets from one address to sync',
        25_000,
      );
    const before = await connectAll();
    // The Wi-Fi glitch: everyone comes back at once, before the server noticed the old sockets died.
    const after = await connectAll();
    const [first, last] = [after[0], after.at(-2)];
    if (!first || !last) throw new Error('no clients');
    addNote(first.doc, { x: 0, y: 0, author: people[0]?.participantId ?? '', text: 'back' });
    await waitDoc(last, (d) => readNotes(d).length === 1, 'the last person to see the note');
    const closes = [...before, ...after].flatMap((c) => c.closes);
    expect(closes).toEqual([]);
    expect(logEntries(own).filter((e) => e.msg === 'sync upgrade refused' || e.limit !== undefined)).toEqual(
      [],
    );
    for (const client of [...before, ...after]) client.destroy();
    await own.stop();
  }, 60_000);
});
