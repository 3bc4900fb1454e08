import type { MessagePort, Worker } from 'node:worker_threads';
import type { EditedItem } from '@atelier/shared/layout';
import { owned } from '../workers/owned';
import { type EncodedState, LocalDocHost } from './doc-host';
import { encodeSyncStep2Update } from './messages';
import type { BUS_ORIGIN } from './room-bus';
import { RoomDamaged, rebuildParts, type StoredParts } from './stored-doc';
import { sliceUpdate } from './update-slices';
import type { WriteCheck } from './write-check';

/*
 * A room's document on a thread of its own (docs/scale-out.md §6, "A big room on a thread of its
 * own"): the calls of `DocHost` as messages on one port, answered in the order they came, each
 * change the document makes posted before the answer of the call that made it. This is the
 * thread's half (`serveDoc`); thread-doc-host.ts is the room's.
 */

/**
 * Who made a change, as it crosses threads: a number the room maps back to its peer, the bus's
 * origin, or none (the server's own writes).
 */
export type WireOrigin = number | typeof BUS_ORIGIN | null;

/** What the room asks of its document's thread. */
export type DocCall =
  | {
      op: 'open';
      name: string;
      /** The snapshot's buffer is handed over when it can be (not copied). */
      stored: StoredParts;
      seeded: boolean;
      tracksEdits: boolean;
    }
  | { op: 'apply'; update: Uint8Array; origin: WireOrigin; check?: WriteCheck }
  | { op: 'apply-committed'; updates: Uint8Array[] }
  | { op: 'encode'; stateVector?: Uint8Array }
  | { op: 'state-vector' }
  /** The whole state cut into slices, for a replica the room applies between event-loop turns. */
  | { op: 'slices' };

export interface DocRequest {
  id: number;
  call: DocCall;
}

/** What `open` answers: the rebuilt document's fresh-client reply and the logged updates left out. */
export interface OpenedDoc {
  snapshotStep2: Uint8Array | null;
  skippedAt: number[];
}

export type DocMessage =
  | { kind: 'changed'; update: Uint8Array; origin: WireOrigin; edited: EditedItem[] | null }
  | { kind: 'answer'; id: number; value: unknown }
  /** The call threw; `damaged`: the stored state cannot be rebuilt (`RoomDamaged`). */
  | { kind: 'failed'; id: number; error: string; damaged?: string };

/** One end of the channel between the threads: a `MessagePort` or `Worker` of node:worker_threads (`portOf`). */
export interface DocPort {
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  onMessage(listener: (message: never) => void): void;
}

/** A `MessagePort` or `Worker` as a `DocPort`. */
export function portOf(
  end: Pick<MessagePort, 'postMessage' | 'on'> | Pick<Worker, 'postMessage' | 'on'>,
): DocPort {
  return {
    postMessage: (message, transfer) => end.postMessage(message, transfer),
    onMessage: (listener) => {
      (end as Pick<MessagePort, 'on'>).on('message', (message: unknown) => listener(message as never));
    },
  };
}

/** Serves one room's document on `port`: the document is built by the first call, `open`. */
export function serveDoc(port: DocPort): void {
  let host: LocalDocHost | null = null;
  const changed = (update: Uint8Array, origin: unknown, edited: EditedItem[] | null) => {
    const message: DocMessage = { kind: 'changed', update, origin: origin as WireOrigin, edited };
    port.postMessage(message, owned([update]));
  };
  const run = async (call: DocCall): Promise<{ value: unknown; transfer: ArrayBuffer[] }> => {
    if (call.op === 'open') {
      if (host) throw new Error('the document is open already');
      const rebuilt = rebuildParts(call.name, call.stored, call.seeded);
      host = new LocalDocHost(rebuilt.doc, changed, call.tracksEdits);
      const value: OpenedDoc = { snapshotStep2: rebuilt.snapshotStep2, skippedAt: rebuilt.skippedAt };
      return { value, transfer: owned(rebuilt.snapshotStep2 ? [rebuilt.snapshotStep2] : []) };
    }
    if (!host) throw new Error('the document is not open');
    switch (call.op) {
      case 'apply':
        return { value: await host.apply(call.update, call.origin, call.check), transfer: [] };
      case 'apply-committed':
        return { value: await host.applyCommitted(call.updates), transfer: [] };
      case 'encode': {
        const state: EncodedState = await host.encodeState(call.stateVector);
        // Framed here too: a full state is megabytes the room's thread need not copy.
        if (!call.stateVector) state.step2 = encodeSyncStep2Update(state.update);
        return { value: state, transfer: owned([state.update, ...(state.step2 ? [state.step2] : [])]) };
      }
      case 'state-vector':
        return { value: await host.stateVector(), transfer: [] };
      case 'slices': {
        const slices = sliceUpdate((await host.encodeState()).update);
        return { value: slices, transfer: owned(slices) };
      }
    }
  };
  // One call at a time, in the order they came: an answer never overtakes an earlier one.
  let queue = Promise.resolve();
  port.onMessage((request: DocRequest) => {
    queue = queue.then(async () => {
      let message: DocMessage;
      let transfer: ArrayBuffer[] = [];
      try {
        const done = await run(request.call);
        message = { kind: 'answer', id: request.id, value: done.value };
        transfer = done.transfer;
      } catch (error) {
        message = {
          kind: 'failed',
          id: request.id,
          error: String(error),
          ...(error instanceof RoomDamaged ? { damaged: error.why } : {}),
        };
      }
      port.postMessage(message, transfer);
    });
  });
}
