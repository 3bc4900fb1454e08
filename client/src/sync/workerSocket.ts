import type { HubBatch, HubCommand, SocketEvent } from './socketHub';

/** How the page talks to the hub: a worker in browsers, a direct call in tests. */
export interface HubPort {
  post(command: HubCommand): void;
  /** Calls `receive` with each batch the hub hands over, and `lost` if the hub cannot run. */
  listen(receive: (batch: HubBatch) => void, lost: () => void): void;
}

/** The part of the WebSocket class y-websocket uses (its `WebSocketPolyfill` option). */
export type WebSocketClass = typeof WebSocket;

/**
 * A WebSocket class whose sockets live in the hub (socketHub.ts): what y-websocket's
 * provider needs of a browser WebSocket (ready states, `binaryType`, the four `on…`
 * handlers, `send` and `close`), with the real socket on the other side of `port`. A batch
 * from the hub is dispatched as one event per frame, in order, within one task. If the hub
 * is lost (its worker failed to load), its sockets close with 1006, and sockets made after
 * that are `fallback` ones: the provider reconnects through the main thread.
 */
export function hubSocketClass(port: HubPort, fallback: WebSocketClass | null = null): WebSocketClass {
  const live = new Map<number, HubWebSocket>();
  let nextId = 1;
  let lost = false;

  class HubWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readonly url: string;
    readonly protocol = '';
    readonly extensions = '';
    readonly bufferedAmount = 0;
    binaryType: BinaryType = 'arraybuffer';
    readyState = 0;
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    private readonly id = nextId++;

    constructor(url: string | URL, protocols?: string | string[]) {
      this.url = String(url);
      live.set(this.id, this);
      port.post({
        type: 'open',
        id: this.id,
        url: this.url,
        ...(protocols === undefined ? {} : { protocols }),
      });
    }

    send(data: ArrayBufferLike | ArrayBufferView | string): void {
      if (this.readyState === this.CONNECTING) {
        throw new DOMException(
          "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
          'InvalidStateError',
        );
      }
      if (this.readyState !== this.OPEN) return;
      port.post({ type: 'send', id: this.id, data: typeof data === 'string' ? data : copyBytes(data) });
    }

    close(code?: number, reason?: string): void {
      if (this.readyState === this.CLOSING || this.readyState === this.CLOSED) return;
      this.readyState = this.CLOSING;
      port.post({
        type: 'close',
        id: this.id,
        ...(code === undefined ? {} : { code }),
        ...(reason === undefined ? {} : { reason }),
      });
    }

    /** One event from the hub. */
    deliver(event: SocketEvent): void {
      switch (event.type) {
        case 'open':
          if (this.readyState !== this.CONNECTING) return;
          this.readyState = this.OPEN;
          this.onopen?.(socketEvent('open', {}));
          return;
        case 'message':
          if (this.readyState !== this.OPEN) return;
          this.onmessage?.(socketEvent('message', { data: event.data }));
          return;
        case 'error':
          this.onerror?.(socketEvent('error', {}));
          return;
        case 'close':
          this.readyState = this.CLOSED;
          live.delete(this.id);
          this.onclose?.(
            socketEvent('close', { code: event.code, reason: event.reason, wasClean: event.wasClean }),
          );
          return;
      }
    }

    addEventListener(): void {
      throw new Error('HubWebSocket supports the on… handlers only');
    }
  }

  port.listen(
    (batch) => {
      for (const event of batch.events) live.get(event.id)?.deliver(event);
    },
    () => {
      lost = true;
      for (const socket of [...live.values()]) {
        socket.deliver({ id: 0, type: 'error' });
        socket.deliver({ id: 0, type: 'close', code: 1006, reason: 'socket worker lost', wasClean: false });
      }
    },
  );
  // A constructor function that returns an object: `new` gives that object.
  function PageWebSocket(url: string | URL, protocols?: string | string[]): object {
    return lost && fallback ? new fallback(url, protocols) : new HubWebSocket(url, protocols);
  }
  Object.assign(PageWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  return PageWebSocket as unknown as WebSocketClass;
}

/**
 * The event handed to an `on…` handler: the fields handlers read, not a DOM event (nothing
 * dispatches it, and Node, where the tests run, has no CloseEvent).
 */
function socketEvent<T extends Event>(type: string, fields: object): T {
  return { type, ...fields } as unknown as T;
}

/** A copy of the bytes `send` was given: the caller may reuse its buffer, and the hub's copy crosses threads. */
function copyBytes(data: ArrayBufferLike | ArrayBufferView): ArrayBuffer {
  const view = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
  return view.slice().buffer;
}

let pageSockets: WebSocketClass | null | undefined;

/**
 * The page's WebSocket class backed by one shared worker-hosted hub, or null where there
 * are no workers (Node tests): callers then use the plain WebSocket.
 */
export function workerWebSocket(): WebSocketClass | null {
  if (pageSockets !== undefined) return pageSockets;
  if (typeof Worker === 'undefined') {
    pageSockets = null;
    return null;
  }
  const worker = new Worker(new URL('./socket.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sockets',
  });
  pageSockets = hubSocketClass(
    {
      post: (command) => worker.postMessage(command),
      listen: (receive, lost) => {
        worker.addEventListener('message', (event: MessageEvent<HubBatch>) => receive(event.data));
        worker.addEventListener('error', (event) => {
          console.error('the socket worker failed; sockets fall back to the main thread', event.message);
          worker.terminate();
          lost();
        });
      },
    },
    WebSocket,
  );
  return pageSockets;
}
