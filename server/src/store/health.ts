import type { Logger } from '../log';
import type { Db } from './db';

/**
 * SQLite's result codes for "the disk did not take it": full (`SQLITE_FULL`, also reached via
 * `max_page_count`) and I/O errors (`SQLITE_IOERR_WRITE`, `_FSYNC`, `_SHORT_READ`…).
 */
export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'));
}

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

export function createStorageHealth(db: Db, log: Logger, options: StorageHealthOptions = {}): StorageHealth {
  const probeMs = options.probeMs ?? 2000;
  const fill = db.prepare(
    'INSERT INTO storage_probe (id, pad) VALUES (1, zeroblob(?)) ON CONFLICT(id) DO UPDATE SET pad = excluded.pad',
  );
  const empty = db.prepare("UPDATE storage_probe SET pad = x'' WHERE id = 1");
  const listeners: (() => void)[] = [];
  let writable = true;
  let timer: NodeJS.Timeout | null = null;
  let since = 0;

  const probe = async (): Promise<boolean> => {
    if (writable) return true;
    try {
      fill.run(PROBE_HEADROOM_BYTES);
      empty.run();
      // A checkpoint that cannot grow the database file fails here too: the WAL would only grow.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      return false;
    }
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
