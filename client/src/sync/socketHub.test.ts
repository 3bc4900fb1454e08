import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from './fakeSocket';
import { type HubBatch, type HubSocket, REMOTE_FRAME_MS, type SocketEvent, SocketHub } from './socketHub';

const text = (value: string) => new TextEncoder().encode(value);

function setup(fold?: (events: SocketEvent[]) => SocketEvent[]) {
  const batches: HubBatch[] = [];
  const sockets: FakeSocket[] = [];
  const hub = new SocketHub({
    post: (batch) => batches.push(batch),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as HubSocket;
    },
    now: () => Date.now(),
    ...(fold ? { fold } : {}),
  });
  /** What the page has been handed so far, one line per event. */
  const seen = () =>
    batches.map((b) =>
      b.events.map((e) =>
        e.type === 'message'
          ? `${e.id}:${new TextDecoder().decode(e.data as ArrayBuffer)}`
          : `${e.id}:${e.type}`,
      ),
    );
  return { hub, sockets, batches, seen };
}

describe('socket hub', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('opens a socket for the page, in binary mode, and tells the page at once when it opens', () => {
    const { hub, sockets, seen } = setup();
    hub.handle({ type: 'open', id: 1, url: 'ws://host/sync/w1' });
    expect(sockets[0]?.url).toBe('ws://host/sync/w1');
    expect(sockets[0]?.binaryType).toBe('arraybuffer');
    sockets[0]?.open();
    expect(seen()).toEqual([['1:open']]);
  });

  it('passes the first frame after a quiet spell at once, then one batch per frame interval', () => {
    const { hub, sockets, seen } = setup();
    hub.handle({ type: 'open', id: 1, url: 'ws://host/sync/w1' });
    const socket = sockets[0] as FakeSocket;
    socket.open();
    vi.advanceTimersByTime(REMOTE_FRAME_MS);
    socket.receive(text('a'));
    expect(seen().at(-1)).toEqual(['1:a']);
    socket.receive(text('b'));
    vi.advanceTimersByTime(REMOTE_FRAME_MS / 2);
    socket.receive(text('c'));
    expect(seen()).toHaveLength(2);
    vi.advanceTimersByTime(REMOTE_FRAME_MS / 2);
    expect(seen().at(-1)).toEqual(['1:b', '1:c']);
  });

  it('hands over the frames received before a close, then the close, at once', () => {
    const { hub, sockets, seen } = setup();
    hub.handle({ type: 'open', id: 1, url: 'ws://host/sync/w1' });
    hub.handle({ type: 'open', id: 2, url: 'ws://host/sync/w1/control' });
    const [board, control] = sockets as [FakeSocket, FakeSocket];
    board.open();
    control.open();
    board.receive(text('x'));
    board.receive(text('y'));
    control.receive(text('z'));
    board.serverClose(4401);
    // The first frame after the opening goes at once; the rest wait, until the close.
    expect(seen()).toEqual([['1:open'], ['2:open'], ['1:x'], ['1:y', '2:z', '1:close']]);
  });

  it('writes what the page sends at once, and closes a socket when asked', () => {
    const { hub, sockets } = setup();
    hub.handle({ type: 'open', id: 1, url: 'ws://host/sync/w1' });
    const socket = sockets[0] as FakeSocket;
    socket.open();
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    hub.handle({ type: 'send', id: 1, data: bytes });
    expect(socket.sent).toEqual([new Uint8Array([1, 2, 3])]);
    hub.handle({ type: 'close', id: 1, code: 1000, reason: 'done' });
    expect(socket.closedWith).toEqual([1000, 'done']);
    // A socket the server closed meanwhile: nothing to write to, nothing thrown.
    socket.serverClose(1006);
    expect(() => hub.handle({ type: 'send', id: 1, data: bytes })).not.toThrow();
  });

  it('reports a socket it cannot create as an error and a close', () => {
    const batches: HubBatch[] = [];
    const hub = new SocketHub({
      post: (batch) => batches.push(batch),
      createSocket: () => {
        throw new SyntaxError('bad url');
      },
    });
    hub.handle({ type: 'open', id: 7, url: 'nonsense' });
    expect(batches.flatMap((b) => b.events.map((e) => `${e.id}:${e.type}`))).toEqual(['7:error', '7:close']);
  });

  it('lets a fold rewrite each batch before it is handed over', () => {
    const { hub, sockets, seen } = setup((events) => events.slice(-1));
    hub.handle({ type: 'open', id: 1, url: 'ws://host/sync/w1' });
    const socket = sockets[0] as FakeSocket;
    socket.open();
    socket.receive(text('a'));
    socket.receive(text('b'));
    socket.receive(text('c'));
    vi.advanceTimersByTime(REMOTE_FRAME_MS);
    expect(seen().at(-1)).toEqual(['1:c']);
  });
});
