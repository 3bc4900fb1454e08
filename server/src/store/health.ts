import { WRITE_DENIED_REASONS } from '@atelier/shared';
import type { Logger } from '../log';
import type { Db } from './db';

/**
 * PostgreSQL's codes for "the database did not take it": disk full (53100), out of memory or
 * connections (53200, 53300), an I/O error (58030), a standby refusing writes (25006), the
 * server shutting down or starting (57P01–57P03), and connection failures (class 08).
 */
const POSTGRES_FAULTS = /^(53100|53200|53300|58030|25006|57P0[1-3]|08...)$/;

/**
 * "The database cannot be reached": PostgreSQL shutting down or starting (57P01–57P03), out of
 * connections (53300), a connection failure (class 08), the socket's own errors, and `pg`'s
 * errors without a code for a connection that ended or timed out.
 */
const UNREACHABLE_CODES =
  /^(57P0[1-3]|53300|08...|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/;
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * PostgreSQL's "run the transaction again": it was chosen as a deadlock's victim (40P01) or could
 * not be serialised with another (40001), and was rolled back. Nothing is wrong with the database.
 */
const CONFLICT_CODES = /^(40P01|40001)$/;

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Whether `error` is a transaction conflict: a turn's transaction is run again (`TurnFlusher`), not a fault. */
export function isTransactionConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && CONFLICT_CODES.test(code);
}

/** Whether `error` says the database could not be reached (not that it refused the write). */
export function isUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== null) return UNREACHABLE_CODES.test(code);
  return error instanceof Error && UNREACHABLE_MESSAGES.test(error.message);
}

/**
 * The codes for "the storage did not take it": SQLite's full disk (`SQLITE_FULL`, also reached
 * via `max_page_count`) and I/O errors (`SQLITE_IOERR_WRITE`, `_FSYNC`, `_SHORT_READ`…),
 * PostgreSQL's equivalents (above), and a database that cannot be reached.
 */
export function isStorageFault(error: unknown): boolean {
  const code = codeOf(error);
  return (
    (code !== null &&
      (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || POSTGRES_FAULTS.test(code))) ||
    isUnreachable(error)
  );
}

/** Why writes are refused: the sync refusal sent to writers (HTTP: `storage_full` or `unavailable`). */
export type WriteRefusal = typeof WRITE_DENIED_REASONS.storageFull | typeof WRITE_DENIED_REASONS.unavailable;

/**
 * A database that cannot be reached is `unavailable` (its turns are kept, `Room.settle`), and so is
 * a transaction conflict that outlasted a turn's retries (transient too); one that refused the
 * write (a full disk, an I/O error) is `storage-full`.
 */
export function refusalOf(error: unknown): WriteRefusal {
  return isUnreachable(error) || isTransactionConflict(error)
    ? WRITE_DENIED_REASONS.unavailable
    : WRITE_DENIED_REASONS.storageFull;
}

/** A real write, or what stands for one: resolves when the storage takes writes, rejects when not. */
export type StorageProbe = () => Promise<void>;

/**
 * The node's write gate: whether it takes writes, as the last commits found and as what else it
 * needs says (on a scale-out node, the room bus). A failed commit closes it: every sync write is
 * then refused before it touches a room (`storage-full`, or `unavailable` for a database that
 * cannot be reached), every HTTP write answers 503 (`storage_full` or `unavailable`), and
 * `/readyz` says not ready. Meanwhile a probe retries a real write every `probeMs`; once one
 * succeeds and nothing else holds the gate closed (`hold`), writes are taken again and
 * `onRecovered` listeners run (the rooms ask their clients to resend what was refused). No
 * restart is needed.
 */
export interface StorageHealth {
  readonly writable: boolean;
  /** Why writes are refused now (the storage's fault first); null while they are taken. */
  readonly refusal: WriteRefusal | null;
  /** A write failed: refuse writes until a probe succeeds. */
  report(error: unknown): void;
  /** Tries the probe now (the timer does it by itself); resolves to whether writes are taken. */
  probe(): Promise<boolean>;
  /**
   * Refuses writes with `refusal` for `cause` (the room bus lost Redis) until `release(cause)`:
   * what the node cannot share it does not take either. Holding a held cause again does nothing.
   */
  hold(cause: string, refusal: WriteRefusal): void;
  release(cause: string): void;
  onRecovered(listener: () => void): void;
  close(): void;
}

export interface StorageHealthOptions {
  /** How often a refused storage is probed (default 2 s). */
  probeMs?: number;
}

/**
 * The probe commits this many bytes into `storage_probe`, then empties the row: the freed pages
 * stay in the file (auto_vacuum is incremental) for the next commits, so taking writes again
 * does not fail again at the first update that needs a new page.
 */
export const PROBE_HEADROOM_BYTES = 128 * 1024;

export function sqliteStorageProbe(db: Db): StorageProbe {
  const fill = db.prepare(
    'INSERT INTO storage_probe (id, pad) VALUES (1, zeroblob(?)) ON CONFLICT(id) DO UPDATE SET pad = excluded.pad',
  );
  const empty = db.prepare("UPDATE storage_probe SET pad = x'' WHERE id = 1");
  return async () => {
    fill.run(PROBE_HEADROOM_BYTES);
    empty.run();
    // A checkpoint that cannot grow the database file fails here too: the WAL would only grow.
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}

export function createStorageHealth(
  probeWrite: StorageProbe,
  log: Logger,
  options: StorageHealthOptions = {},
): StorageHealth {
  const probeMs = options.probeMs ?? 2000;
  const listeners: (() => void)[] = [];
  /** The storage's own fault, while a probe has not succeeded. */
  let fault: WriteRefusal | null = null;
  /** Other causes holding the gate closed, each with its refusal. */
  const held = new Map<string, WriteRefusal>();
  let timer: NodeJS.Timeout | null = null;
  /** When the gate closed (for the log line saying how long writes were refused). */
  let since = 0;
  const writable = () => fault === null && held.size === 0;

  const closed = (): void => {
    if (since === 0) since = Date.now();
  };
  /** Runs the listeners if nothing holds the gate closed any more. */
  const reopened = (): void => {
    if (!writable()) return;
    log.info({ refusedMs: Date.now() - since }, 'writes are taken again');
    since = 0;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        log.error({ err: String(error) }, 'a storage recovery listener failed');
      }
    }
  };

  const probe = async (): Promise<boolean> => {
    if (fault === null) return writable();
    try {
      await probeWrite();
    } catch {
      return false;
    }
    // Another probe (the timer's, on PostgreSQL a round trip) got there first: recovered once.
    if (fault === null) return writable();
    fault = null;
    if (timer) clearInterval(timer);
    timer = null;
    log.info({ refusedMs: Date.now() - since }, 'storage takes writes again');
    reopened();
    return writable();
  };

  return {
    get writable() {
      return writable();
    },
    get refusal() {
      return fault ?? held.values().next().value ?? null;
    },
    report(error) {
      if (fault !== null) return;
      fault = refusalOf(error);
      closed();
      log.error(
        { err: String(error), code: codeOf(error) ?? undefined, refusal: fault, probeMs },
        'storage refused a write: writes are refused until it takes them again',
      );
      timer = setInterval(() => void probe(), probeMs);
      timer.unref();
    },
    probe,
    hold(cause, refusal) {
      if (held.has(cause)) return;
      held.set(cause, refusal);
      closed();
      log.error({ cause, refusal }, 'writes refused until this is back');
    },
    release(cause) {
      if (!held.delete(cause)) return;
      log.info({ cause }, 'back: no longer refusing writes for it');
      reopened();
    },
    onRecovered(listener) {
      listeners.push(listener);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
