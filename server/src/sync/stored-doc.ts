import * as Y from 'yjs';
import type { Logger } from '../log';
import type { StoredDoc } from '../store/docs';

/** A room whose stored state cannot be rebuilt: it is refused (`CLOSE_CODES.roomDamaged`) until an operator repairs it. */
export class RoomDamaged extends Error {
  constructor(
    readonly room: string,
    why: string,
  ) {
    super(`room ${room} is damaged: ${why}`);
    this.name = 'RoomDamaged';
  }
}

/** A room dropped (its workshop deleted) while it loaded: whoever waited for it is refused. */
export class RoomDropped extends Error {
  constructor(readonly room: string) {
    super(`room ${room} was dropped while it loaded`);
    this.name = 'RoomDropped';
  }
}

/** A room's document rebuilt from its stored snapshot and log, with the parts that were applied. */
export interface RebuiltDoc {
  doc: Y.Doc;
  /** The snapshot, when there is one. */
  snapshot: Uint8Array | null;
  /** The logged updates that were applied (a corrupt one is left out). */
  updates: Uint8Array[];
  /** How many logged updates were left out. */
  skipped: number;
}

/**
 * Rebuilds a document from what is stored. Each part is applied on its own, so one that fails
 * to decode cannot leave another half-applied. What "rebuilt when possible" means
 * (docs/operations.md, "Disk and database faults"):
 * - a logged update that fails to decode is left out, if the document is whole without it (no
 *   later update refers to what it held, nor follows it from the same client); clients that still have it send it back at their next
 *   sync, and the room compacts at once so the bad row leaves the log;
 * - a snapshot that fails to decode, or whose checksum does not match, cannot be rebuilt (compaction deleted the log behind it):
 *   the room is damaged;
 * - so is a document whose updates refer to content that is not stored (a missing snapshot, a
 *   left-out update others built on), which Yjs reports as pending structs or deletions, and a
 *   seeded document (`seeded`: a workshop's board or control) with nothing stored at all.
 */
export function rebuildStoredDoc(name: string, stored: StoredDoc, log: Logger, seeded = false): RebuiltDoc {
  const doc = new Y.Doc();
  const fail = (why: string): never => {
    doc.destroy();
    throw new RoomDamaged(name, why);
  };
  // A seeded document (a workshop's board or control) is never without a stored state.
  if (seeded && !stored.snapshot && stored.updates.length === 0)
    fail('nothing is stored (its snapshot is missing)');
  if (stored.snapshotDamaged) fail('its snapshot is not the one written (checksum mismatch)');
  if (stored.snapshot) {
    try {
      Y.applyUpdate(doc, stored.snapshot);
    } catch (error) {
      fail(`its snapshot does not decode (${String(error)})`);
    }
  }
  const updates: Uint8Array[] = [];
  let skipped = 0;
  for (const update of stored.updates) {
    // Decoded first: an update that fails half-way through applying would leave half of it behind.
    try {
      Y.decodeUpdate(update);
    } catch (error) {
      skipped++;
      log.error({ room: name, err: String(error) }, 'a stored update does not decode: left out');
      continue;
    }
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      fail(`a stored update does not apply (${String(error)})`);
    }
    updates.push(update);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    fail('its stored updates refer to content that is not stored');
  return { doc, snapshot: stored.snapshot, updates, skipped };
}
