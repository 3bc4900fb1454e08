import {
  addNote,
  CLOSE_CODES,
  type CreateWorkshopResponse,
  type JoinResponse,
  readNotes,
  roomName,
} from '@atelier/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  awarenessMessage,
  cleanup,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  MESSAGE_SYNC,
  messageTypes,
  openRaw,
  type RawSocket,
  type RunningServer,
  rawEnded,
  sortedNotes,
  startServer,
  syncStep1Message,
  syncUpdateMessage,
  waitDoc,
  waitFor,
  withTimeout,
} from './harness';

const MAX_MESSAGE_BYTES = 64 * 1024;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
});
afterAll(cleanup);

interface Room {
  workshop: CreateWorkshopResponse;
  alice: JoinResponse;
  mallory: JoinResponse;
  a: DocClient;
  b: DocClient;
  room: string;
}

/** A workshop with two stock clients (Alice and Bob) on its board, each with one note synced. */
async function busyRoom(): Promise<Room> {
  const workshop = await createWorkshop(server.url);
  const [alice, bob, mallory] = await Promise.all([
    join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' }),
    join(server.url, workshop.joinCode, { name: 'Bob', group: 'staff' }),
    join(server.url, workshop.joinCode, { name: 'Mallory', group: 'other' }),
  ]);
  const room = roomName(workshop.id, 'board');
  const a = await connectDoc(server.wsUrl, room, alice.token);
  const b = await connectDoc(server.wsUrl, room, bob.token);
  addNote(a.doc, { x: 0, y: 0, author: alice.participantId, text: 'kept' });
  await waitDoc(b, (d) => readNotes(d).length === 1, 'Bob to see Alice’s first note');
  return { workshop, alice, mallory, a, b, room };
}

/** The room still works: a new note from Alice reaches Bob, a fresh client syncs everything. */
async function expectRoomStillServes(r: Room, label: string): Promise<void> {
  expect(server.exited, 'the server process is still running').toBe(false);
  addNote(r.a.doc, { x: 1, y: 1, author: r.alice.participantId, text: label });
  await waitDoc(
    r.b,
    (d) => readNotes(d).some((n) => n.text === label),
    `Bob to see "${label}" after the bad client`,
  );
  const fresh = await connectDoc(server.wsUrl, r.room, r.workshop.facilitatorToken);
  expect(JSON.stringify(sortedNotes(fresh.doc))).toBe(JSON.stringify(sortedNotes(r.a.doc)));
  fresh.destroy();
  expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  expect(r.a.closes, 'Alice’s connection was never closed').toEqual([]);
  expect(r.b.closes, 'Bob’s connection was never closed').toEqual([]);
}

function done(r: Room): void {
  r.a.destroy();
  r.b.destroy();
}

/** Opens Mallory's raw socket and waits for the server's greeting (so the connection is set up). */
async function rawMallory(r: Room): Promise<RawSocket> {
  const socket = openRaw(server.wsUrl, r.room, r.mallory.token);
  expect(await socket.opened, 'Mallory’s socket opened').toBe(true);
  socket.send(syncStep1Message());
  await waitFor(() => socket.messages.length > 0, 'the server to greet Mallory');
  return socket;
}

function bigTextUpdate(root: string, length: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(root).insert(0, 'x'.repeat(length));
  return Y.encodeStateAsUpdate(doc);
}

describe('message size limit (MAX_MESSAGE_BYTES)', () => {
  it('closes a connection that sends a message over MAX_MESSAGE_BYTES with 1009, and only that one', async () => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    socket.send(syncUpdateMessage(bigTextUpdate('junk', 2 * MAX_MESSAGE_BYTES)));
    const outcome = await rawEnded(socket, 'the oversized message to close the connection');
    expect(outcome).toMatchObject({ kind: 'close', code: CLOSE_CODES.tooLarge });
    await expectRoomStillServes(r, 'after oversized');
    const fresh = await connectDoc(server.wsUrl, r.room, r.alice.token);
    expect(fresh.doc.getText('junk').length).toBe(0);
    fresh.destroy();
    done(r);
  });

  it('counts a message sent in several fragments as a whole', async () => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    const message = syncUpdateMessage(bigTextUpdate('junk', 2 * MAX_MESSAGE_BYTES));
    const third = Math.ceil(message.length / 3);
    socket.ws.send(message.slice(0, third), { binary: true, fin: false });
    socket.ws.send(message.slice(third, 2 * third), { binary: true, fin: false });
    socket.ws.send(message.slice(2 * third), { binary: true, fin: true });
    const outcome = await rawEnded(socket, 'the fragmented oversized message to close the connection');
    expect(outcome).toMatchObject({ kind: 'close', code: CLOSE_CODES.tooLarge });
    await expectRoomStillServes(r, 'after fragmented oversized');
    done(r);
  });

  it('accepts a message under MAX_MESSAGE_BYTES', async () => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    const size = Math.floor(MAX_MESSAGE_BYTES / 2);
    socket.send(syncUpdateMessage(bigTextUpdate('big', size)));
    await waitDoc(
      r.b,
      (d) => d.getText('big').length === size,
      'Bob to receive the large but allowed update',
    );
    socket.terminate();
    done(r);
  });
});

/** `[0, 2, varUint(length)]` followed by only part of the declared bytes. */
function truncatedUpdateMessage(): Uint8Array {
  const doc = new Y.Doc();
  addNote(doc, { x: 3, y: 3, author: 'mallory', text: 'truncated note' });
  const full = syncUpdateMessage(Y.encodeStateAsUpdate(doc));
  return full.slice(0, Math.floor(full.length / 2));
}

/** A well-framed update message whose Yjs update itself is cut short. */
function updateWithTruncatedPayload(): Uint8Array {
  const doc = new Y.Doc();
  addNote(doc, { x: 3, y: 3, author: 'mallory', text: 'truncated note' });
  const update = Y.encodeStateAsUpdate(doc);
  return syncUpdateMessage(update.slice(0, update.length - 5));
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function truncatedAwareness(): Uint8Array {
  const full = awarenessMessage([{ clientID: 42, clock: 1, state: { cursor: { x: 1, y: 2 } } }]);
  return full.slice(0, full.length - 4);
}

function syncStep1WithTruncatedVector(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 50); // declares 50 bytes of state vector, sends 2
  encoding.writeUint8(encoder, 1);
  encoding.writeUint8(encoder, 0x80);
  return encoding.toUint8Array(encoder);
}

describe('malformed messages', () => {
  it('closes a connection that sends a text frame with 4400, and only that one', async () => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    socket.send('{"type":"sync"}');
    const outcome = await rawEnded(socket, 'the text frame to close the connection');
    expect(outcome).toMatchObject({ kind: 'close', code: CLOSE_CODES.badMessage });
    await expectRoomStillServes(r, 'after text frame');
    done(r);
  });

  it.each([
    ['an update message cut in the middle of its declared length', truncatedUpdateMessage],
    ['a well-framed update whose Yjs update is cut short', updateWithTruncatedPayload],
    ['a sync step 1 with a truncated state vector', syncStep1WithTruncatedVector],
    ['an empty binary frame', () => bytes()],
    ['a message type cut inside its varint', () => bytes(0x80)],
    ['a sync message without its sync type', () => bytes(0)],
    ['a sync message with an unknown sync type', () => bytes(0, 7, 0)],
    ['an update message with a length but no bytes', () => bytes(0, 2, 0x80)],
    ['an unknown message type', () => bytes(99, 1, 2, 3)],
    ['an awareness message cut short', truncatedAwareness],
    ['sixteen 0xff bytes', () => new Uint8Array(16).fill(0xff)],
  ])('closes a connection that sends %s with 4400, and the room goes on', async (label, make) => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    socket.send(make());
    const outcome = await rawEnded(socket, `the server to close the connection after ${label}`);
    expect(outcome).toMatchObject({ kind: 'close', code: CLOSE_CODES.badMessage });
    await expectRoomStillServes(r, `after ${label}`);
    expect(readNotes(r.b.doc).map((n) => n.text)).not.toContain('truncated note');
    done(r);
  });

  it('drops or refuses (4400) an awareness state that is not JSON, and the room goes on', async () => {
    const r = await busyRoom();
    const socket = await rawMallory(r);
    socket.send(garbageAwareness());
    // Either the connection is closed with 4400, or the state is ignored and the next message answered.
    const before = socket.messages.length;
    socket.send(syncStep1Message());
    await waitFor(
      async () =>
        (await Promise.race([socket.ended, Promise.resolve(null)])) !== null ||
        socket.messages.length > before,
      'a close or an answer to the next sync step 1',
    );
    const outcome = await Promise.race([socket.ended, Promise.resolve(null)]);
    if (outcome !== null) expect(outcome).toMatchObject({ kind: 'close', code: CLOSE_CODES.badMessage });
    else expect(messageTypes(socket).slice(before)).toContain(MESSAGE_SYNC);
    await expectRoomStillServes(r, 'after non-JSON awareness');
    const watcher = await connectDoc(server.wsUrl, r.room, r.alice.token);
    expect([...watcher.awareness.getStates().values()].some((s) => s === null)).toBe(false);
    watcher.destroy();
    socket.terminate();
    done(r);
  });

  it('keeps serving after many bad connections in a row', async () => {
    const r = await busyRoom();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => rawMallory(r)));
    sockets.forEach((s, i) => {
      s.send(i % 2 === 0 ? bytes(0, 2, 0x80) : 'text');
    });
    const outcomes = await withTimeout(
      Promise.all(sockets.map((s) => s.ended)),
      'all ten bad connections to be closed',
    );
    expect(outcomes.map((o) => (o.kind === 'close' ? o.code : o.kind))).toEqual(
      Array(10).fill(CLOSE_CODES.badMessage),
    );
    await expectRoomStillServes(r, 'after ten bad connections');
    done(r);
  });
});

function garbageAwareness(): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, 42);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, '{not json');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}
