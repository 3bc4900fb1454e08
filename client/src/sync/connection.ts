import { draftsRoomName, LOCAL_ORIGIN, type PresenceClientState, roomName, undoScope } from '@atelier/shared';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Emitter } from './emitter';
import { PendingCounter } from './pending';
import { Replica, type ReplicaOptions } from './replica';
import type { ConnectionState, ConnectionStatus } from './status';

/**
 * Rate-limited closes (4529) this many within the window make the person told: once is a
 * hiccup the reconnect hides, twice in a minute is a pattern worth a word.
 */
const RATE_LIMITED_REPEAT = 2;
const RATE_LIMITED_WINDOW_MS = 60_000;

/** Key of a stack item's meta: when (in `historyClock` ticks) it was added or last extended. */
const HISTORY_AT = 'atelier:at';

export interface ConnectOptions {
  workshopId: string;
  token: string;
  /** `http(s)://host` of the server; the socket URL is derived from it. */
  origin: string;
  /** Whether the browser believes it is online right now. */
  online: boolean;
  persist: boolean;
  WebSocketPolyfill?: typeof WebSocket;
}

export interface ConnectionEvents extends Record<string, unknown> {
  state: ConnectionState;
  history: { canUndo: boolean; canRedo: boolean };
  /** The board document was replaced (after a refused write). */
  boardDoc: Y.Doc;
  controlDoc: Y.Doc;
  /** The private drafts were opened, or their document replaced (after a refused write). */
  draftsDoc: Y.Doc;
  /** The board provider (and so its awareness) was replaced. */
  awareness: Awareness;
  denied: { kind: 'board' | 'control' | 'drafts'; reason: string };
  /** A facilitator changed our role: what we may do comes from the workshop summary, to be read again. */
  roleChanged: undefined;
}

export function deriveStatus(
  offline: boolean,
  boardConnected: boolean,
  controlConnected: boolean,
): ConnectionStatus {
  if (offline) return 'offline';
  return boardConnected && controlConnected ? 'connected' : 'connecting';
}

/**
 * A workshop's live connection: the board and control replicas, the person's undo stack on
 * the board, the count of edits waiting for the network, and the connection status.
 */
export class WorkshopConnection extends Emitter<ConnectionEvents> {
  readonly board: Replica;
  readonly control: Replica;
  /** The person's private drafts for silent ideation, once opened (participants only). */
  drafts: Replica | null = null;
  /** The person's undo stack on the board (commands end an undo step with `stopCapturing()`). */
  undo: Y.UndoManager;
  /** The person's undo stack on their private drafts, once opened. */
  private draftsUndo: Y.UndoManager | null = null;
  /** Bumped at each change of either undo stack: the latest change is undone (redone) first. */
  private historyClock = 0;
  state: ConnectionState;
  private pending: PendingCounter;
  private offline: boolean;
  /**
   * Always set, even before the pointer moves: y-protocols ignores a client's very first
   * awareness state (clock 0) on peers that never saw it, so an untouched state would leave
   * us invisible to everyone until our first cursor move.
   */
  private presence: PresenceClientState = { cursor: null, editing: null, dragging: null };
  private readonly replicaOptions: Omit<ReplicaOptions, 'room'>;
  private readonly workshopId: string;
  /** When the server closed one of our sockets for its rate, within the last window. */
  private rateLimitedAt: number[] = [];
  private rateLimitedTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ConnectOptions) {
    super();
    const url = `${options.origin.replace(/^http/, 'ws')}/sync`;
    const common = { url, token: options.token, persist: options.persist, connect: options.online };
    const polyfill = options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {};
    this.replicaOptions = { ...common, ...polyfill };
    this.workshopId = options.workshopId;
    this.offline = !options.online;
    this.board = new Replica({ ...common, ...polyfill, room: roomName(options.workshopId, 'board') });
    this.control = new Replica({ ...common, ...polyfill, room: roomName(options.workshopId, 'control') });
    this.state = {
      status: deriveStatus(this.offline, false, false),
      pending: 0,
      closedCode: null,
      rateLimited: false,
    };
    this.undo = this.createUndo(this.board.doc);
    this.pending = this.createPending(this.board.doc);
    this.applyPresence();
    this.silenceControlAwareness();

    this.board.on('change', () => {
      if (this.board.connected && this.board.synced) this.pending.synced();
      this.update();
    });
    this.control.on('change', () => this.update());
    this.board.on('doc', (doc) => {
      this.undo.destroy();
      this.pending.destroy();
      this.undo = this.createUndo(doc);
      this.pending = this.createPending(doc);
      this.emitHistory();
      this.update({ pending: 0 });
      this.applyPresence();
      this.emit('boardDoc', doc);
      this.emit('awareness', this.board.provider.awareness);
    });
    this.control.on('doc', (doc) => {
      this.silenceControlAwareness();
      this.emit('controlDoc', doc);
    });
    this.board.on('denied', (reason) => this.emit('denied', { kind: 'board', reason }));
    this.control.on('denied', (reason) => this.emit('denied', { kind: 'control', reason }));
    this.board.on('roleChanged', () => this.emit('roleChanged', undefined));
    this.control.on('roleChanged', () => this.emit('roleChanged', undefined));
    this.board.on('closed', (code) => this.close(code));
    this.control.on('closed', (code) => this.close(code));
    this.board.on('rateLimited', () => this.noteRateLimited());
    this.control.on('rateLimited', () => this.noteRateLimited());
  }

  /**
   * Opens the person's private drafts room (only its author may; the server refuses anyone
   * else). Their presence goes nowhere: nobody else is in that room.
   */
  openDrafts(participantId: string): Replica {
    if (this.drafts) return this.drafts;
    const drafts = new Replica({
      ...this.replicaOptions,
      connect: !this.offline && this.state.closedCode === null,
      room: draftsRoomName(this.workshopId, participantId),
    });
    drafts.provider.awareness.setLocalState(null);
    this.draftsUndo = this.createUndo(drafts.doc);
    drafts.on('doc', (doc) => {
      drafts.provider.awareness.setLocalState(null);
      this.draftsUndo?.destroy();
      this.draftsUndo = this.createUndo(doc);
      this.emitHistory();
      this.emit('draftsDoc', doc);
    });
    drafts.on('denied', (reason) => this.emit('denied', { kind: 'drafts', reason }));
    drafts.on('closed', (code) => this.close(code));
    drafts.on('rateLimited', () => this.noteRateLimited());
    this.drafts = drafts;
    this.emit('draftsDoc', drafts.doc);
    return drafts;
  }

  get boardDoc(): Y.Doc {
    return this.board.doc;
  }

  get controlDoc(): Y.Doc {
    return this.control.doc;
  }

  get awareness(): Awareness {
    return this.board.provider.awareness;
  }

  /** The browser lost the network: stop trying until it comes back. */
  goOffline(): void {
    this.offline = true;
    this.board.disconnect();
    this.control.disconnect();
    this.drafts?.disconnect();
    this.update();
  }

  goOnline(): void {
    this.offline = false;
    if (this.state.closedCode === null) {
      this.board.connect();
      this.control.connect();
      this.drafts?.connect();
    }
    this.update();
  }

  /** Sets this tab's cursor / editing / dragging for the others (the server adds who we are). */
  setPresence(fields: PresenceClientState): void {
    this.presence = { ...this.presence, ...fields };
    this.applyPresence();
  }

  /** Ends the current undo step on the board and in the drafts: the next change is a step of its own. */
  stopCapturing(): void {
    this.undo.stopCapturing();
    this.draftsUndo?.stopCapturing();
  }

  /**
   * Undoes the person's latest change, on the board or in their private drafts (during silent
   * ideation a new note is a draft, and Ctrl+Z takes it back like any board change).
   */
  undoLast(): void {
    this.latest('undoStack')?.undo();
  }

  /** Redoes the change undone last, on the board or in the drafts. */
  redoLast(): void {
    this.latest('redoStack')?.redo();
  }

  /** The undo manager whose top item on `stack` changed last (`null` when both are empty). */
  private latest(stack: 'undoStack' | 'redoStack'): Y.UndoManager | null {
    let best: { manager: Y.UndoManager; at: number } | null = null;
    for (const manager of [this.undo, this.draftsUndo]) {
      const top = manager?.[stack].at(-1);
      if (!manager || !top) continue;
      const at = Number(top.meta.get(HISTORY_AT) ?? 0);
      if (!best || at > best.at) best = { manager, at };
    }
    return best?.manager ?? null;
  }

  destroy(): void {
    if (this.rateLimitedTimer) clearTimeout(this.rateLimitedTimer);
    this.undo.destroy();
    this.draftsUndo?.destroy();
    this.pending.destroy();
    this.board.destroy();
    this.control.destroy();
    this.drafts?.destroy();
    this.clearListeners();
  }

  private close(code: number): void {
    this.board.disconnect();
    this.control.disconnect();
    this.drafts?.disconnect();
    this.update({ closedCode: code });
  }

  /** Counts a rate-limited close; the state says so while they repeat, and forgets a window after the last. */
  private noteRateLimited(): void {
    const now = Date.now();
    this.rateLimitedAt = [...this.rateLimitedAt.filter((at) => now - at < RATE_LIMITED_WINDOW_MS), now];
    this.update({ rateLimited: this.rateLimitedAt.length >= RATE_LIMITED_REPEAT });
    if (this.rateLimitedTimer) clearTimeout(this.rateLimitedTimer);
    this.rateLimitedTimer = setTimeout(() => {
      this.rateLimitedAt = [];
      this.update({ rateLimited: false });
    }, RATE_LIMITED_WINDOW_MS);
  }

  private applyPresence(): void {
    const awareness = this.board.provider.awareness;
    awareness.setLocalState({ ...awareness.getLocalState(), ...this.presence });
  }

  /** Presence lives on the board room; the control room needs none of our awareness traffic. */
  private silenceControlAwareness(): void {
    this.control.provider.awareness.setLocalState(null);
  }

  private update(patch: Partial<ConnectionState> = {}): void {
    const closedCode = patch.closedCode ?? this.state.closedCode;
    const next: ConnectionState = {
      // A connection the server closed for good is as good as offline.
      status: deriveStatus(this.offline || closedCode !== null, this.board.connected, this.control.connected),
      pending: this.pending.value,
      rateLimited: this.state.rateLimited,
      ...patch,
      closedCode,
    };
    const prev = this.state;
    if (
      prev.status === next.status &&
      prev.pending === next.pending &&
      prev.closedCode === next.closedCode &&
      prev.rateLimited === next.rateLimited
    )
      return;
    this.state = next;
    this.emit('state', next);
  }

  private createUndo(doc: Y.Doc): Y.UndoManager {
    const undo = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 500,
    });
    const onStack = () => this.emitHistory();
    // Stamped when added or extended: which of the board's and the drafts' stacks changed last.
    const stamp = (event: { stackItem: { meta: Map<unknown, unknown> } }) => {
      event.stackItem.meta.set(HISTORY_AT, ++this.historyClock);
      onStack();
    };
    undo.on('stack-item-added', stamp);
    undo.on('stack-item-updated', stamp);
    undo.on('stack-item-popped', onStack);
    undo.on('stack-cleared', onStack);
    return undo;
  }

  private emitHistory(): void {
    const managers = [this.undo, this.draftsUndo];
    this.emit('history', {
      canUndo: managers.some((manager) => manager?.canUndo()),
      canRedo: managers.some((manager) => manager?.canRedo()),
    });
  }

  private createPending(doc: Y.Doc): PendingCounter {
    return new PendingCounter(
      doc,
      () => this.board.connected,
      () => this.board.foreignOrigins,
      (pending) => this.update({ pending }),
    );
  }
}
