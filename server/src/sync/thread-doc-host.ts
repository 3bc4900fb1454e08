import * as Y from 'yjs';
import { owned, ownedCopy } from '../workers/owned';
import type { DocChanged, EncodedState, LentDoc, Refusal } from './doc-host';
import type { DocCall, DocMessage, DocPort, DocRequest, OpenedDoc, WireOrigin } from './doc-thread';
import { BUS_ORIGIN } from './room-bus';
import { type DocThreads, RoomDamaged, type StoredParts, type ThreadHost } from './stored-doc';
import { applySlices } from './update-slices';
import type { WriteCheck } from './write-check';

/** A thread started for one room's document (doc-thread.ts serves it at the other end of `port`). */
export interface DocThread {
  port: DocPort;
  /** Stops the thread; nothing is answered after. */
  stop(): void;
  /** Calls `died` if the thread fails or exits before it is stopped. */
  onDeath(died: (error: Error) => void): void;
}

/**
 * Big rooms' documents on threads `start` starts (the server's worker threads, or a test's ports),
 * for the rooms `hosts` names, from `fromBytes` of stored state (`OFF_THREAD_BYTES` by default).
 */
export function docThreads(
  hosts: (room: string) => boolean,
  start: () => DocThread,
  fromBytes?: number,
): DocThreads {
  return {
    hosts,
    ...(fromBytes !== undefined ? { fromBytes } : {}),
    open: (room, stored, seeded, tracksEdits) =>
      ThreadDocHost.open(start(), room, stored, seeded, tracksEdits),
  };
}

/** The document's thread failed or exited: every call pending is refused with this, and the room closes. */
export class DocThreadFailed extends Error {
  override name = 'DocThreadFailed';
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** The origin this call carries, let go of once it is answered. */
  origin?: unknown;
}

/**
 * A room's document on a thread of its own (docs/scale-out.md §6): each `DocHost` call is a
 * message on one port, answered in order, the changes it made posted before its answer. Its
 * applying, encoding and garbage collection run there, so that a 20,000-note board loading or
 * being edited leaves the room's thread free for sockets, presence and other rooms. Peers cross
 * as numbers (`WireOrigin`), mapped back when their changes are reported.
 */
export class ThreadDocHost implements ThreadHost {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The origins of the calls in flight, by the number they cross as, and how many calls carry each. */
  private readonly origins = new Map<unknown, { wire: number; calls: number }>();
  private readonly byWire = new Map<number, unknown>();
  private nextOrigin = 1;
  private changed: DocChanged = () => {};
  private failed: (error: Error) => void = () => {};
  /** Why calls are refused now: the thread failed, or the host was destroyed. */
  private down: DocThreadFailed | null = null;
  private stopped = false;

  private constructor(
    private readonly thread: DocThread,
    private readonly room: string,
  ) {
    thread.port.onMessage(this.onMessage);
    thread.onDeath((error) =>
      this.fail(new DocThreadFailed(`the document’s thread failed: ${error.message}`)),
    );
  }

  /** Rebuilds the stored document on `thread` (`DocThreads.open`); stops it when that fails. */
  static async open(
    thread: DocThread,
    name: string,
    stored: StoredParts,
    seeded: boolean,
    tracksEdits: boolean,
  ): Promise<{ host: ThreadDocHost } & OpenedDoc> {
    const host = new ThreadDocHost(thread, name);
    try {
      const { updates, snapshotChecksum } = stored;
      // Handed over, not copied (a view is cut to its own buffer first).
      const snapshot = stored.snapshot && ownedCopy(stored.snapshot);
      const call: DocCall = {
        op: 'open',
        name,
        stored: {
          snapshot,
          updates: updates.map(ownedCopy),
          ...(snapshotChecksum ? { snapshotChecksum } : {}),
        },
        seeded,
        tracksEdits,
      };
      const opened = await host.call<OpenedDoc>(call, snapshot ? owned([snapshot]) : []);
      return { host, ...opened };
    } catch (error) {
      host.destroy();
      throw error;
    }
  }

  /**
   * Says where the room hears of changes and of the thread's failure: once, before any call is
   * made (none is reported before). Returns the host.
   */
  attach(changed: DocChanged, failed: (error: Error) => void): this {
    this.changed = changed;
    this.failed = failed;
    return this;
  }

  apply(update: Uint8Array, origin: unknown, check?: WriteCheck): Promise<Refusal | null> {
    // Refused before its origin is counted: a call never sent is never answered.
    if (this.down) return Promise.reject(this.down);
    return this.call<Refusal | null>(
      { op: 'apply', update: ownedCopy(update), origin: this.wire(origin), ...(check ? { check } : {}) },
      [],
      origin,
    );
  }

  async applyCommitted(updates: readonly Uint8Array[]): Promise<void> {
    await this.call({ op: 'apply-committed', updates: updates.map(ownedCopy) });
  }

  encodeState(stateVector?: Uint8Array): Promise<EncodedState> {
    return this.call<EncodedState>({
      op: 'encode',
      ...(stateVector ? { stateVector: ownedCopy(stateVector) } : {}),
    });
  }

  stateVector(): Promise<Uint8Array> {
    return this.call<Uint8Array>({ op: 'state-vector' });
  }

  /**
   * A replica built from the document's state, applied here between event-loop turns (the thread
   * cuts it into slices); what is changed on it goes back as one update of the server's own
   * (origin `null`) when it is given back. Made on a state of a moment ago: edits that reach the
   * room meanwhile are not in it, and merge with its changes as any client's would.
   */
  async lend(): Promise<LentDoc> {
    const slices = await this.call<Uint8Array[]>({ op: 'slices' });
    const doc = new Y.Doc();
    await applySlices(doc, slices);
    const made: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array) => made.push(update);
    doc.on('update', onUpdate);
    return {
      doc,
      giveBack: async () => {
        doc.off('update', onUpdate);
        doc.destroy();
        const [first] = made;
        if (!first) return;
        await this.apply(made.length === 1 ? first : Y.mergeUpdates(made), null);
      },
    };
  }

  /** Stops the thread: nothing is reported after, and the calls pending are refused. */
  destroy(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.down ??= new DocThreadFailed('the room’s document was dropped');
    this.refusePending(this.down);
    this.thread.stop();
  }

  private call<T>(call: DocCall, transfer: ArrayBuffer[] = [], origin?: unknown): Promise<T> {
    if (this.down) return Promise.reject(this.down);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(origin !== undefined ? { origin } : {}),
      });
      const request: DocRequest = { id, call };
      this.thread.port.postMessage(request, transfer);
    });
  }

  /** The number `origin` crosses as, counted as carried by one more call (let go of by `answered`). */
  private wire(origin: unknown): WireOrigin {
    if (origin === null || origin === undefined) return null;
    if (origin === BUS_ORIGIN) return BUS_ORIGIN;
    let known = this.origins.get(origin);
    if (!known) {
      known = { wire: this.nextOrigin++, calls: 0 };
      this.origins.set(origin, known);
      this.byWire.set(known.wire, origin);
    }
    known.calls++;
    return known.wire;
  }

  private letGo(origin: unknown): void {
    const known = this.origins.get(origin);
    if (!known || --known.calls > 0) return;
    this.origins.delete(origin);
    this.byWire.delete(known.wire);
  }

  private readonly onMessage = (message: DocMessage): void => {
    if (this.stopped) return;
    if (message.kind === 'changed') {
      const origin = typeof message.origin === 'number' ? this.byWire.get(message.origin) : message.origin;
      this.changed(message.update, origin, message.edited);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if ('origin' in pending) this.letGo(pending.origin);
    if (message.kind === 'answer') pending.resolve(message.value);
    else if (message.damaged !== undefined) pending.reject(new RoomDamaged(this.room, message.damaged));
    else pending.reject(new Error(message.error));
  };

  /** The thread died: the room hears it first (it closes its peers), then every pending call is refused. */
  private fail(error: DocThreadFailed): void {
    if (this.stopped || this.down) return;
    this.down = error;
    this.failed(error);
    this.refusePending(error);
  }

  private refusePending(error: DocThreadFailed): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const call of pending) call.reject(error);
  }
}
