import type { Duplex } from 'node:stream';
import { CLOSE_CODES, type DocKind, type PresenceUser, WRITE_DENIED_REASONS } from '@atelier/shared';
import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type { Logger } from '../log';
import type { SyncMetrics } from '../metrics/metrics';
import { type AwarenessIdentity, filterAwarenessUpdate } from './awareness-filter';
import { closeReason } from './close-reason';
import type { Refusal } from './doc-host';
import { encodePermissionDenied, encodeSyncStep1, MESSAGE } from './messages';
import type { Peer, Room } from './room';
import type { TurnOutbox } from './turn';
import type { WriteCheck } from './write-check';
import { binaryFrame } from './ws-frame';

export interface ConnectionContext {
  /** The connection's id: in its log lines (the logger given carries it) and its close reasons. */
  id: string;
  kind: DocKind;
  user: PresenceUser;
  /**
   * What decides this connection's writes now (asked at each write: a lock can change); the room's
   * document host runs the rules (write-check.ts).
   */
  writeCheck(): WriteCheck;
}

/** One socket in one room: decodes y-websocket messages and enforces what the person may do. */
export class Connection implements Peer, TurnOutbox {
  private readonly identity: AwarenessIdentity;
  private outbox: Uint8Array[] = [];
  alive = true;
  /** When we last sent this client anything (ms, monotonic). */
  lastSentAt = performance.now();

  constructor(
    private readonly ws: WebSocket,
    /** The raw TCP socket under `ws`, corked while a turn's frames are written. */
    private readonly socket: Duplex,
    private readonly room: Room,
    private readonly context: ConnectionContext,
    /** The connection's logger (its lines carry `connectionId`). */
    private readonly log: Logger,
    private readonly metrics?: SyncMetrics,
  ) {
    this.identity = { clientId: null, user: context.user };
  }

  get awarenessClientId(): number | null {
    return this.identity.clientId;
  }

  /** Who sends this socket's updates (the edit journal's "who"). */
  get participantId(): string {
    return this.context.user.participantId;
  }

  /** Greets the client: our state vector (so it sends what we lack) and who is here. */
  async start(): Promise<void> {
    let stateVector: Uint8Array;
    try {
      stateVector = await this.room.stateVector();
    } catch (error) {
      // The room's document thread failed or the room was dropped: it closes its peers itself.
      this.log.warn({ room: this.room.name, err: String(error) }, 'connection not greeted: its room closed');
      this.close(1011, 'room closed');
      return;
    }
    this.send(encodeSyncStep1(stateVector));
    const presence = this.room.presenceSnapshot();
    if (presence) this.send(presence);
  }

  /** Queues a frame; the turn's frames leave in one write at the end of the turn. */
  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.lastSentAt = performance.now();
    this.outbox.push(message);
    if (this.outbox.length === 1) this.room.flusher.send(this);
  }

  flush(): void {
    const frames = this.outbox;
    this.outbox = [];
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.metrics?.sent(frames.length);
    // Written as `ws` would (ws-frame.ts), each frame built once for every socket it goes to. A
    // write error closes the socket through `ws`'s own error handling.
    this.socket.cork();
    try {
      for (const message of frames) {
        for (const part of binaryFrame(message)) this.socket.write(part);
      }
    } finally {
      this.socket.uncork();
    }
  }

  /** Closes the socket; the reason sent names the connection (see `closeReason`). */
  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(code, closeReason(reason, this.context.id));
    }
  }

  handle(data: Uint8Array, isBinary: boolean): void {
    // Once we close (removed, role changed), frames still in flight carry the old rights: drop them.
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (!isBinary) {
      this.reject('text frames are not part of the protocol');
      return;
    }
    try {
      this.dispatch(decoding.createDecoder(data));
    } catch (error) {
      this.reject('malformed message', error);
    }
  }

  private dispatch(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
        this.handleSync(decoder);
        return;
      case MESSAGE.awareness: {
        this.room.applyPresence(filterAwarenessUpdate(decoding.readVarUint8Array(decoder), this.identity));
        return;
      }
      case MESSAGE.queryAwareness: {
        const presence = this.room.presenceSnapshot();
        if (presence) this.send(presence);
        return;
      }
      case MESSAGE.auth:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    switch (subtype) {
      case syncProtocol.messageYjsSyncStep1:
        void this.room.answerSyncStep1(decoding.readVarUint8Array(decoder), this);
        return;
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        this.room.applyUpdate(update, this, this.context.writeCheck()).then(
          (refusal) => {
            if (refusal) this.refused(refusal, subtype === syncProtocol.messageYjsUpdate);
          },
          (error: unknown) => this.reject('malformed message', error),
        );
        return;
      }
      default:
        throw new Error(`unknown sync message ${subtype}`);
    }
  }

  /** Tells the client a real edit was refused; a read-only client's sync step 2 is its normal greeting. */
  private refused({ reason, bringsNewContent }: Refusal, isUpdate: boolean): void {
    const realEdit =
      isUpdate ||
      // Found deleting or changing someone's live note: a real edit, even without new items.
      reason === WRITE_DENIED_REASONS.notYours ||
      reason === WRITE_DENIED_REASONS.otherTable ||
      reason === WRITE_DENIED_REASONS.noTable ||
      bringsNewContent;
    if (!realEdit) return;
    this.log.info(
      { room: this.room.name, participantId: this.context.user.participantId, reason },
      'write dropped',
    );
    this.metrics?.writeRefused(reason);
    this.send(encodePermissionDenied(reason));
  }

  private reject(reason: string, error?: unknown): void {
    this.log.warn(
      {
        room: this.room.name,
        participantId: this.context.user.participantId,
        err: error ? String(error) : undefined,
      },
      `connection closed: ${reason}`,
    );
    this.close(CLOSE_CODES.badMessage, reason);
  }
}
