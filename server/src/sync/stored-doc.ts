import * as Y from 'yjs';
import type { Logger } from '../log';
import { type StoredDoc, snapshotDamaged } from '../store/docs';
import type { DocChanged, DocHost } from './doc-host';
import { encodeSyncStep2Update } from './messages';
import { applySlices, sliceUpdate } from './update-slices';

/** A room whose stored state cannot be rebuilt: it is refused (`CLOSE_CODES.roomDamaged`) until an operator repairs it. */
export class RoomDamaged extends Error {
  constructor(
    readonly room: string,
    /** What is wrong with its stored state. */
    readonly why: string,
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
  /** The number of the last stored update it holds. */
  lastSeq: number;
  /** The snapshot as a fresh client's sync step 2 (a full-state encode already), when there is one. */
  snapshotStep2: Uint8Array | null;
  /** The snapshot's size (0: none). */
  snapshotBytes: number;
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
  const { doc, snapshotStep2, updates, skippedAt } = rebuildParts(name, stored, seeded);
  for (const index of skippedAt) logSkipped(log, name, index);
  return {
    doc,
    lastSeq: stored.lastSeq,
    snapshotStep2,
    snapshotBytes: stored.snapshot?.byteLength ?? 0,
    updates,
    skipped: skippedAt.length,
  };
}

/** `rebuildStoredDoc` without a logger (a document's own thread): the indexes of the updates left out. */
export function rebuildParts(
  name: string,
  stored: StoredParts,
  seeded: boolean,
): Pick<RebuiltDoc, 'doc' | 'snapshotStep2' | 'updates'> & { skippedAt: number[] } {
  const doc = new Y.Doc();
  const fail = failing(name, doc);
  checkStored(stored, seeded, fail);
  if (snapshotDamaged(stored)) fail(CHECKSUM_MISMATCH);
  if (stored.snapshot) {
    try {
      Y.applyUpdate(doc, stored.snapshot);
    } catch (error) {
      fail(`its snapshot does not decode (${String(error)})`);
    }
  }
  const updates: Uint8Array[] = [];
  const skippedAt: number[] = [];
  for (const [index, update] of stored.updates.entries()) {
    // Decoded first: an update that fails half-way through applying would leave half of it behind.
    if (!decodes(update)) {
      skippedAt.push(index);
      continue;
    }
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      fail(`a stored update does not apply (${String(error)})`);
    }
    updates.push(update);
  }
  checkWhole(doc, fail);
  return {
    doc,
    snapshotStep2: stored.snapshot && encodeSyncStep2Update(stored.snapshot),
    updates,
    skippedAt,
  };
}

/**
 * Stored documents from this size on (snapshot and log) are rebuilt off the room's thread: cut
 * into slices by a worker thread, applied a few at a time between event-loop turns (a 20,000-note
 * board weighs 8 MB and takes ~750 ms to apply at once; 512 KB, ~40 ms).
 */
export const OFF_THREAD_BYTES = 512 * 1024;

/** What a worker thread makes of a stored document (`sliceStoredDoc`). */
export interface StoredSlices {
  /** The snapshot, then the logged updates that decode, in slices applied in order (update-slices.ts). */
  slices: Uint8Array[];
  /** The indexes of logged updates that do not decode (left out). */
  skipped: number[];
  /** The snapshot as a fresh client's sync step 2, framed there too. */
  snapshotStep2: Uint8Array | null;
  /** Why the snapshot cannot be used (a checksum mismatch, or it does not decode): the room is damaged. */
  damaged?: string;
}

/** The part of a stored document a worker thread is handed. */
export type StoredParts = Pick<StoredDoc, 'snapshot' | 'updates' | 'snapshotChecksum'>;

/**
 * Cuts stored documents into slices off the room's thread (the server's worker pool). It may take
 * the snapshot's buffer over (transferred, not copied): after a call, `stored.snapshot` is not
 * read again, whatever the outcome.
 */
export interface DocSlicer {
  sliceDoc(stored: StoredParts): Promise<StoredSlices>;
}

/** A logged update from this size on is sliced too (an import's whole board is one update). */
const SLICED_UPDATE_BYTES = 64 * 1024;

/**
 * The worker thread's half of an off-thread rebuild: the same checks as `rebuildStoredDoc`, on
 * decoded rather than applied updates, and the same order — the snapshot, then each logged update
 * that decodes — with the snapshot and any big update cut into slices. (Merging the log into the
 * snapshot first would cost more than applying it: ~0.5 s for 2,000 logged moves.)
 */
export function sliceStoredDoc(stored: StoredParts): StoredSlices {
  const { snapshot, updates } = stored;
  const slices: Uint8Array[] = [];
  const damaged = (why: string): StoredSlices => ({
    slices: [],
    skipped: [],
    snapshotStep2: null,
    damaged: why,
  });
  if (snapshotDamaged(stored)) return damaged(CHECKSUM_MISMATCH);
  if (snapshot) {
    try {
      slices.push(...sliceUpdate(snapshot));
    } catch (error) {
      return damaged(`its snapshot does not decode (${String(error)})`);
    }
  }
  const skipped: number[] = [];
  updates.forEach((update, index) => {
    if (!decodes(update)) skipped.push(index);
    else if (update.byteLength < SLICED_UPDATE_BYTES) slices.push(update);
    else slices.push(...sliceUpdate(update));
  });
  return { slices, skipped, snapshotStep2: snapshot && encodeSyncStep2Update(snapshot) };
}

/** A document's host on a thread of its own (thread-doc-host.ts), told where to report once the room has it. */
export interface ThreadHost extends DocHost {
  /** Where changes are reported, and the thread's failure (the room closes): before any call is made. */
  attach(changed: DocChanged, failed: (error: Error) => void): DocHost;
}

/** Where big documents may live on threads of their own (thread-doc-host.ts `docThreads`). */
export interface DocThreads {
  /** Whether `room`'s may (a board's; never a control room's, which the server observes as it changes). */
  hosts(room: string): boolean;
  /** From this stored size on (the load's `fromBytes` by default: `OFF_THREAD_BYTES`). */
  fromBytes?: number;
  /**
   * Starts a thread and rebuilds the stored document there (as `rebuildParts`; the snapshot's
   * buffer is handed over). Rejects with `RoomDamaged` when it cannot be rebuilt, with another
   * error when the thread failed (it is stopped).
   */
  open(
    room: string,
    stored: StoredParts,
    seeded: boolean,
    tracksEdits: boolean,
  ): Promise<{ host: ThreadHost; snapshotStep2: Uint8Array | null; skippedAt: number[] }>;
}

/** A stored document rebuilt on a thread of its own, which holds it from then on. */
export interface HostedDoc extends Omit<RebuiltDoc, 'doc'> {
  thread: ThreadHost;
}

/** How `loadStoredDoc` rebuilds a stored document. */
export interface LoadOptions {
  /** A workshop's board or control: never without a stored state (`rebuildStoredDoc`). */
  seeded: boolean;
  /** Cuts big documents into slices off the room's thread; none: big ones are rebuilt at once. */
  slicer?: DocSlicer | undefined;
  /** Where big documents live on threads of their own, when they may (tried before the slicer). */
  threads?: DocThreads | undefined;
  /** Whether a document on its own thread reports the board items connections touch (the edit journal). */
  tracksEdits?: boolean;
  /** What "big" means (`OFF_THREAD_BYTES`). */
  fromBytes?: number;
}

/**
 * Reads a stored document (`read`) and rebuilds it as `rebuildStoredDoc` does. A big one goes to a
 * thread of its own when `threads` may host it: built whole there, it stays there (`HostedDoc`).
 * Otherwise it is rebuilt off the room's thread when a slicer is given: the worker checks and cuts
 * it and frames the fresh clients' sync step 2, this thread applies the slices between event-loop
 * turns, so other rooms' sync and presence go on meanwhile. Either way no copy of the snapshot is
 * made here. When a thread cannot (it failed, the pool is stopped), the document is read again
 * (the thread may hold the snapshot's buffer) and rebuilt the next way down.
 */
export function loadStoredDoc(
  name: string,
  read: () => Promise<StoredDoc>,
  log: Logger,
  options: LoadOptions & { threads?: undefined },
): Promise<RebuiltDoc>;
export function loadStoredDoc(
  name: string,
  read: () => Promise<StoredDoc>,
  log: Logger,
  options: LoadOptions,
): Promise<RebuiltDoc | HostedDoc>;
export async function loadStoredDoc(
  name: string,
  read: () => Promise<StoredDoc>,
  log: Logger,
  options: LoadOptions,
): Promise<RebuiltDoc | HostedDoc> {
  const { seeded, slicer, threads, fromBytes = OFF_THREAD_BYTES } = options;
  let stored = await read();
  const snapshotBytes = stored.snapshot?.byteLength ?? 0;
  const bytes = stored.updates.reduce((sum, u) => sum + u.byteLength, snapshotBytes);
  if (threads && bytes >= (threads.fromBytes ?? fromBytes) && threads.hosts(name)) {
    try {
      return await openOnThread(name, stored, bytes, log, threads, options);
    } catch (error) {
      if (error instanceof RoomDamaged) throw error;
      log.warn({ room: name, err: String(error) }, 'room not opened on a thread of its own: rebuilt here');
      stored = await read();
    }
  }
  if (!slicer || bytes < fromBytes) return rebuildStoredDoc(name, stored, log, seeded);
  checkStored(stored, seeded, failing(name, null));
  let answer: StoredSlices;
  try {
    answer = await slicer.sliceDoc(stored);
  } catch (error) {
    log.warn({ room: name, err: String(error) }, 'room not sliced off thread: rebuilt at once');
    return rebuildStoredDoc(name, await read(), log, seeded);
  }
  const doc = new Y.Doc();
  const fail = failing(name, doc);
  if (answer.damaged) fail(answer.damaged);
  const kept = keptParts(name, stored, snapshotBytes, answer.skipped, log);
  const applying = performance.now();
  try {
    await applySlices(doc, answer.slices);
  } catch (error) {
    fail(`a stored update does not apply (${String(error)})`);
  }
  checkWhole(doc, fail);
  log.info(
    { room: name, bytes, slices: answer.slices.length, applyMs: Math.round(performance.now() - applying) },
    'room rebuilt off thread',
  );
  return { doc, snapshotStep2: answer.snapshotStep2, ...kept };
}

async function openOnThread(
  name: string,
  stored: StoredDoc,
  bytes: number,
  log: Logger,
  threads: DocThreads,
  options: LoadOptions,
): Promise<HostedDoc> {
  const snapshotBytes = stored.snapshot?.byteLength ?? 0;
  const opening = performance.now();
  const opened = await threads.open(name, stored, options.seeded, options.tracksEdits ?? false);
  const kept = keptParts(name, stored, snapshotBytes, opened.skippedAt, log);
  log.info(
    { room: name, bytes, openMs: Math.round(performance.now() - opening) },
    'room opened on a thread of its own',
  );
  return { thread: opened.host, snapshotStep2: opened.snapshotStep2, ...kept };
}

/**
 * What a rebuild on another thread kept of the stored log (the updates it left out, logged here),
 * with the sizes; `snapshotBytes` is read before the snapshot's buffer was handed over.
 */
function keptParts(
  name: string,
  stored: StoredDoc,
  snapshotBytes: number,
  skippedAt: readonly number[],
  log: Logger,
): Omit<RebuiltDoc, 'doc' | 'snapshotStep2'> {
  for (const index of skippedAt) logSkipped(log, name, index);
  const skipped = new Set(skippedAt);
  return {
    lastSeq: stored.lastSeq,
    snapshotBytes,
    updates: stored.updates.filter((_, index) => !skipped.has(index)),
    skipped: skipped.size,
  };
}

type Fail = (why: string) => never;

function failing(name: string, doc: Y.Doc | null): Fail {
  return (why) => {
    doc?.destroy();
    throw new RoomDamaged(name, why);
  };
}

/** What is refused before anything is applied. */
function checkStored(stored: Pick<StoredDoc, 'snapshot' | 'updates'>, seeded: boolean, fail: Fail): void {
  // A seeded document (a workshop's board or control) is never without a stored state.
  if (seeded && !stored.snapshot && stored.updates.length === 0)
    fail('nothing is stored (its snapshot is missing)');
}

const CHECKSUM_MISMATCH = 'its snapshot is not the one written (checksum mismatch)';

/** What is refused once everything is applied. */
function checkWhole(doc: Y.Doc, fail: Fail): void {
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    fail('its stored updates refer to content that is not stored');
}

function decodes(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

function logSkipped(log: Logger, room: string, index: number): void {
  log.error({ room, index }, 'a stored update does not decode: left out');
}
