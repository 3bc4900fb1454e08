import type { Logger } from '../log';
import type { Db } from './db';

/**
 * PostgreSQL's codes for "the database did not take it": disk full (53100), out of memory or
 * connections (53200, 53300), an I/O error (58030), a standby refusing writes (25006), the
 * server shutting down or starting (57P01–57P03), and connection failures (class 08).
 */
const POSTGRES_FAULTS = /^(53100|53200|53300|58030|25006|57P0[1-3]|08...)$/;

/**
 * The codes for "the storage did not take it": SQLite's full disk (`SQLITE_FULL`, also reached
 * via `max_page_count`) and I/O errors (`SQLITE_IOERR_WRITE`, `_FSYNC`, `_SHORT_READ`…), and
 * PostgreSQL's equivalents (above).
 */
export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || POSTGRES_FAULTS.test(code))
  );
}

/** A real write, or what stands for one: resolves when the storage takes writes, rejects when not. */
export type StorageProbe = () => Promise<void>;

/**
 * Whether the database takes writes, as the last commits found. A failed commit turns it off:
 * every sync write is then refused before it touches a room (`storage-full`), every HTTP write
 * answers 503 `storage_full`, and `/readyz` says not ready. Meanwhile a probe retries a real
 * write every `probeMs`; once one succeeds, writes are taken again and `onRecovered` listeners
 * run (the rooms ask their clients to resend what was refused). No restart is needed.
 */
export interface StorageHealth {
  readonly writable: boolean;
  /** A write failed: refuse writes until a probe succeeds. */
  report(error: unknown): void;
  /** Tries the probe now (the timer does it by itself); resolves to whether writes are taken. */
  probe(): Promise<boolean>;
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
  let writable = true;
  let timer: NodeJS.Timeout | null = null;
  let since = 0;

  const probe = async (): Promise<boolean> => {
    if (writable) return true;
    try {
      await probeWrite();
    } catch {
      return false;
    }
    // Another probe (the timer's, on PostgreSQL a round trip) got there first: recovered once.
    if (writable) return true;
    writable = true;
    if (timer) clearInterval(timer);
    timer = null;
    log.info({ refusedMs: Date.now() - since }, 'storage takes writes again');
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        log.error({ err: String(error) }, 'a storage recovery listener failed');
      }
    }
    return true;
  };

  return {
    get writable() {
      return writable;
    },
    report(error) {
      if (!writable) return;
      writable = false;
      since = Date.now();
      log.error(
        { err: String(error), code: (error as { code?: unknown } | null)?.code, probeMs },
        'storage refused a write: writes are refused until it takes them again',
      );
      timer = setInterval(() => void probe(), probeMs);
      timer.unref();
    },
    probe,
    onRecovered(listener) {
      listeners.push(listener);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
