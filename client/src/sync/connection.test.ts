import { addNote, CLOSE_CODES, RATE_LIMITED_DELAY_MS, readNotes, setNoteText } from '@atelier/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writePermissionDenied } from 'y-protocols/auth';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { writeSyncStep1, writeSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';
import { deriveStatus, WorkshopConnection } from './connection';
import { FakeSocket } from './fakeSocket';

function connect(online = true): WorkshopConnection {
  return new WorkshopConnection({
    workshopId: 'w1',
    token: 'tok',
    origin: 'http://localhost:1234',
    online,
    persist: false,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
}

/** The board room's socket (not the control one). */
const boardSocket = () => FakeSocket.latest('/sync/w1?');

function serverSyncStep2(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  writeSyncStep2(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function serverSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Applies a client's sync frame (step 2 or update) to `doc`, as the server would; ignores the rest. */
function applySyncFrame(frame: Uint8Array, doc: Y.Doc): void {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 0) return;
  if (decoding.readVarUint(decoder) === 0) return;
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 2);
  writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

describe('WorkshopConnection', () => {
  let connection: WorkshopConnection;
  beforeEach(() => {
    FakeSocket.instances = [];
  });
  afterEach(() => {
    connection.destroy();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens the board and control rooms with the token', () => {
    connection = connect();
    const urls = FakeSocket.instances.map((s) => s.url).sort();
    expect(urls).toEqual([
      'ws://localhost:1234/sync/w1/control?token=tok',
      'ws://localhost:1234/sync/w1?token=tok',
    ]);
  });

  it('reports connected once both rooms are open', () => {
    connection = connect();
    expect(connection.state.status).toBe('connecting');
    for (const socket of FakeSocket.instances) socket.open();
    expect(connection.state.status).toBe('connected');
  });

  it('counts edits made offline and clears them once synced again', () => {
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    connection.goOffline();
    expect(connection.state.status).toBe('offline');
    addNote(connection.boardDoc, { id: 'n1', x: 0, y: 0, author: 'p1', text: 'offline' });
    expect(connection.state.pending).toBe(1);
    connection.goOnline();
    const socket = boardSocket();
    socket.open();
    expect(connection.state.pending).toBe(1);
    socket.receive(serverSyncStep2(new Y.Doc()));
    expect(connection.state.pending).toBe(0);
    expect(connection.state.status).toBe('connecting');
    FakeSocket.latest('/control').open();
    expect(connection.state.status).toBe('connected');
  });

  it('throws its replica away and resyncs when the server refuses a write', async () => {
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    const before = connection.boardDoc;
    addNote(before, { id: 'n1', x: 0, y: 0, author: 'p1' });
    const denied: string[] = [];
    connection.on('denied', ({ reason }) => denied.push(reason));
    const replaced = new Promise<Y.Doc>((resolve) => connection.on('boardDoc', resolve));
    boardSocket().receive(permissionDenied('read-only'));
    const fresh = await replaced;
    expect(denied).toEqual(['read-only']);
    expect(fresh).not.toBe(before);
    expect(connection.boardDoc).toBe(fresh);
    expect(readNotes(fresh)).toEqual([]);
    // A new socket syncs the fresh replica with the room.
    const server = new Y.Doc();
    addNote(server, { id: 'n0', x: 0, y: 0, author: 'p2', text: 'from the room' });
    const socket = boardSocket();
    socket.open();
    socket.receive(serverSyncStep2(server));
    expect(readNotes(connection.boardDoc).map((n) => n.text)).toEqual(['from the room']);
  });

  it.each(['storage-full', 'unavailable'])(
    'keeps its replica and edits when the server cannot store them (%s), says so once, and sends them when asked',
    (reason) => {
      connection = connect();
      for (const socket of FakeSocket.instances) socket.open();
      const doc = connection.boardDoc;
      addNote(doc, { id: 'n1', x: 0, y: 0, author: 'p1', text: 'kept' });
      const denied: string[] = [];
      connection.on('denied', ({ reason }) => denied.push(reason));
      const socket = boardSocket();
      socket.receive(permissionDenied(reason));
      socket.receive(permissionDenied(reason));
      expect(denied).toEqual([reason]);
      expect(connection.boardDoc).toBe(doc);
      expect(readNotes(doc).map((n) => n.text)).toEqual(['kept']);
      // The server can store again: its sync step 1 (an empty room) gets the note back.
      socket.sent.length = 0;
      socket.receive(serverSyncStep1(new Y.Doc()));
      const room = new Y.Doc();
      for (const frame of socket.sent) applySyncFrame(frame, room);
      expect(readNotes(room).map((n) => n.text)).toEqual(['kept']);
    },
  );

  it('stops for good when the server refuses the token', () => {
    connection = connect();
    const count = FakeSocket.instances.length;
    boardSocket().serverClose(CLOSE_CODES.unauthorized);
    expect(connection.state.closedCode).toBe(CLOSE_CODES.unauthorized);
    expect(connection.state.status).toBe('offline');
    expect(connection.board.provider.shouldConnect).toBe(false);
    expect(connection.control.provider.shouldConnect).toBe(false);
    expect(FakeSocket.instances.length).toBe(count);
  });

  it('reconnects after an ordinary close, at a random point of the backoff window', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    const before = FakeSocket.instances.length;
    boardSocket().serverClose(1006);
    expect(connection.state.closedCode).toBeNull();
    expect(connection.state.status).toBe('connecting');
    // First attempt: window of 200 ms, half of it drawn.
    vi.advanceTimersByTime(99);
    expect(FakeSocket.instances.length).toBe(before);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances.length).toBe(before + 1);
    expect(boardSocket().url).toBe('ws://localhost:1234/sync/w1?token=tok');
    // The provider's own (unjittered) timer must not open a second socket.
    vi.advanceTimersByTime(5000);
    expect(FakeSocket.instances.length).toBe(before + 1);
  });

  it('reconnects after a rate-limited close (4529), but only after a few seconds', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    const before = FakeSocket.instances.length;
    boardSocket().serverClose(CLOSE_CODES.rateLimited);
    expect(connection.state.closedCode).toBeNull();
    vi.advanceTimersByTime(RATE_LIMITED_DELAY_MS + 99);
    expect(FakeSocket.instances.length).toBe(before);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances.length).toBe(before + 1);
    // Once is a hiccup: nothing to tell the person.
    expect(connection.state.rateLimited).toBe(false);
  });

  it('tells the person when rate-limited closes repeat, and forgets it a minute after the last', () => {
    vi.useFakeTimers();
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    boardSocket().serverClose(CLOSE_CODES.rateLimited);
    vi.advanceTimersByTime(RATE_LIMITED_DELAY_MS + 500);
    boardSocket().open();
    boardSocket().serverClose(CLOSE_CODES.rateLimited);
    expect(connection.state.rateLimited).toBe(true);
    expect(connection.state.closedCode).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(connection.state.rateLimited).toBe(false);
  });

  it('does not reconnect when the person goes offline while waiting to reconnect', () => {
    vi.useFakeTimers();
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    const before = FakeSocket.instances.length;
    boardSocket().serverClose(1006);
    connection.goOffline();
    vi.advanceTimersByTime(5000);
    expect(FakeSocket.instances.length).toBe(before);
    expect(connection.state.status).toBe('offline');
  });

  it("sends the server its own presence only, never back the others' states it receives", () => {
    connection = connect();
    for (const socket of FakeSocket.instances) socket.open();
    const socket = boardSocket();
    const awarenessFrames = () => socket.sent.filter((frame) => frame[0] === 1).length;
    const before = awarenessFrames();
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ cursor: { x: 1, y: 2 } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(other, [other.clientID]));
    socket.receive(encoding.toUint8Array(encoder));
    expect(connection.awareness.getStates().has(other.clientID)).toBe(true);
    expect(awarenessFrames()).toBe(before);
    connection.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    expect(awarenessFrames()).toBe(before + 1);
    other.destroy();
  });

  it('undoes the latest change first, whether on the board or in the private drafts, and redoes in reverse', () => {
    connection = connect();
    const drafts = connection.openDrafts('p1');
    const history: boolean[] = [];
    connection.on('history', ({ canUndo }) => history.push(canUndo));
    addNote(connection.boardDoc, { id: 'b1', x: 0, y: 0, author: 'p1', text: 'au tableau' });
    connection.stopCapturing();
    addNote(drafts.doc, { id: 'd1', x: 0, y: 0, author: 'p1', text: 'brouillon' });
    const ids = (doc: Y.Doc) => readNotes(doc).map((n) => n.id);

    connection.undoLast();
    expect([ids(connection.boardDoc), ids(drafts.doc)]).toEqual([['b1'], []]);
    connection.undoLast();
    expect([ids(connection.boardDoc), ids(drafts.doc)]).toEqual([[], []]);
    expect(history.at(-1)).toBe(false);
    connection.redoLast();
    expect([ids(connection.boardDoc), ids(drafts.doc)]).toEqual([['b1'], []]);
    connection.redoLast();
    expect([ids(connection.boardDoc), ids(drafts.doc)]).toEqual([['b1'], ['d1']]);
    expect(history.at(-1)).toBe(true);
  });

  it('ends an undo step in the drafts too: a new draft and the typing after it are two steps', () => {
    connection = connect();
    const drafts = connection.openDrafts('p1');
    addNote(drafts.doc, { id: 'd1', x: 0, y: 0, author: 'p1', text: '' });
    connection.stopCapturing();
    setNoteText(drafts.doc, 'd1', 'brouillon');
    const texts = () => readNotes(drafts.doc).map((n) => n.text);

    connection.undoLast();
    expect(texts()).toEqual(['']);
    connection.undoLast();
    expect(texts()).toEqual([]);
  });

  it('derives one status from the browser and both rooms', () => {
    expect(deriveStatus(true, true, true)).toBe('offline');
    expect(deriveStatus(false, true, false)).toBe('connecting');
    expect(deriveStatus(false, true, true)).toBe('connected');
  });
});
