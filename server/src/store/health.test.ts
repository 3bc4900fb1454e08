import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import {
  createStorageHealth,
  isStorageFault,
  PROBE_HEADROOM_BYTES,
  refusalOf,
  sqliteStorageProbe,
} from './health';
import { useTempDirs } from './temp-dirs';

const tempDir = useTempDirs('atelier-health-');
/** A database filled up to its page cap by a `filler` table (as a full disk would refuse writes). */
function fullDb() {
  const dir = tempDir();
  const db = openDb(dir);
  db.exec('CREATE TABLE filler (data BLOB)');
  db.prepare('INSERT INTO filler VALUES (zeroblob(?))').run(4 * PROBE_HEADROOM_BYTES);
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  return db;
}

describe('storage health', () => {
  it('knows SQLite’s full-disk and I/O errors', () => {
    expect(isStorageFault(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFault(Object.assign(new Error('io'), { code: 'SQLITE_IOERR_WRITE' }))).toBe(true);
    expect(isStorageFault(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe(false);
    expect(isStorageFault(null)).toBe(false);
  });

  it('refuses writes after a failure until a probe write succeeds, then tells its listeners', async () => {
    const db = fullDb();
    const health = createStorageHealth(sqliteStorageProbe(db), pino({ level: 'silent' }), {
      probeMs: 60_000,
    });
    let recovered = 0;
    health.onRecovered(() => recovered++);
    expect(health.writable).toBe(true);
    let failure: unknown = null;
    try {
      db.prepare('INSERT INTO filler VALUES (zeroblob(?))').run(PROBE_HEADROOM_BYTES);
    } catch (error) {
      failure = error;
    }
    expect(isStorageFault(failure)).toBe(true);
    health.report(failure);
    expect(health.writable).toBe(false);
    expect(await health.probe()).toBe(false);
    db.exec('DELETE FROM filler');
    expect(await health.probe()).toBe(true);
    expect(health.writable).toBe(true);
    expect(recovered).toBe(1);
    health.close();
    db.close();
  });
});

describe('PostgreSQL’s storage faults', () => {
  it('knows a full disk, an I/O error, a standby, a shutdown and a lost connection, not a constraint', () => {
    const fault = (code: string) => isStorageFault(Object.assign(new Error(code), { code }));
    for (const code of ['53100', '58030', '25006', '57P01', '08006', '08001']) expect(fault(code)).toBe(true);
    for (const code of ['23505', '40001', '42P01']) expect(fault(code)).toBe(false);
  });
});

describe('the write gate’s reasons', () => {
  const silent = pino({ level: 'silent' });
  const coded = (code: string) => Object.assign(new Error(code), { code });

  it('tells a database that cannot be reached (unavailable) from one that refused the write (storage-full)', () => {
    for (const error of [
      coded('ECONNREFUSED'),
      coded('57P01'),
      coded('08006'),
      new Error('Connection terminated unexpectedly'),
    ]) {
      expect(isStorageFault(error)).toBe(true);
      expect(refusalOf(error)).toBe('unavailable');
    }
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_FSYNC', '53100', '25006'])
      expect(refusalOf(coded(code))).toBe('storage-full');
    expect(isStorageFault(new Error('connection lost before COMMIT'))).toBe(false);
  });

  it('refuses writes with the reason of the fault reported, until a probe succeeds', async () => {
    let reachable = false;
    const health = createStorageHealth(
      async () => {
        if (!reachable) throw coded('ECONNREFUSED');
      },
      silent,
      { probeMs: 60_000 },
    );
    expect(health.refusal).toBeNull();
    health.report(coded('ECONNREFUSED'));
    expect([health.writable, health.refusal]).toEqual([false, 'unavailable']);
    expect(await health.probe()).toBe(false);
    reachable = true;
    expect(await health.probe()).toBe(true);
    expect([health.writable, health.refusal]).toEqual([true, null]);
    health.close();
  });

  it('stays closed while another cause holds it, and tells its listeners once when the last lets go', async () => {
    let reachable = false;
    const health = createStorageHealth(
      async () => {
        if (!reachable) throw coded('08006');
      },
      silent,
      { probeMs: 60_000 },
    );
    let recovered = 0;
    health.onRecovered(() => recovered++);
    health.hold('room bus', 'unavailable');
    health.hold('room bus', 'unavailable');
    expect([health.writable, health.refusal]).toEqual([false, 'unavailable']);
    health.report(coded('53100'));
    // The storage's own fault is the one told.
    expect(health.refusal).toBe('storage-full');
    health.release('room bus');
    expect(health.writable).toBe(false);
    expect(recovered).toBe(0);
    reachable = true;
    expect(await health.probe()).toBe(true);
    expect(recovered).toBe(1);

    // The bus alone: released, the gate opens (no probe needed).
    health.hold('room bus', 'unavailable');
    expect(await health.probe()).toBe(false);
    health.release('room bus');
    health.release('room bus');
    expect([health.writable, recovered]).toEqual([true, 2]);
    health.close();
  });
});
