/**
 * The page's WebSockets live in a worker (socket.worker.ts), and this is what the worker
 * runs. In a busy room a laptop receives ~250 frames a second (44 cursors merged by the
 * server every 30 ms, and every note move on its own). Each frame the page received was a
 * task of its own on the main thread: the IPC that delivers it, the event and its
 * dispatch. The hub receives them off the main thread and hands the page one batch per
 * REMOTE_FRAME_MS, which the page applies and draws in the next animation frame.
 *
 * Latency: the first frame after a quiet spell is passed on at once; later ones wait for
 * the rest of the interval. Opening, closing and errors are passed on at once, after the
 * frames received before them. Frames the page sends are written at once.
 */

/** How often other people's changes reach the page in a busy room: below what anyone notices of someone else's move. */
export const REMOTE_FRAME_MS = 100;

/** What the page asks the hub. */
export type HubCommand =
  | { type: 'open'; id: number; url: string; protocols?: string | string[] }
  | { type: 'send'; id: number; data: ArrayBuffer | string }
  | { type: 'close'; id: number; code?: number; reason?: string };

/** What happened to one of the page's sockets, in the order it happened. */
export type SocketEvent =
  | { id: number; type: 'open' }
  | { id: number; type: 'message'; data: ArrayBuffer | string }
  | { id: number; type: 'error' }
  | { id: number; type: 'close'; code: number; reason: string; wasClean: boolean };

/** One hand-over to the page. */
export interface HubBatch {
  events: SocketEvent[];
}

/** The part of the browser WebSocket the hub uses. */
export type HubSocket = Pick<
  WebSocket,
  'binaryType' | 'onopen' | 'onmessage' | 'onerror' | 'onclose' | 'send' | 'close'
>;

export interface HubOptions {
  /** Hands a batch to the page; `transfer` lists the buffers it may take over. */
  post(batch: HubBatch, transfer: ArrayBuffer[]): void;
  createSocket(url: string, protocols?: string | string[]): HubSocket;
  /** Rewrites a batch before it is handed over (foldUpdates.ts merges its document updates). */
  fold?: (events: SocketEvent[]) => SocketEvent[];
  intervalMs?: number;
  now?: () => number;
}

export class SocketHub {
  private readonly sockets = new Map<number, HubSocket>();
  private queue: SocketEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: HubOptions) {
    this.intervalMs = options.intervalMs ?? REMOTE_FRAME_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Carries out one command from the page. */
  handle(command: HubCommand): void {
    switch (command.type) {
      case 'open':
        this.open(command.id, command.url, command.protocols);
        return;
      case 'send':
        // The page only sends on an open socket; one closed meanwhile drops it, as a browser would.
        this.sockets.get(command.id)?.send(command.data);
        return;
      case 'close':
        this.sockets.get(command.id)?.close(command.code, command.reason);
        return;
    }
  }

  private open(id: number, url: string, protocols?: string | string[]): void {
    let socket: HubSocket;
    try {
      socket = this.options.createSocket(url, protocols);
    } catch {
      // A malformed URL: the page sees what a browser socket shows, an error then a close.
      this.push({ id, type: 'error' });
      this.push({ id, type: 'close', code: 1006, reason: '', wasClean: false });
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.sockets.set(id, socket);
    socket.onopen = () => this.push({ id, type: 'open' });
    socket.onmessage = (event) => {
      const data = event.data;
      if (data instanceof ArrayBuffer || typeof data === 'string') this.push({ id, type: 'message', data });
    };
    socket.onerror = () => this.push({ id, type: 'error' });
    socket.onclose = (event) => {
      this.sockets.delete(id);
      this.push({ id, type: 'close', code: event.code, reason: event.reason, wasClean: event.wasClean });
    };
  }

  private push(event: SocketEvent): void {
    this.queue.push(event);
    if (event.type !== 'message') {
      this.flush();
      return;
    }
    if (this.timer !== null) return;
    const wait = this.lastFlush + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0) return;
    const events = this.options.fold ? this.options.fold(this.queue) : this.queue;
    this.queue = [];
    // Only frames start an interval: the sync reply right after an opening goes at once.
    if (events.some((event) => event.type === 'message')) this.lastFlush = this.now();
    const transfer: ArrayBuffer[] = [];
    for (const event of events)
      if (event.type === 'message' && typeof event.data !== 'string') transfer.push(event.data);
    this.options.post({ events }, transfer);
  }
}
