import { addNote, readNoteById, setNoteText } from '@atelier/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { FakeSocket } from './fakeSocket';
import { foldUpdates, updateFrame } from './foldUpdates';
import { type HubBatch, type HubSocket, REMOTE_FRAME_MS, SocketHub } from './socketHub';
import { hubSocketClass, type WebSocketClass } from './workerSocket';

/**
 * The page's socket class wired to a hub in the same thread (in the browser a worker sits
 * between them); the hub's sockets are FakeSockets the test drives as the server.
 */
function pageAndHub(fallback: WebSocketClass | null = null) {
  const server: FakeSocket[] = [];
  let receive: (batch: HubBatch) => void = () => {};
  let lose: () => void = () => {};
  const hub = new SocketHub({
    post: (batch) => receive(batch),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      server.push(socket);
      return socket as unknown as HubSocket;
    },
    fold: foldUpdates,
    now: () => Date.now(),
  });
  const PageSocket = hubSocketClass(
    {
      post: (command) => hub.handle(command),
      listen: (onBatch, onLost) => {
        receive = onBatch;
        lose = onLost;
      },
    },
    fallback,
  );
  return { PageSocket, server, lose: () => lose() };
}

/** What the server sends a client: its document as a sync step 2. */
function step2(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe('sockets hosted by the hub', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('behaves like a WebSocket for the page: states, send, messages in order, close', () => {
    const { PageSocket, server } = pageAndHub();
    const socket = new PageSocket('ws://host/sync/w1');
    const log: string[] = [];
    socket.onopen = () => log.push('open');
    socket.onmessage = (event) => log.push(new TextDecoder().decode(event.data as ArrayBuffer));
    socket.onclose = (event) => log.push(`close ${event.code}`);
    expect(socket.readyState).toBe(PageSocket.CONNECTING);
    expect(() => socket.send(new Uint8Array([1]))).toThrow(/CONNECTING/);

    const remote = server[0] as FakeSocket;
    remote.open();
    expect(socket.readyState).toBe(socket.OPEN);
    socket.send(new Uint8Array([1, 2]));
    expect(remote.sent).toEqual([new Uint8Array([1, 2])]);

    remote.receive(new TextEncoder().encode('a'));
    remote.receive(new TextEncoder().encode('b'));
    remote.receive(new TextEncoder().encode('c'));
    expect(log).toEqual(['open', 'a']);
    vi.advanceTimersByTime(REMOTE_FRAME_MS);
    expect(log).toEqual(['open', 'a', 'b', 'c']);

    remote.serverClose(4401);
    expect(log.at(-1)).toBe('close 4401');
    expect(socket.readyState).toBe(socket.CLOSED);
  });

  it('closes the real socket when the page closes its own', () => {
    const { PageSocket, server } = pageAndHub();
    const socket = new PageSocket('ws://host/sync/w1');
    (server[0] as FakeSocket).open();
    socket.close(1000, 'bye');
    expect(socket.readyState).toBe(socket.CLOSING);
    expect(server[0]?.closedWith).toEqual([1000, 'bye']);
  });

  it('carries a y-websocket provider: it syncs, and a batch of remote edits arrives as one update', () => {
    const { PageSocket, server } = pageAndHub();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://host/sync', 'w1', doc, {
      WebSocketPolyfill: PageSocket,
      disableBc: true,
    });
    const remote = server[0] as FakeSocket;
    remote.open();
    // The provider's first words: sync step 1.
    const first = decoding.createDecoder(remote.sent[0] as Uint8Array);
    expect([decoding.readVarUint(first), decoding.readVarUint(first)]).toEqual([0, 0]);

    const room = new Y.Doc();
    addNote(room, { id: 'n1', text: 'hello', x: 0, y: 0, author: 'them' });
    remote.receive(step2(room));
    expect(provider.synced).toBe(true);
    expect(readNoteById(doc, 'n1')?.text).toBe('hello');

    // Someone else types; the server relays each update on its own.
    const transactions: number[] = [];
    doc.on('afterTransaction', () => transactions.push(1));
    room.on('update', (update: Uint8Array) => remote.receive(new Uint8Array(updateFrame(update))));
    for (const word of ['a', 'b', 'c', 'd']) setNoteText(room, 'n1', word);
    vi.advanceTimersByTime(REMOTE_FRAME_MS);
    expect(readNoteById(doc, 'n1')?.text).toBe('d');
    expect(transactions).toHaveLength(1);
    provider.destroy();
  });

  it('falls back to the main thread when the hub is lost', () => {
    const { PageSocket, server, lose } = pageAndHub(FakeSocket as unknown as WebSocketClass);
    const before = new PageSocket('ws://host/sync/w1');
    const closed: number[] = [];
    before.onclose = (event) => closed.push(event.code);
    (server[0] as FakeSocket).open();
    lose();
    expect(closed).toEqual([1006]);
    const after = new PageSocket('ws://host/sync/w1');
    expect(after).toBeInstanceOf(FakeSocket);
  });
});
