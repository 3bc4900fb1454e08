import type { WriteDeniedReason } from '@atelier/shared';
import { type EditedItem, editedItems } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { BUS_ORIGIN } from './room-bus';
import { docWriteDenial, type WriteCheck } from './write-check';

/** A connection's write that the document's rules refused. */
export interface Refusal {
  reason: WriteDeniedReason;
  /** Whether the update holds items the document lacks: a real edit, not a read-only client's greeting. */
  bringsNewContent: boolean;
}

/** A document's state as a V1 update, and how many changes its host had reported when it was encoded. */
export interface EncodedState {
  update: Uint8Array;
  changes: number;
  /** A full state's sync step 2 frame, when the host framed it already (off the room's thread). */
  step2?: Uint8Array;
}

/** A room's document lent for the server's own reads and writes (`RoomManager.withDocs`). */
export interface LentDoc {
  doc: Y.Doc;
  /**
   * Gives it back once read or changed: what was changed on it is in the room's document when
   * this resolves (as the server's own update: stored, then broadcast).
   */
  giveBack(): Promise<void>;
}

/**
 * What a host reports of each change to its document, in the order they were made: the update as
 * Yjs emitted it, who made it (the `origin` given), and the board items it touched (for the edit
 * journal) when the host tracks them and a connection made it.
 */
export type DocChanged = (update: Uint8Array, origin: unknown, edited: EditedItem[] | null) => void;

/**
 * A room's document and every operation the room makes on it (docs/scale-out.md §6, "Next
 * step"). The room reaches its `Y.Doc` only through this, so that a big room's document can live
 * on a thread and heap of its own: the calls are asynchronous, run in the order they are made, and
 * each change they make is reported (`DocChanged`) before the call resolves.
 */
export interface DocHost {
  /**
   * Applies a connection's update unless `check` refuses it (none: no rules). Resolves to the
   * refusal, or `null` once applied; rejects, applying nothing, on an update that does not decode.
   */
  apply(update: Uint8Array, origin: unknown, check?: WriteCheck): Promise<Refusal | null>;
  /** Applies updates already committed (another node's, read from the store), in one transaction with `BUS_ORIGIN`. */
  applyCommitted(updates: readonly Uint8Array[]): Promise<void>;
  /**
   * The document's state as a V1 update — all of it, or what a client with `stateVector` lacks —
   * with the number of changes reported before it (the calls resolve later than they run).
   */
  encodeState(stateVector?: Uint8Array): Promise<EncodedState>;
  /** The document's state vector (a sync step 1 asks a client for what the room lacks). */
  stateVector(): Promise<Uint8Array>;
  /**
   * The document to read or change directly (the server's own operations: exports, votes applied
   * to the board, erasure, silent ideation's reveal): the document itself here, a replica built
   * from its state where the document lives on another thread.
   */
  lend(): Promise<LentDoc>;
  /** Drops the document; nothing is reported after. */
  destroy(): void;
}

/**
 * The document on the room's own thread: each call does its work at once, before it returns (its
 * promise already settled), as the room did before hosts.
 */
export class LocalDocHost implements DocHost {
  private changes = 0;

  constructor(
    readonly doc: Y.Doc,
    private readonly changed: DocChanged,
    /** Whether connections' changes report the items they touched (a workshop's board: the edit journal). */
    private readonly tracksEdits = false,
  ) {
    doc.on('update', this.onUpdate);
  }

  apply(update: Uint8Array, origin: unknown, check?: WriteCheck): Promise<Refusal | null> {
    try {
      const reason = check ? docWriteDenial(this.doc, update, check) : null;
      if (reason !== null)
        return Promise.resolve({ reason, bringsNewContent: this.bringsNewContent(update) });
      Y.applyUpdate(this.doc, update, origin);
      return Promise.resolve(null);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  applyCommitted(updates: readonly Uint8Array[]): Promise<void> {
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, BUS_ORIGIN);
    }, BUS_ORIGIN);
    return Promise.resolve();
  }

  encodeState(stateVector?: Uint8Array): Promise<EncodedState> {
    const update = stateVector
      ? Y.encodeStateAsUpdate(this.doc, stateVector)
      : Y.encodeStateAsUpdate(this.doc);
    return Promise.resolve({ update, changes: this.changes });
  }

  stateVector(): Promise<Uint8Array> {
    return Promise.resolve(Y.encodeStateVector(this.doc));
  }

  /** The document itself: what is changed on it is reported as it happens. */
  lend(): Promise<LentDoc> {
    return Promise.resolve({ doc: this.doc, giveBack: () => Promise.resolve() });
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }

  /** Decoded as V1 only (never V2 on client bytes); throws on one that does not decode. */
  private bringsNewContent(update: Uint8Array): boolean {
    const { structs } = Y.decodeUpdate(update);
    return structs.some((s) => s.id.clock + s.length > Y.getState(this.doc.store, s.id.client));
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    this.changes++;
    const byConnection = this.tracksEdits && origin !== null && origin !== undefined && origin !== BUS_ORIGIN;
    this.changed(update, origin, byConnection ? editedItems(tr) : null);
  };
}
