import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { SocketEvent } from './socketHub';

/** y-protocols message types (y-websocket's first varUint, then the sync step). */
const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;

type Frame = ArrayBuffer | string;

/** The Yjs update a y-websocket "sync update" frame carries, or null for any other frame. */
export function updateIn(data: Frame): Uint8Array | null {
  if (typeof data === 'string') return null;
  try {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    if (decoding.readVarUint(decoder) !== SYNC_UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    return decoding.hasContent(decoder) ? null : update;
  } catch {
    return null;
  }
}

/** Whether a frame is a sync message (step 1, step 2 or update). */
function isSync(data: Frame): boolean {
  return (
    typeof data !== 'string' && new Uint8Array(data, 0, Math.min(1, data.byteLength))[0] === MESSAGE_SYNC
  );
}

export function updateFrame(update: Uint8Array): ArrayBuffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder).buffer as ArrayBuffer;
}

/**
 * Folds each socket's document updates in a batch into one: the page then applies one
 * Yjs transaction per batch instead of one per update (each runs the observers and
 * encodes an update for IndexedDB). The merged update takes the place of the run's first
 * one. A run ends at the socket's other sync messages (step 1 and 2) and at its opening or
 * closing; awareness frames, which do not touch the document, pass through in their places.
 * Updates that cannot be merged are left as they came.
 */
export function foldUpdates(events: readonly SocketEvent[]): SocketEvent[] {
  const runOf = new Array<number>(events.length).fill(-1);
  const runs: Uint8Array[][] = [];
  const openRun = new Map<number, number>();
  events.forEach((event, index) => {
    if (event.type !== 'message') {
      openRun.delete(event.id);
      return;
    }
    const update = updateIn(event.data);
    if (!update) {
      if (isSync(event.data)) openRun.delete(event.id);
      return;
    }
    let run = openRun.get(event.id);
    if (run === undefined) {
      run = runs.push([]) - 1;
      openRun.set(event.id, run);
    }
    runs[run]?.push(update);
    runOf[index] = run;
  });

  const merged = runs.map((updates) => {
    if (updates.length < 2) return null;
    try {
      return updateFrame(Y.mergeUpdates(updates));
    } catch {
      return null;
    }
  });
  const placed = new Set<number>();
  const out: SocketEvent[] = [];
  events.forEach((event, index) => {
    const run = runOf[index] ?? -1;
    const data = run < 0 ? null : merged[run];
    if (!data || event.type !== 'message') {
      out.push(event);
      return;
    }
    if (placed.has(run)) return;
    placed.add(run);
    out.push({ ...event, data });
  });
  return out;
}
