import {
  CLOSE_CODES,
  FINAL_CLOSE_CODES,
  KEPT_WRITE_REASONS,
  reconnectWithJitter,
  sendOwnPresenceOnly,
  type WriteDeniedReason,
} from '@atelier/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Emitter } from './emitter';
import { batchStoredUpdates, type StoredUpdates } from './storedUpdates';
import { workerWebSocket } from './workerSocket';

/** y-protocols message type of an auth message ("permission denied"). */
const MESSAGE_AUTH = 2;

/** The server cannot store now: said once per this many milliseconds, however many edits it refuses. */
export const STORAGE_NOTICE_MS = 30_000;

export interface ReplicaOptions {
  /** `ws(s)://host/sync` */
  url: string;
  room: string;
  token: string;
  /** Keep a copy in IndexedDB (browsers); off in Node tests. */
  persist: boolean;
  /** Start disconnected (the browser says it is offline). */
  connect: boolean;
  WebSocketPolyfill?: typeof WebSocket;
}

export interface ReplicaEvents extends Record<string, unknown> {
  /** The provider connected, disconnected or (re)synced. */
  change: undefined;
  /** The document was replaced by a fresh one after a refused write. */
  doc: Y.Doc;
  /** The server refused a write; the reason is `read-only`, `facilitator-only`… */
  denied: string;
  /** The server closed the socket with a code after which reconnecting cannot help. */
  closed: number;
  /** A facilitator changed our role; the provider reconnects with it by itself. */
  roleChanged: undefined;
  /** The server closed the socket for sending too much (4529); the provider reconnects after a wait. */
  rateLimited: undefined;
}

/**
 * One room: a Y.Doc, its WebSocket provider and its IndexedDB copy. When the server drops
 * one of our writes, our replica (and its stored copy) has diverged from the room for good
 * (a CRDT never takes an applied change back), so we throw both away and sync afresh.
 */
export class Replica extends Emitter<ReplicaEvents> {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence | null;
  private stored: StoredUpdates | null = null;
  private resetting: Promise<void> | null = null;
  private destroyed = false;
  private wantConnected: boolean;
  private storageNoticeAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ReplicaOptions) {
    super();
    this.wantConnected = options.connect;
    this.doc = new Y.Doc();
    this.persistence = this.createPersistence(this.doc);
    this.provider = this.createProvider(this.doc);
  }

  get connected(): boolean {
    return this.provider.wsconnected;
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  /** Origins of updates that are not the person's own edits. */
  get foreignOrigins(): readonly unknown[] {
    return [this.provider, this.persistence];
  }

  connect(): void {
    this.wantConnected = true;
    this.provider.connect();
  }

  disconnect(): void {
    this.wantConnected = false;
    this.provider.disconnect();
  }

  /** Discards the local replica and its stored copy, then syncs a fresh one from the server. */
  reset(): Promise<void> {
    this.resetting ??= this.replace().finally(() => {
      this.resetting = null;
    });
    return this.resetting;
  }

  destroy(): void {
    this.destroyed = true;
    this.teardown();
    this.stored?.flush();
    this.stored?.stop();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.clearListeners();
  }

  private async replace(): Promise<void> {
    const old = { doc: this.doc, persistence: this.persistence };
    this.teardown();
    this.stored?.stop();
    // Deleting the database is queued before the new one is opened, so the new copy starts empty.
    await old.persistence?.clearData();
    old.doc.destroy();
    if (this.destroyed) return;
    this.doc = new Y.Doc();
    this.persistence = this.createPersistence(this.doc);
    this.provider = this.createProvider(this.doc);
    this.emit('doc', this.doc);
    this.emit('change', undefined);
  }

  private teardown(): void {
    this.provider.destroy();
    this.provider.awareness.destroy();
  }

  private createPersistence(doc: Y.Doc): IndexeddbPersistence | null {
    if (!this.options.persist || typeof indexedDB === 'undefined') return null;
    const persistence = new IndexeddbPersistence(`atelier:${this.options.room}`, doc);
    persistence.on('synced', () => this.emit('change', undefined));
    this.stored = batchStoredUpdates(persistence, (origin) => origin === this.provider);
    return persistence;
  }

  private createProvider(doc: Y.Doc): WebsocketProvider {
    const WebSocketPolyfill = this.options.WebSocketPolyfill ?? workerWebSocket();
    const provider = new WebsocketProvider(this.options.url, this.options.room, doc, {
      params: { token: this.options.token },
      connect: this.wantConnected,
      // Tabs must not exchange updates behind the server's back: a refused write would
      // come back through another tab, and an observer tab could relay writes.
      disableBc: true,
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
      // In browsers the socket lives in a worker that hands over other people's changes in batches (socketHub.ts).
      ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
    });
    sendOwnPresenceOnly(provider);
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder, source) => {
      readAuthMessage(decoder, source.doc, (_doc, reason: string) => {
        if (source !== this.provider || this.resetting) return;
        if (KEPT_WRITE_REASONS.has(reason as WriteDeniedReason)) {
          // Not a refusal of the edit: the server could not store or share it and did not apply it. The
          // replica keeps it (and IndexedDB too); the server asks for it again with a sync step 1
          // once it can store, and a reconnection sends it as well.
          const now = performance.now();
          if (now - this.storageNoticeAt >= STORAGE_NOTICE_MS) {
            this.storageNoticeAt = now;
            this.emit('denied', reason);
          }
          return;
        }
        this.emit('denied', reason);
        void this.reset();
      });
    };
    reconnectWithJitter(provider, () => provider === this.provider && this.wantConnected && !this.destroyed);
    provider.on('status', () => this.emit('change', undefined));
    provider.on('sync', () => this.emit('change', undefined));
    // `closed` is only emitted for final closes; a role change is a close the provider recovers from.
    provider.on('connection-close', (event) => {
      if (provider !== this.provider) return;
      if (event?.code === CLOSE_CODES.roleChanged) this.emit('roleChanged', undefined);
      if (event?.code === CLOSE_CODES.rateLimited) this.emit('rateLimited', undefined);
    });
    provider.on('closed', (event) => {
      if (provider !== this.provider || !FINAL_CLOSE_CODES.has(event.code)) return;
      this.wantConnected = false;
      provider.disconnect();
      this.emit('closed', event.code);
    });
    return provider;
  }
}
